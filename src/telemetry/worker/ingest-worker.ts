// Entry of the ingestion worker thread (node:worker_threads): inflate and decode each report,
// check it and buffer the samples, off the controller's event loop; each buffered batch (a
// second's samples at most) goes to the main thread, which writes it. Counters go back as
// deltas at most every COUNTERS_MS, with how many reports were handled (the main thread's
// measure of the backlog).

import { parentPort } from 'node:worker_threads';
import { SampleBuffer } from '../store/sample-buffer';
import { ReportPipeline } from './report-pipeline';
import { FromWorker, ToWorker, WORKER_COUNTERS, WorkerCounter } from './worker-protocol';

const COUNTERS_MS = 100;

function zeroCounters(): Record<WorkerCounter, number> {
  return Object.fromEntries(WORKER_COUNTERS.map((c) => [c, 0])) as Record<WorkerCounter, number>;
}

function main(): void {
  const port = parentPort;
  if (port === null) throw new Error('ingest-worker runs as a worker thread');
  const send = (message: FromWorker): void => port.postMessage(message);
  const log = (level: 'log' | 'warn', message: string): void => send({ kind: 'log', level, message });

  // Counted here and sent as deltas.
  const counters = zeroCounters();
  let processed = 0;
  let timer: NodeJS.Timeout | undefined;
  const report = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const deltas = zeroCounters();
    for (const c of WORKER_COUNTERS) [deltas[c], counters[c]] = [counters[c], 0];
    send({ kind: 'counters', processed, deltas });
    processed = 0;
  };
  const changed = (): void => {
    timer ??= setTimeout(report, COUNTERS_MS);
  };

  // Writes happen on the main thread, which counts flushes, failures and lag there.
  const buffer = new SampleBuffer((batch) => Promise.resolve(send({ kind: 'batch', batch })), counters, (m) => log('warn', m));
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
