// "Logged once per node per interval": remembers when each key last logged, forgets them all
// when too many keys pile up (a flood of made-up topics must not grow the heap).

export class LogThrottle {
  private readonly last = new Map<string, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly maxKeys = 20_000,
  ) {}

  /** True when `key` may log now (and records that it did). */
  allow(key: string, now: number): boolean {
    const at = this.last.get(key);
    if (at !== undefined && now - at < this.intervalMs) return false;
    if (this.last.size >= this.maxKeys) this.last.clear();
    this.last.set(key, now);
    return true;
  }
}
