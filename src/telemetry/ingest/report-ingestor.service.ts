// One MQTT message on a stats topic -> stored samples, or a counted drop. The topic carries
// the node identity the controller assigned in mqtt_settings (<prefix>/<nodeId>); the
// report's nodeID must be that node's serial, so a device cannot report for another node,
// let alone another group's. Unknown node, corrupt payload, wrong protobuf type and identity
// mismatch are counted, logged at most once per node per minute, and dropped.

import { Inject, Injectable, Logger } from '@nestjs/common';
import { nodeIdOfTopic } from '@lib/opensync';
import { DesiredStateService } from '../../reconciler/desired-state.service';
import { decodeReportPayload, ReportDecodeError } from '../proto/report-decoder';
import { UptimeTracker } from './uptime-tracker';
import { StatsReport } from '../proto/stats-report';
import { SampleWriter } from '../store/sample-writer.service';
import { TELEMETRY_CONFIG, TelemetryConfig } from '../telemetry-config';
import { LogThrottle } from './log-throttle';
import { TelemetryStats } from './telemetry-stats';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOG_INTERVAL_MS = 60_000;

@Injectable()
export class ReportIngestor {
  private readonly logger = new Logger('Telemetry');
  private readonly throttle = new LogThrottle(LOG_INTERVAL_MS);
  /** Reboots from uptime going down, judged in the order reports arrived. */
  private readonly uptimes = new UptimeTracker();

  constructor(
    @Inject(TELEMETRY_CONFIG) private readonly config: TelemetryConfig,
    private readonly desired: DesiredStateService,
    private readonly writer: SampleWriter,
    private readonly stats: TelemetryStats,
  ) {}

  /** The node ids whose topics this controller reads: `<prefix>/+`. */
  get subscription(): string {
    return `${this.config.topicPrefix}/+`;
  }

  async ingest(topic: string, payload: Buffer): Promise<void> {
    const receivedAt = Date.now();
    this.stats.reportsReceived++;
    const nodeId = nodeIdOfTopic(this.config.topicPrefix, topic);
    const placement = nodeId !== undefined && UUID.test(nodeId) ? await this.desired.placementOf(nodeId).catch(() => null) : null;
    if (nodeId === undefined || placement === null || placement.locationId === null) {
      this.stats.droppedUnknownNode++;
      this.drop(`topic:${topic}`, `report on ${topic} dropped: no claimed node has this topic`);
      return;
    }
    let report: StatsReport;
    try {
      report = await decodeReportPayload(payload, receivedAt);
    } catch (error) {
      if (error instanceof ReportDecodeError && error.kind === 'WRONG_TYPE') this.stats.droppedWrongType++;
      else this.stats.droppedCorrupt++;
      const kind = error instanceof ReportDecodeError ? error.kind : 'CORRUPT';
      this.drop(`node:${nodeId}`, `[serial=${placement.serial}] report dropped (${kind}): ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (report.nodeId !== placement.serial) {
      this.stats.droppedNodeMismatch++;
      this.drop(`node:${nodeId}`, `[serial=${placement.serial}] report dropped: it names node "${report.nodeId.slice(0, 64)}", not this node`);
      return;
    }
    const devices = report.devices.map((d) => ({ ...d, rebooted: this.rebooted(nodeId, d.uptimeS, receivedAt, placement.serial) }));
    this.writer.add({ nodeId, locationId: placement.locationId, clients: report.clients, radios: report.radios, devices, receivedAt });
    this.stats.reportsAccepted++;
  }

  private rebooted(nodeId: string, uptimeS: number | null, receivedAt: number, serial: string): boolean {
    const verdict = this.uptimes.observe(nodeId, uptimeS, receivedAt);
    if (!verdict.rebooted) return false;
    this.stats.rebootsDetected++;
    this.logger.log(`[serial=${serial}] rebooted: uptime went from ${verdict.before} s to ${uptimeS} s`);
    return true;
  }

  private drop(key: string, message: string): void {
    if (this.throttle.allow(key, Date.now())) this.logger.warn(message);
  }
}
