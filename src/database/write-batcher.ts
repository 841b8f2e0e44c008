// Gathers writes requested in the same event-loop turn and hands them to one call, so a
// burst (ten thousand devices connecting after an outage) costs a few transactions instead
// of one each. When a batch fails, its items are retried one by one, so one bad item
// cannot fail the others and each caller gets its own outcome.

export type BatchWrite<I, O> = (items: readonly I[]) => Promise<O[]>;

export class WriteBatcher<I, O> {
  private queue: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  private scheduled = false;

  constructor(
    private readonly write: BatchWrite<I, O>,
    private readonly maxBatch = 256,
  ) {}

  add(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.queue.length >= this.maxBatch) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue.splice(0, this.maxBatch);
    if (this.queue.length > 0 && !this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
    if (batch.length === 0) return;
    void this.write(batch.map((b) => b.item)).then(
      (results) => batch.forEach((b, i) => b.resolve(results[i])),
      async (error: unknown) => {
        if (batch.length === 1) return batch[0].reject(error);
        for (const b of batch) {
          try {
            b.resolve((await this.write([b.item]))[0]);
          } catch (e) {
            b.reject(e);
          }
        }
      },
    );
  }
}
