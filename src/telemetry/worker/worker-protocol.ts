// Messages between the controller's event loop and the ingestion worker thread. The main
// thread sends each accepted-topic report (the node's identity as the controller knows it,
// the raw payload, the receive time), samples to store (SampleWriter.add), flush and
// maintenance requests; the worker sends back counter deltas, log lines (already
// throttled), and on PostgreSQL the buffered sample batches, which the main thread writes.
// On SQLite the worker writes them itself, to the telemetry file (workerData.sqlite).

import type { NodeSamples, SampleBatch } from '../store/sample-rows';

export interface ReportJob {
  nodeId: string;
  locationId: string;
  serial: string;
  payload: Uint8Array;
  receivedAt: number;
}

/** What the worker is started with (workerData). */
export interface WorkerSetup {
  /** SQLite: the worker owns the telemetry file. Undefined: batches go back to the main thread. */
  sqlite?: {
    file: string;
    rawRetentionDays: number;
    hourlyRetentionDays: number;
    /** Telemetry tables of an older release left in the main database file, to copy once. */
    legacy?: { mainFile: string; tables: string[] };
  };
}

export type ToWorker =
  | ({ kind: 'report' } & ReportJob)
  | { kind: 'samples'; samples: NodeSamples }
  | { kind: 'flush'; id: number }
  | { kind: 'maintain'; id: number; now: number }
  | { kind: 'stop' };

/** Counters the worker keeps and reports as deltas (fields of TelemetryStats). */
export const WORKER_COUNTERS = ['reportsAccepted', 'droppedCorrupt', 'droppedWrongType', 'droppedNodeMismatch', 'rebootsDetected', 'clientSamples', 'samplesDropped', 'flushes', 'writeFailures'] as const;
export type WorkerCounter = (typeof WORKER_COUNTERS)[number];

export type FromWorker =
  | { kind: 'counters'; processed: number; deltas: Record<WorkerCounter, number>; lastFlushLagMs?: number }
  | { kind: 'log'; level: 'log' | 'warn' | 'error'; message: string }
  | { kind: 'ready' }
  | { kind: 'batch'; batch: SampleBatch }
  | { kind: 'flushed'; id: number }
  | { kind: 'maintained'; id: number }
  | { kind: 'imported'; tables: string[] };
