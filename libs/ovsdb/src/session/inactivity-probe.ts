// RFC 7047 section 4.1.11 (echo) used as OVS uses it: after `intervalMs` of silence a peer
// is sent an echo; if it stays silent for another `intervalMs` the session is closed.
//
// One shared interval scans every registered session instead of a timer per session: with
// 10,000 devices a per-session timer would be re-armed on every received message (10,000s of
// timer updates per second under load), while a scan every quarter interval costs one pass
// over a Map and reads one number per session. The price is precision: a dead peer is
// noticed between 2 and 2.25 intervals after its last message, which is what a probe needs.

export interface ProbeTarget {
  /** Date.now() of the last message received from the peer. */
  readonly lastReceivedAt: number;
  /** Sends an echo; the answer (any message at all) updates lastReceivedAt. */
  sendProbe(): void;
  /** Closes the session: the peer did not answer the probe. */
  expire(silentForMs: number): void;
}

interface TargetState {
  probeSentAt: number | undefined;
}

export class InactivityProbe {
  private readonly targets = new Map<ProbeTarget, TargetState>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!(intervalMs > 0)) throw new RangeError(`probe interval must be positive (got ${intervalMs})`);
  }

  get size(): number {
    return this.targets.size;
  }

  add(target: ProbeTarget): void {
    this.targets.set(target, { probeSentAt: undefined });
    this.ensureTimer();
  }

  delete(target: ProbeTarget): void {
    this.targets.delete(target);
    if (this.targets.size === 0) this.stopTimer();
  }

  /** One pass over all sessions; the interval calls it, tests call it with a fixed clock. */
  scan(): void {
    const t = this.now();
    for (const [target, state] of [...this.targets]) {
      const silentFor = t - target.lastReceivedAt;
      if (state.probeSentAt !== undefined && target.lastReceivedAt >= state.probeSentAt) {
        state.probeSentAt = undefined;
      }
      if (silentFor < this.intervalMs) continue;
      if (state.probeSentAt === undefined) {
        state.probeSentAt = t;
        target.sendProbe();
      } else if (t - state.probeSentAt >= this.intervalMs) {
        this.targets.delete(target);
        target.expire(silentFor);
      }
    }
    if (this.targets.size === 0) this.stopTimer();
  }

  stop(): void {
    this.targets.clear();
    this.stopTimer();
  }

  private ensureTimer(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.scan(), Math.max(10, Math.floor(this.intervalMs / 4)));
    // The probe never keeps a process alive on its own.
    this.timer.unref();
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
