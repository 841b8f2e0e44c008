// Writes sample batches through the application's DataSource (TypeORM): multi-row INSERTs in
// one transaction per batch. On the main thread, for what the ingestion worker cannot write
// itself (PostgreSQL, an in-memory SQLite database): the worker buffers and sends a batch a
// second; `add` buffers here (storage tests, tools). Batches waiting for the database are
// capped like the buffer: beyond MAX_BUFFERED rows a batch is dropped and counted.

import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TelemetryStats } from '../ingest/telemetry-stats';
import { countedWrite, MAX_BUFFERED, SampleBuffer } from './sample-buffer';
import { batchSize, NodeSamples, SampleBatch, TABLES } from './sample-rows';
import { TelemetrySql } from './sql';

export type { NodeSamples } from './sample-rows';

@Injectable()
export class SampleWriter implements OnModuleDestroy {
  private readonly logger = new Logger('Telemetry');
  private readonly sql: TelemetrySql;
  private readonly buffer: SampleBuffer;
  private tail: Promise<void> = Promise.resolve();
  private waitingRows = 0;

  constructor(
    dataSource: DataSource,
    private readonly stats: TelemetryStats,
  ) {
    this.sql = new TelemetrySql(dataSource);
    this.buffer = new SampleBuffer((b) => this.write(b), stats, (m) => this.logger.warn(m));
  }

  add(s: NodeSamples): void {
    this.buffer.add(s);
  }

  /** Writes what is buffered, and waits for every batch already queued. */
  async flush(): Promise<void> {
    await this.buffer.flush();
    await this.tail;
  }

  /** Queues one batch for writing, in order; resolves when it is written (or counted lost). */
  write(batch: SampleBatch): Promise<void> {
    const rows = batchSize(batch);
    if (this.waitingRows + rows > MAX_BUFFERED) {
      this.stats.samplesDropped += batch.clients.length;
      this.logger.warn('telemetry writes fall behind: dropped a batch of samples');
      return this.tail;
    }
    this.waitingRows += rows;
    const done = this.tail.then(() =>
      countedWrite(batch, this.stats, () => this.insert(batch), (m) => this.logger.warn(m)).finally(() => {
        this.waitingRows -= rows;
      }),
    );
    this.tail = done;
    return done;
  }

  async onModuleDestroy(): Promise<void> {
    await this.flush().catch(() => undefined);
  }

  private async insert(batch: SampleBatch): Promise<void> {
    for (const t of TABLES) await this.sql.insertMany(t.name, t.columns, t.rows(batch));
  }
}
