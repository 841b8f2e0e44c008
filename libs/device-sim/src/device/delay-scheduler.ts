// One timer for a whole fleet: simulated devices schedule their delayed work (apply a VIF,
// next upgrade step, reconnect) here instead of holding a Node timer each.

interface Task {
  readonly at: number;
  readonly run: () => void;
  cancelled: boolean;
}

export class DelayScheduler {
  private queue: Task[] = [];
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;
  private closed = false;

  /** Runs `run` after `delayMs`; returns a cancel function. */
  schedule(delayMs: number, run: () => void): () => void {
    const task: Task = { at: Date.now() + Math.max(0, delayMs), run, cancelled: false };
    if (this.closed) return () => undefined;
    let lo = 0;
    let hi = this.queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.queue[mid].at <= task.at) lo = mid + 1;
      else hi = mid;
    }
    this.queue.splice(lo, 0, task);
    this.arm();
    return () => {
      task.cancelled = true;
    };
  }

  get pending(): number {
    return this.queue.filter((t) => !t.cancelled).length;
  }

  close(): void {
    this.closed = true;
    this.queue = [];
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(): void {
    const next = this.queue[0];
    if (!next || next.at >= this.timerAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = next.at;
    this.timer = setTimeout(() => this.fire(), Math.max(0, next.at - Date.now()));
  }

  private fire(): void {
    this.timer = undefined;
    this.timerAt = Infinity;
    const now = Date.now();
    let n = 0;
    while (n < this.queue.length && this.queue[n].at <= now) n++;
    const due = this.queue.splice(0, n);
    for (const t of due) if (!t.cancelled) t.run();
    this.arm();
  }
}
