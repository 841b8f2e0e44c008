// Counters of telemetry ingestion as plain numbers, for /metrics and the benchmark to read.
// One instance per process (a provider); the ingestion worker's counts arrive as deltas.

import { Injectable } from '@nestjs/common';

@Injectable()
export class TelemetryStats {
  /** MQTT messages received on the stats topics. */
  reportsReceived = 0;
  /** Reports decoded, checked and handed to storage. */
  reportsAccepted = 0;
  /** Dropped: the topic names no node this controller knows (or an unclaimed one). */
  droppedUnknownNode = 0;
  /** Dropped: zlib or protobuf framing broken. */
  droppedCorrupt = 0;
  /** Dropped: a valid protobuf that is not an sts.Report. */
  droppedWrongType = 0;
  /** Dropped: the report's nodeID is not the serial of the node its topic names. */
  droppedNodeMismatch = 0;
  /** Dropped before decoding: the ingestion worker had too many reports waiting. */
  droppedBacklog = 0;
  clientSamples = 0;
  samplesDropped = 0;
  flushes = 0;
  writeFailures = 0;
  /** Receive-to-commit delay of the oldest report in the last flush, ms. */
  lastFlushLagMs = 0;
  /** Reboots seen from uptime going down. */
  rebootsDetected = 0;
  /** Times the ingestion worker exited and was started again. */
  workerRestarts = 0;
}
