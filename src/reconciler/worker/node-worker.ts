// The per-node loop: at most one pass (one OVSDB transaction) in flight; any number of
// triggers that arrive meanwhile fold into one further pass; a failing pass is retried
// after an exponentially growing, capped delay, and a trigger during that delay waits for it.

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export function backoffDelay(policy: BackoffPolicy, failures: number): number {
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failures - 1));
}

export class NodeWorker {
  private running = false;
  private dirty = false;
  private stopped = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly pass: () => Promise<void>,
    private readonly policy: BackoffPolicy,
    private readonly onFailure: (error: unknown, failures: number, retryInMs: number) => void,
  ) {}

  /** Asks for a pass; coalesces with one that is pending or running. */
  kick(): void {
    if (this.stopped) return;
    this.dirty = true;
    if (!this.running && this.retryTimer === undefined) void this.loop();
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.settleIdle();
  }

  get consecutiveFailures(): number {
    return this.failures;
  }

  /** Resolves once no pass is running or due (for orderly shutdown and tests). */
  whenIdle(): Promise<void> {
    if (!this.running && !this.dirty) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async loop(): Promise<void> {
    this.running = true;
    while (this.dirty && !this.stopped) {
      this.dirty = false;
      try {
        await this.pass();
        this.failures = 0;
      } catch (error) {
        this.failures++;
        const delay = backoffDelay(this.policy, this.failures);
        this.onFailure(error, this.failures, delay);
        this.dirty = true;
        if (!this.stopped) {
          this.retryTimer = setTimeout(() => {
            this.retryTimer = undefined;
            this.kick();
          }, delay);
          this.retryTimer.unref();
        }
        break;
      }
    }
    this.running = false;
    if (!this.dirty || this.stopped) this.settleIdle();
  }

  private settleIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
