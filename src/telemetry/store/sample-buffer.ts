// Buffers decoded samples and hands them to a sink in bulk: at most once a second, or sooner
// when the buffer reaches 5,000 rows, so 10,000 client samples a second cost a couple of
// transactions a second. If the sink falls behind, the buffer is capped and the buffered
// client samples dropped (counted): telemetry must never grow the heap without bound.
// Used in the ingestion worker; its sink writes the telemetry file (SQLite) or sends the
// batch to the main thread (PostgreSQL).

import { batchSize, clientRows, nodeRows, NodeSamples, radioRows, SampleBatch } from './sample-rows';

export const FLUSH_MS = 1000;
export const FLUSH_ROWS = 5000;
export const MAX_BUFFERED = 200_000;

/** The counters a buffer keeps (fields of TelemetryStats). */
export interface BufferCounters {
  clientSamples: number;
  samplesDropped: number;
}

/** The counters the writes keep (fields of TelemetryStats). */
export interface SampleCounters extends BufferCounters {
  flushes: number;
  writeFailures: number;
  /** Receive-to-commit delay of the oldest report in the last flush, ms. */
  lastFlushLagMs: number;
}

export type BatchSink = (batch: SampleBatch) => Promise<void>;

export function emptyBatch(): SampleBatch {
  return { clients: [], nodes: [], radios: [], oldestReceivedAt: undefined };
}

export class SampleBuffer {
  private batch = emptyBatch();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly sink: BatchSink,
    private readonly counters: BufferCounters,
    private readonly warn: (message: string) => void,
  ) {}

  add(s: NodeSamples): void {
    const b = this.batch;
    for (const row of clientRows(s)) b.clients.push(row);
    for (const row of nodeRows(s)) b.nodes.push(row);
    for (const row of radioRows(s)) b.radios.push(row);
    b.oldestReceivedAt ??= s.receivedAt;
    this.counters.clientSamples += s.clients.length;
    const buffered = batchSize(b);
    if (buffered > MAX_BUFFERED) {
      this.counters.samplesDropped += b.clients.length;
      b.clients = [];
      this.warn('telemetry writes fall behind: dropped the buffered client samples');
    }
    if (buffered >= FLUSH_ROWS) void this.flush();
    else if (this.timer === undefined) {
      this.timer = setTimeout(() => void this.flush(), FLUSH_MS);
      this.timer.unref();
    }
  }

  /** Hands what is buffered to the sink (waits for a flush in progress first). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    while (this.flushing) await this.flushing;
    if (batchSize(this.batch) === 0) return;
    const batch = this.batch;
    this.batch = emptyBatch();
    this.flushing = this.sink(batch).finally(() => {
      this.flushing = undefined;
    });
    await this.flushing;
  }
}

/** Runs one write of `batch`, counting a flush and its lag, or a failure and the lost samples. */
export async function countedWrite(batch: SampleBatch, counters: SampleCounters, write: () => Promise<void> | void, warn: (message: string) => void): Promise<void> {
  try {
    await write();
    counters.flushes++;
    if (batch.oldestReceivedAt !== undefined) counters.lastFlushLagMs = Date.now() - batch.oldestReceivedAt;
  } catch (error) {
    counters.samplesDropped += batch.clients.length;
    counters.writeFailures++;
    warn(`telemetry samples not stored: ${error instanceof Error ? error.message : String(error)}`);
  }
}
