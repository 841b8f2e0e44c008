// Messages between the controller's event loop and the ingestion worker thread. The main
// thread sends each accepted-topic report (the node's identity as the controller knows it,
// the raw payload, the receive time); the worker sends back counter deltas, log lines
// (already throttled), and, when it does not write the database itself, sample batches.

import type { SampleBatch } from '../store/sample-rows';

export interface WorkerSetup {
  /** SQLite file the worker appends to with a connection of its own; null: batches go back. */
  sqliteFile: string | null;
  busyTimeoutMs: number;
}

export interface ReportJob {
  nodeId: string;
  locationId: string;
  serial: string;
  payload: Uint8Array;
  receivedAt: number;
}

export type ToWorker = ({ kind: 'report' } & ReportJob) | { kind: 'flush'; id: number };

/** Counters the worker keeps and reports as deltas (fields of TelemetryStats). */
export const WORKER_COUNTERS = [
  'reportsAccepted',
  'droppedCorrupt',
  'droppedWrongType',
  'droppedNodeMismatch',
  'rebootsDetected',
  'clientSamples',
  'samplesDropped',
  'flushes',
  'writeFailures',
] as const;
export type WorkerCounter = (typeof WORKER_COUNTERS)[number];

export type FromWorker =
  | { kind: 'counters'; processed: number; deltas: Record<WorkerCounter, number>; lastFlushLagMs: number | null }
  | { kind: 'log'; level: 'log' | 'warn'; message: string }
  | { kind: 'batch'; batch: SampleBatch }
  | { kind: 'flushed'; id: number };
