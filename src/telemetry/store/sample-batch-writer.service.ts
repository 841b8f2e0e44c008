// PostgreSQL: writes the sample batches the ingestion worker sends back (a second's samples
// at most), in order, as multi-row INSERTs in one transaction per table (writes are
// asynchronous there: the event loop only waits). Batches waiting for the database are
// capped like the worker's buffer: beyond MAX_BUFFERED rows a batch is dropped and counted.
// On SQLite nothing comes here: the worker writes the telemetry file itself.

import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TelemetryStats } from '../ingest/telemetry-stats';
import { countedWrite, MAX_BUFFERED } from './sample-buffer';
import { batchSize, SampleBatch, TABLES } from './sample-rows';
import { TelemetrySql } from './sql';

@Injectable()
export class SampleBatchWriter {
  private readonly logger = new Logger('Telemetry');
  private readonly sql: TelemetrySql;
  private tail: Promise<void> = Promise.resolve();
  private waitingRows = 0;

  constructor(
    dataSource: DataSource,
    private readonly stats: TelemetryStats,
  ) {
    this.sql = new TelemetrySql(dataSource);
  }

  /** Waits for every batch already queued. */
  flush(): Promise<void> {
    return this.tail;
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

  private async insert(batch: SampleBatch): Promise<void> {
    for (const t of TABLES) await this.sql.insertMany(t.name, t.columns, t.rows(batch));
  }
}
