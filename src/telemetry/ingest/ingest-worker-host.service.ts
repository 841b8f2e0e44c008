// The main thread's side of the ingestion worker: starts it (TypeScript under the test
// runner, JavaScript in the build), hands it reports, and applies what it sends back:
// counter deltas to TelemetryStats, log lines to the logger, and on PostgreSQL sample
// batches to SampleBatchWriter. On SQLite the worker owns the telemetry file (its writes,
// checkpoints, rollups and retention deletes), so nothing of that runs on this event loop or
// touches the main database; maintenance runs there when asked (`maintain`).
// Reports wait in the worker's queue; beyond MAX_BACKLOG unhandled ones, new reports are
// dropped and counted (`droppedBacklog`), so a stalled worker never grows the heap without
// bound. A worker that exits is started again after a pause that grows with exits in a
// row (worker-restarts.ts), logged with the code TELEMETRY_WORKER_EXITED and counted
// (`workerRestarts`); the reports it had not handled are lost and said so.

import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DataSource } from 'typeorm';
import { emptyLegacyTables, legacyTablesWithRows } from '../sqlite/legacy-cleanup';
import { TELEMETRY_TARGET, TelemetryTarget } from '../sqlite/telemetry-target';
import { SampleBatchWriter } from '../store/sample-batch-writer.service';
import type { NodeSamples } from '../store/sample-rows';
import { TELEMETRY_CONFIG, TelemetryConfig } from '../telemetry-config';
import type { FromWorker, ReportJob, ToWorker, WorkerSetup } from '../worker/worker-protocol';
import { WORKER_COUNTERS } from '../worker/worker-protocol';
import { TelemetryStats } from './telemetry-stats';
import { RestartBackoff, WORKER_EXITED } from './worker-restarts';

/** Reports handed to the worker and not yet handled: about 20 s at 1,000 reports a second. */
export const MAX_BACKLOG = 20_000;
const STOP_MS = 10_000;

@Injectable()
export class IngestWorkerHost implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Telemetry');
  private worker: Worker | undefined;
  private backlog = 0;
  private nextId = 1;
  /** Flush and maintenance requests waiting for the worker's answer. */
  private readonly waiting = new Map<number, () => void>();
  private stopping = false;
  private readonly restarts = new RestartBackoff();
  private setup: WorkerSetup = {};
  private markReady!: () => void;
  /** Resolves once the worker has opened (and, on SQLite, created or upgraded) its storage. */
  readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));

  constructor(
    private readonly stats: TelemetryStats,
    private readonly batches: SampleBatchWriter,
    private readonly dataSource: DataSource,
    @Inject(TELEMETRY_CONFIG) private readonly config: TelemetryConfig,
    @Inject(TELEMETRY_TARGET) private readonly target: TelemetryTarget,
  ) {}

  async onModuleInit(): Promise<void> {
    const t = this.target;
    if (t.kind === 'sqlite') {
      const tables = t.mainFile === undefined ? [] : await legacyTablesWithRows(this.dataSource);
      const legacy = t.mainFile !== undefined && tables.length > 0 ? { mainFile: t.mainFile, tables } : undefined;
      this.setup = { sqlite: { file: t.file, rawRetentionDays: this.config.rawRetentionDays, hourlyRetentionDays: this.config.hourlyRetentionDays, legacy } };
    }
    this.start();
  }

  /** Hands one report to the worker; false when the backlog is full (the report is dropped). */
  submit(job: ReportJob): boolean {
    const worker = this.worker;
    if (worker === undefined || this.backlog >= MAX_BACKLOG) return false;
    // A copy of the payload's own bytes (an MQTT payload may be a view of a larger buffer),
    // moved to the worker without a second copy.
    const payload = new Uint8Array(job.payload);
    this.backlog++;
    const message: ToWorker = { kind: 'report', ...job, payload };
    worker.postMessage(message, [payload.buffer]);
    return true;
  }

  /** Samples to store as if a report had brought them (SampleWriter). */
  add(samples: NodeSamples): void {
    this.post({ kind: 'samples', samples });
  }

  /** Resolves when every report and sample handed over so far is stored (or counted lost). */
  async flush(): Promise<void> {
    await this.ask((id) => ({ kind: 'flush', id }));
    await this.batches.flush();
  }

  /** SQLite: the worker rolls up and removes what is due at `now` on the telemetry file. */
  maintain(now: number): Promise<void> {
    return this.ask((id) => ({ kind: 'maintain', id, now }));
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await Promise.race([this.flush(), new Promise((r) => setTimeout(r, STOP_MS).unref())]).catch(() => undefined);
    const worker = this.worker;
    if (worker !== undefined) {
      // The worker closes its connection (a clean WAL) and ends; terminated if it does not.
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage({ kind: 'stop' } satisfies ToWorker);
      await Promise.race([exited, new Promise((r) => setTimeout(r, STOP_MS).unref())]);
      await worker.terminate();
    }
    this.worker = undefined;
    if (this.target.kind === 'sqlite' && this.target.tempDir !== undefined) rmSync(this.target.tempDir, { recursive: true, force: true });
  }

  private post(message: ToWorker): boolean {
    if (this.worker === undefined) return false;
    this.worker.postMessage(message);
    return true;
  }

  /** Sends a request with a fresh id; resolves on the worker's answer (or when it exits). */
  private ask(message: (id: number) => ToWorker): Promise<void> {
    const id = this.nextId++;
    return new Promise<void>((resolve) => {
      this.waiting.set(id, resolve);
      if (!this.post(message(id))) {
        this.waiting.delete(id);
        resolve();
      }
    });
  }

  private start(): void {
    const worker = startWorker(this.setup);
    const startedAt = Date.now();
    this.worker = worker;
    this.backlog = 0;
    worker.on('message', (m: FromWorker) => this.receive(m));
    worker.on('error', (error) => this.logger.error(`telemetry ingestion worker failed: ${error.message}`));
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      const lost = this.backlog;
      for (const resolve of this.waiting.values()) resolve();
      this.waiting.clear();
      if (this.stopping) return;
      const pause = this.restarts.next(startedAt, Date.now());
      this.stats.workerRestarts++;
      this.logger.error(`${WORKER_EXITED}: telemetry ingestion worker exited (code ${code}), up to ${lost} reports handed to it lost; starting it again in ${pause} ms`);
      setTimeout(() => {
        if (!this.stopping) this.start();
      }, pause).unref();
    });
  }

  private receive(m: FromWorker): void {
    switch (m.kind) {
      case 'counters': {
        this.backlog = Math.max(0, this.backlog - m.processed);
        for (const c of WORKER_COUNTERS) this.stats[c] += m.deltas[c];
        if (m.lastFlushLagMs !== undefined) this.stats.lastFlushLagMs = m.lastFlushLagMs;
        return;
      }
      case 'log':
        this.logger[m.level](m.message);
        return;
      case 'ready':
        this.markReady();
        return;
      case 'batch':
        void this.batches.write(m.batch);
        return;
      case 'flushed':
      case 'maintained':
        this.waiting.get(m.id)?.();
        this.waiting.delete(m.id);
        return;
      case 'imported':
        this.logger.log(`telemetry of an older release copied from the main database file to ${this.target.kind === 'sqlite' ? this.target.file : ''}`);
        // Only once copied: the main file's rows go, in short slices on the main connection.
        if (this.setup.sqlite) this.setup.sqlite.legacy = undefined;
        void emptyLegacyTables(this.dataSource, m.tables).catch((error: unknown) =>
          this.logger.warn(`old telemetry rows not removed from the main database file: ${error instanceof Error ? error.message : String(error)}`),
        );
        return;
    }
  }
}

/** The worker from its build output, or from its TypeScript source under the test runner. */
function startWorker(setup: WorkerSetup): Worker {
  const js = join(__dirname, '..', 'worker', 'ingest-worker.js');
  if (existsSync(js)) return new Worker(js, { name: 'telemetry-ingest', workerData: setup });
  const ts = join(__dirname, '..', 'worker', 'ingest-worker.ts');
  return new Worker(`require('@swc-node/register'); require(${JSON.stringify(ts)});`, { eval: true, name: 'telemetry-ingest', workerData: setup });
}
