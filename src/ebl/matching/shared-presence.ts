// Presence shared by the instances of a cluster (PostgreSQL): the nodes of one location are
// often held by different instances, so a client roaming from a node one instance holds to a
// node another holds is new to the second one's in-memory tracker, but not to the location.
// The matching service asks here only when its tracker says "new"; sightings and leaves of
// clients that matched are written here either way, so another instance can decide. Each
// instance keeps the rows of the clients it sees associated alive (every sweep), so presence
// left behind by an instance that died ends after `presenceStaleAfterMs`.
//
// The statements for one client run in the order their events came (a leave is never
// written before the association it follows). SQL: shared-presence-sql.ts.

import { DataSource } from 'typeorm';
import { DiscoveryTimes, discoveryCutoffs, forgettableBefore } from './discovery-rule';
import { PresentClient } from './presence-tracker';
import { FORGET, KEEP_ALIVE, LEFT, SIGHTED } from './shared-presence-sql';

/** How often instances confirm the presence they see (the matching service's sweep). */
export const PRESENCE_KEEP_ALIVE_MS = 60_000;
/** Presence not confirmed for this long is stale: five keep-alives missed. */
export const PRESENCE_STALE_AFTER_MS = 5 * PRESENCE_KEEP_ALIVE_MS;

export class SharedPresence {
  private readonly queues = new Map<string, Promise<void>>();
  readonly times: DiscoveryTimes;

  constructor(
    private readonly dataSource: DataSource,
    rediscoveryAfterMs: number,
  ) {
    this.times = { rediscoveryAfterMs, presenceStaleAfterMs: PRESENCE_STALE_AFTER_MS };
  }

  /** Records a sighting (nodeId null: a DHCP lease); resolves true when it is a new discovery for the location. */
  sighted(providerId: string, locationId: string, mac: string, nodeId: string | null, at: Date): Promise<boolean> {
    const { stalePresenceBefore, absentSinceAtMost } = discoveryCutoffs(at.getTime(), this.times);
    return this.inOrder(`${locationId}|${mac}`, async () => {
      const rows = (await this.dataSource.query(SIGHTED, [locationId, mac, providerId, nodeId, at, new Date(stalePresenceBefore), new Date(absentSinceAtMost)])) as { discovered: boolean }[];
      return rows[0]?.discovered === true;
    });
  }

  /** The client left a node (its rows for every provider). */
  left(locationId: string, mac: string, nodeId: string, at: Date): Promise<void> {
    return this.inOrder(`${locationId}|${mac}`, async () => {
      await this.dataSource.query(LEFT, [locationId, mac, nodeId, at]);
    });
  }

  /** Confirms what this instance sees associated, then removes rows that decide like no row. */
  async sweep(now: Date, present: readonly PresentClient[]): Promise<void> {
    if (present.length > 0) {
      const sorted = [...present].sort((a, b) => compare(a.locationId, b.locationId) || compare(a.mac, b.mac) || compare(a.providerId, b.providerId));
      await this.dataSource.query(KEEP_ALIVE, [now, sorted.map((c) => c.locationId), sorted.map((c) => c.mac), sorted.map((c) => c.providerId), sorted.map((c) => c.nodeId)]);
    }
    await this.dataSource.query(FORGET, [new Date(forgettableBefore(now.getTime(), this.times))]);
  }

  /** Runs `work` after everything queued for `key` settled. */
  private inOrder<T>(key: string, work: () => Promise<T>): Promise<T> {
    const result = (this.queues.get(key) ?? Promise.resolve()).then(work);
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    return result;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
