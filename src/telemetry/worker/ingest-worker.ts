// Entry of the ingestion worker thread (node:worker_threads): inflate and decode each report,
// check it, buffer the samples and append them, off the controller's event loop. With a
// SQLite file the worker writes through a connection of its own; otherwise (PostgreSQL, an
// in-memory database) it sends each buffered batch to the main thread, which writes it.
// Counters go back as deltas at most every COUNTERS_MS, with how many reports were handled
// (the main thread's measure of the backlog).

import { parentPort, workerData } from 'node:worker_threads';
import { countedWrite, SampleBuffer } from '../store/sample-buffer';
import { ReportPipeline } from './report-pipeline';
import { SqliteSampleSink } from './sqlite-sample-sink';
import { FromWorker, ToWorker, WORKER_COUNTERS, WorkerCounter, WorkerSetup } from './worker-protocol';

const COUNTERS_MS = 100;

function zeroCounters(): Record<WorkerCounter, number> {
  return Object.fromEntries(WORKER_COUNTERS.map((c) => [c, 0])) as Record<WorkerCounter, number>;
}

function main(): void {
  const port = parentPort;
  if (port === null) throw new Error('ingest-worker runs as a worker thread');
  const setup = workerData as WorkerSetup;
  const send = (message: FromWorker): void => port.postMessage(message);
  const log = (level: 'log' | 'warn', message: string): void => send({ kind: 'log', level, message });

  // Counted here and sent as deltas; the lag is absolute (-1: no flush since the last send).
  const counters = { ...zeroCounters(), lastFlushLagMs: -1 };
  let processed = 0;
  let timer: NodeJS.Timeout | undefined;
  const report = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const deltas = zeroCounters();
    for (const c of WORKER_COUNTERS) [deltas[c], counters[c]] = [counters[c], 0];
    send({ kind: 'counters', processed, deltas, lastFlushLagMs: counters.lastFlushLagMs < 0 ? null : counters.lastFlushLagMs });
    counters.lastFlushLagMs = -1;
    processed = 0;
  };
  const changed = (): void => {
    timer ??= setTimeout(report, COUNTERS_MS);
  };

  const sink = setup.sqliteFile === null ? undefined : new SqliteSampleSink(setup.sqliteFile, setup.busyTimeoutMs);
  const warn = (m: string): void => log('warn', m);
  const buffer = new SampleBuffer(
    (batch) =>
      sink === undefined
        ? Promise.resolve(send({ kind: 'batch', batch }))
        : countedWrite(batch, counters, () => sink.write(batch), warn).finally(changed),
    counters,
    warn,
  );
  const pipeline = new ReportPipeline(counters, log);

  port.on('message', (message: ToWorker) => {
    if (message.kind === 'flush') {
      void buffer.flush().then(() => {
        report();
        send({ kind: 'flushed', id: message.id });
      });
      return;
    }
    const samples = pipeline.process(message);
    if (samples !== null) buffer.add(samples);
    processed++;
    changed();
  });
}

main();
