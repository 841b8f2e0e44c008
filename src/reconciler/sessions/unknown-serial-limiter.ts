// How many node rows unknown serials may create: a rate (a token bucket, per minute, with a
// minute's worth as burst so a first deployment's fleet is recorded at once) and a cap on
// unclaimed rows in total. A serial refused here is not recorded and its session is closed;
// the device dials again later. Drops are counted (SouthboundStats) and logged once per
// interval as one summary line, so a flood cannot flood the log.

import { TokenBucket } from '@lib/ovsdb';

export const DROP_LOG_INTERVAL_MS = 60_000;

export type UnknownSerialVerdict = 'record' | 'rate' | 'cap';

export class UnknownSerialLimiter {
  private readonly bucket: TokenBucket;
  private droppedSinceLog = 0;
  private lastLogAt = -Infinity;

  constructor(
    perMinute: number,
    private readonly maxUnclaimed: number,
    private readonly log: (line: string) => void,
    private readonly count: () => void,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.bucket = new TokenBucket(perMinute / 60, Math.max(1, perMinute), now);
  }

  /** Whether one more unknown serial may be recorded, with `unclaimed` rows existing now. */
  admit(unclaimed: number, serial: string): UnknownSerialVerdict {
    const verdict: UnknownSerialVerdict = unclaimed >= this.maxUnclaimed ? 'cap' : this.bucket.tryTake() ? 'record' : 'rate';
    if (verdict !== 'record') this.drop(verdict, serial);
    return verdict;
  }

  private drop(verdict: UnknownSerialVerdict, serial: string): void {
    this.count();
    this.droppedSinceLog++;
    const t = this.now();
    if (t - this.lastLogAt < DROP_LOG_INTERVAL_MS) return;
    const why = verdict === 'cap' ? `${this.maxUnclaimed} unclaimed nodes exist (OVSDB_MAX_UNCLAIMED_NODES)` : 'OVSDB_UNKNOWN_SERIALS_PER_MINUTE exceeded';
    this.log(`${this.droppedSinceLog} unknown serial(s) not recorded since the last such line, latest ${serial}: ${why}`);
    this.droppedSinceLog = 0;
    this.lastLogAt = t;
  }
}
