// One timer for many deadlines (network expiries, status fail-after): a fleet of nodes must
// not hold a timer each. The timer always targets the earliest deadline; when it fires, every
// due key is handed to the callback at once.

// setTimeout holds at most a signed 32-bit delay; later deadlines are re-armed on the way.
const MAX_DELAY_MS = 2 ** 31 - 1;

export class DeadlineScheduler {
  private readonly deadlines = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private armedFor: number | undefined;

  constructor(
    private readonly onDue: (keys: string[]) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** Sets (or moves) the deadline of `key`; an earlier one already set is kept. */
  schedule(key: string, at: number): void {
    const current = this.deadlines.get(key);
    if (current !== undefined && current <= at) return;
    this.deadlines.set(key, at);
    // The armed timer fires early enough unless this deadline is earlier: no scan of every
    // deadline per call (a fleet-wide change schedules one per node).
    if (this.armedFor === undefined || at < this.armedFor) this.armAt(at);
  }

  cancel(key: string): void {
    this.deadlines.delete(key);
  }

  get size(): number {
    return this.deadlines.size;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.armedFor = undefined;
    this.deadlines.clear();
  }

  private arm(): void {
    let earliest: number | undefined;
    for (const at of this.deadlines.values()) if (earliest === undefined || at < earliest) earliest = at;
    if (earliest !== undefined && earliest !== this.armedFor) this.armAt(earliest);
  }

  private armAt(at: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.armedFor = at;
    const delay = Math.min(MAX_DELAY_MS, Math.max(0, at - this.now()));
    this.timer = setTimeout(() => this.fire(), delay);
    this.timer.unref();
  }

  private fire(): void {
    this.timer = undefined;
    this.armedFor = undefined;
    const now = this.now();
    const due = [...this.deadlines].filter(([, at]) => at <= now).map(([key]) => key);
    for (const key of due) this.deadlines.delete(key);
    this.arm();
    if (due.length > 0) this.onDue(due);
  }
}
