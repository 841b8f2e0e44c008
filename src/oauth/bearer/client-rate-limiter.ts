// Per-API-client request budget of the REST APIs: a window of one minute that starts at the
// client's first request in it, counted in this process (each controller instance allows
// the limit). Over it: 429 with Retry-After, the seconds until that window ends.

const WINDOW_MS = 60_000;

export class ClientRateLimiter {
  private readonly windows = new Map<string, { start: number; used: number }>();
  private lastSweep = 0;

  constructor(
    private readonly limitPerMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request; returns undefined when allowed, else seconds until the window ends. */
  take(clientId: string): number | undefined {
    const now = this.now();
    this.sweep(now);
    let window = this.windows.get(clientId);
    if (window === undefined || now - window.start >= WINDOW_MS) {
      window = { start: now, used: 0 };
      this.windows.set(clientId, window);
    }
    window.used += 1;
    if (window.used <= this.limitPerMinute) return undefined;
    return Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));
  }

  /** Forgets finished windows, at most once a window. */
  private sweep(now: number): void {
    if (now - this.lastSweep < WINDOW_MS) return;
    this.lastSweep = now;
    for (const [clientId, window] of this.windows) if (now - window.start >= WINDOW_MS) this.windows.delete(clientId);
  }
}
