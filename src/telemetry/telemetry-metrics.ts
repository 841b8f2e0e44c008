// Telemetry ingestion at /metrics, read at scrape time from TelemetryStats: reports received,
// accepted and dropped by reason (an unknown node, a corrupt payload, a protobuf of the wrong
// type, a report naming another node, a full worker backlog), samples stored and dropped,
// write failures, the last flush's lag, reboots seen from uptime and restarts of the
// ingestion worker. No node in any label.

import { Injectable, OnModuleInit } from '@nestjs/common';
import { MetricsRegistry } from '../metrics/metrics-registry';
import { TelemetryStats } from './ingest/telemetry-stats';

@Injectable()
export class TelemetryMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly stats: TelemetryStats,
  ) {}

  onModuleInit(): void {
    const m = this.metrics;
    const s = this.stats;
    m.counterFrom('telemetry_reports_received_total', 'MQTT messages received on the stats topics', () => s.reportsReceived);
    m.counterFrom('telemetry_reports_accepted_total', 'Reports decoded, checked and handed to storage', () => s.reportsAccepted);
    m.labelledCounterFrom('telemetry_reports_dropped_total', 'Reports counted and dropped, by reason', 'reason', () => ({
      unknown_node: s.droppedUnknownNode,
      corrupt: s.droppedCorrupt,
      wrong_type: s.droppedWrongType,
      node_mismatch: s.droppedNodeMismatch,
      backlog: s.droppedBacklog,
    }));
    m.counterFrom('telemetry_client_samples_total', 'Client samples decoded from accepted reports', () => s.clientSamples);
    m.counterFrom('telemetry_samples_dropped_total', 'Client samples not stored (writes behind or failed)', () => s.samplesDropped);
    m.counterFrom('telemetry_write_failures_total', 'Sample batches whose write failed', () => s.writeFailures);
    m.gaugeFrom('telemetry_last_flush_lag_seconds', 'Receive-to-commit delay of the oldest report in the last stored batch', [], () => [[{}, s.lastFlushLagMs / 1000]]);
    m.counterFrom('telemetry_worker_restarts_total', 'Times the ingestion worker thread exited and was started again', () => s.workerRestarts);
    m.counterFrom('telemetry_reboots_detected_total', 'Node reboots seen from uptime going down', () => s.rebootsDetected);
  }
}
