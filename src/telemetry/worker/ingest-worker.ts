// Entry of the ingestion worker thread (node:worker_threads): inflate and decode each report,
// check it and buffer the samples, off the controller's event loop. On SQLite the worker owns
// the telemetry file (its own connection, workerData.sqlite): it writes each buffered batch
// there, runs the rollup and retention deletes when asked, and copies an older release's
// samples over once. On PostgreSQL each batch goes to the main thread, which writes it.
// Counters go back as deltas at most every COUNTERS_MS, with how many reports were handled
// (the main thread's measure of the backlog).

import { parentPort, workerData } from 'node:worker_threads';
import { LogThrottle } from '../ingest/log-throttle';
import { MaintenanceJob } from '../store/maintenance-job';
import { BatchSink, countedWrite, SampleBuffer, SampleCounters } from '../store/sample-buffer';
import { importLegacyTables } from '../sqlite/legacy-import';
import { TelemetryFileWriter } from '../sqlite/telemetry-file-writer';
import { ReportPipeline } from './report-pipeline';
import { FromWorker, ToWorker, WORKER_COUNTERS, WorkerCounter, WorkerSetup } from './worker-protocol';

const COUNTERS_MS = 100;
/** A failing write of the telemetry file is logged at most once per this interval. */
const WRITE_LOG_INTERVAL_MS = 60_000;

type Counters = Record<WorkerCounter, number> & SampleCounters;

function main(): void {
  const port = parentPort;
  if (port === null) throw new Error('ingest-worker runs as a worker thread');
  const setup = (workerData ?? {}) as WorkerSetup;
  const send = (message: FromWorker): void => port.postMessage(message);
  const log = (level: 'log' | 'warn' | 'error', message: string): void => send({ kind: 'log', level, message });

  // Counted here and sent as deltas; the flush lag as its latest value (-1: none since).
  const counters = { ...Object.fromEntries(WORKER_COUNTERS.map((c) => [c, 0])), lastFlushLagMs: -1 } as Counters;
  let processed = 0;
  let timer: NodeJS.Timeout | undefined;
  const report = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const deltas = {} as Record<WorkerCounter, number>;
    for (const c of WORKER_COUNTERS) [deltas[c], counters[c]] = [counters[c], 0];
    send({ kind: 'counters', processed, deltas, ...(counters.lastFlushLagMs >= 0 ? { lastFlushLagMs: counters.lastFlushLagMs } : {}) });
    counters.lastFlushLagMs = -1;
    processed = 0;
  };
  const changed = (): void => {
    timer ??= setTimeout(report, COUNTERS_MS);
  };

  let file: TelemetryFileWriter | undefined;
  let maintenance: MaintenanceJob | undefined;
  let sink: BatchSink = (batch) => Promise.resolve(send({ kind: 'batch', batch }));
  if (setup.sqlite) {
    const writer = new TelemetryFileWriter(setup.sqlite.file);
    file = writer;
    const throttle = new LogThrottle(WRITE_LOG_INTERVAL_MS);
    const warnWrite = (m: string): void => {
      if (throttle.allow('write', Date.now())) log('warn', m);
    };
    sink = (batch) => countedWrite(batch, counters, () => writer.write(batch), warnWrite).then(changed);
    maintenance = new MaintenanceJob(writer.query, setup.sqlite, (m) => log('warn', m));
  }
  send({ kind: 'ready' });

  const buffer = new SampleBuffer(sink, counters, (m) => log('warn', m));
  const pipeline = new ReportPipeline(counters, log);

  port.on('message', (message: ToWorker) => {
    switch (message.kind) {
      case 'report': {
        const samples = pipeline.process(message);
        if (samples !== null) buffer.add(samples);
        processed++;
        changed();
        return;
      }
      case 'samples':
        buffer.add(message.samples);
        changed();
        return;
      case 'flush':
        void buffer.flush().then(() => {
          report();
          send({ kind: 'flushed', id: message.id });
        });
        return;
      case 'maintain':
        void (maintenance?.run(message.now) ?? Promise.resolve()).then(() => send({ kind: 'maintained', id: message.id }));
        return;
      case 'stop':
        void buffer.flush().then(() => {
          report();
          file?.close();
          file = undefined;
          port.close();
        });
        return;
    }
  });

  const legacy = setup.sqlite?.legacy;
  if (file !== undefined && legacy !== undefined) {
    const db = file.db;
    importLegacyTables(db, legacy.mainFile, legacy.tables).then(
      (tables) => send({ kind: 'imported', tables }),
      (error: unknown) => log('error', `telemetry of the main database file not copied: ${error instanceof Error ? error.message : String(error)}`),
    );
  }
}

main();
