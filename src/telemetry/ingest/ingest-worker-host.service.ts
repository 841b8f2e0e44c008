// The main thread's side of the ingestion worker: starts it (TypeScript under the test
// runner, JavaScript in the build), hands it reports, and applies what it sends back:
// counter deltas to TelemetryStats, log lines to the logger, sample batches to SampleWriter.
// Reports wait in the worker's queue;
// beyond MAX_BACKLOG unhandled ones, new reports are dropped and counted
// (`droppedBacklog`), so a stalled worker never grows the heap without bound. A worker that
// dies is started again.

import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { SampleWriter } from '../store/sample-writer.service';
import type { FromWorker, ReportJob, ToWorker } from '../worker/worker-protocol';
import { WORKER_COUNTERS } from '../worker/worker-protocol';
import { TelemetryStats } from './telemetry-stats';

/** Reports handed to the worker and not yet handled: about 20 s at 1,000 reports a second. */
export const MAX_BACKLOG = 20_000;

@Injectable()
export class IngestWorkerHost implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Telemetry');
  private worker: Worker | undefined;
  private backlog = 0;
  private nextFlushId = 1;
  private readonly flushes = new Map<number, () => void>();
  private stopping = false;

  constructor(
    private readonly stats: TelemetryStats,
    private readonly writer: SampleWriter,
  ) {}

  onModuleInit(): void {
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

  /** Resolves when every report handed over so far is stored (or counted lost). */
  async flush(): Promise<void> {
    const worker = this.worker;
    if (worker === undefined) return;
    const id = this.nextFlushId++;
    await new Promise<void>((resolve) => {
      this.flushes.set(id, resolve);
      const message: ToWorker = { kind: 'flush', id };
      worker.postMessage(message);
    });
    await this.writer.flush();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await Promise.race([this.flush(), new Promise((r) => setTimeout(r, 10_000).unref())]).catch(() => undefined);
    await this.worker?.terminate();
    this.worker = undefined;
  }

  private start(): void {
    const worker = startWorker();
    this.worker = worker;
    this.backlog = 0;
    worker.on('message', (m: FromWorker) => this.receive(m));
    worker.on('error', (error) => this.logger.error(`telemetry ingestion worker failed: ${error.message}`));
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      for (const resolve of this.flushes.values()) resolve();
      this.flushes.clear();
      if (this.stopping) return;
      this.logger.error(`telemetry ingestion worker exited (code ${code}); starting it again`);
      this.start();
    });
  }

  private receive(m: FromWorker): void {
    switch (m.kind) {
      case 'counters': {
        this.backlog = Math.max(0, this.backlog - m.processed);
        for (const c of WORKER_COUNTERS) this.stats[c] += m.deltas[c];
        return;
      }
      case 'log':
        if (m.level === 'warn') this.logger.warn(m.message);
        else this.logger.log(m.message);
        return;
      case 'batch':
        void this.writer.write(m.batch);
        return;
      case 'flushed':
        this.flushes.get(m.id)?.();
        this.flushes.delete(m.id);
        return;
    }
  }
}

/** The worker from its build output, or from its TypeScript source under the test runner. */
function startWorker(): Worker {
  const js = join(__dirname, '..', 'worker', 'ingest-worker.js');
  if (existsSync(js)) return new Worker(js, { name: 'telemetry-ingest' });
  const ts = join(__dirname, '..', 'worker', 'ingest-worker.ts');
  return new Worker(`require('@swc-node/register'); require(${JSON.stringify(ts)});`, { eval: true, name: 'telemetry-ingest' });
}
