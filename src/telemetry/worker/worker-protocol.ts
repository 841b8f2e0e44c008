// Messages between the controller's event loop and the ingestion worker thread. The main
// thread sends each accepted-topic report (the node's identity as the controller knows it,
// the raw payload, the receive time); the worker sends back counter deltas, log lines
// (already throttled) and the buffered sample batches, which the main thread writes.

import type { SampleBatch } from '../store/sample-rows';

export interface ReportJob {
  nodeId: string;
  locationId: string;
  serial: string;
  payload: Uint8Array;
  receivedAt: number;
}

export type ToWorker = ({ kind: 'report' } & ReportJob) | { kind: 'flush'; id: number };

/** Counters the worker keeps and reports as deltas (fields of TelemetryStats). */
export const WORKER_COUNTERS = ['reportsAccepted', 'droppedCorrupt', 'droppedWrongType', 'droppedNodeMismatch', 'rebootsDetected', 'clientSamples', 'samplesDropped'] as const;
export type WorkerCounter = (typeof WORKER_COUNTERS)[number];

export type FromWorker =
  | { kind: 'counters'; processed: number; deltas: Record<WorkerCounter, number> }
  | { kind: 'log'; level: 'log' | 'warn'; message: string }
  | { kind: 'batch'; batch: SampleBatch }
  | { kind: 'flushed'; id: number };
