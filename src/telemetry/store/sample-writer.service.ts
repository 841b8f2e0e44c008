// Writes the sample batches the ingestion worker sends (a second's samples at most), in
// order: on SQLite through the application's connection in short transactions with loop
// turns between them (SqliteSampleSink), on PostgreSQL as multi-row INSERTs in one
// transaction per table. `add` buffers here (storage tests, tools). Batches waiting for the
// database are capped like the buffer: beyond MAX_BUFFERED rows a batch is dropped and
// counted.

import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TelemetryStats } from '../ingest/telemetry-stats';
import { countedWrite, MAX_BUFFERED, SampleBuffer } from './sample-buffer';
import { batchSize, NodeSamples, SampleBatch, TABLES } from './sample-rows';
import { SqliteConnection, SqliteSampleSink } from './sqlite-sample-sink';
import { TelemetrySql } from './sql';

export type { NodeSamples } from './sample-rows';

@Injectable()
export class SampleWriter implements OnModuleDestroy {
  private readonly logger = new Logger('Telemetry');
  private readonly sql: TelemetrySql;
  private readonly buffer: SampleBuffer;
  private readonly sqlite: SqliteSampleSink | undefined;
  private tail: Promise<void> = Promise.resolve();
  private waitingRows = 0;

  constructor(
    dataSource: DataSource,
    private readonly stats: TelemetryStats,
  ) {
    this.sql = new TelemetrySql(dataSource);
    this.sqlite = dataSource.options.type === 'better-sqlite3' ? new SqliteSampleSink((dataSource.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection) : undefined;
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
    if (this.sqlite) return this.sqlite.write(batch);
    for (const t of TABLES) await this.sql.insertMany(t.name, t.columns, t.rows(batch));
  }
}
