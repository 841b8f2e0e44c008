// At most `limit` device handshakes (the 366 KB get_schema reply, parsed and interned) in
// flight at once. Devices wait for the controller to speak first, so a session waiting
// here costs nothing. Without the bound, 10,000 devices dialling within seconds all
// answered at once: one event-loop turn then parsed thousands of schemas, the loop stopped
// accepting, the kernel's accept queue overflowed and devices were left on connections the
// controller never saw (docs/benchmarks.md).

export class HandshakeGate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`handshake limit must be a positive integer, not ${limit}`);
  }

  get inFlight(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Runs `work` once a slot is free; the slot is released however `work` ends. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so `active` never overshoots the limit.
      if (next !== undefined) next();
      else this.active--;
    }
  }
}
