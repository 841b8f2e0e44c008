// One MQTT message on a stats topic -> a report for the ingestion worker, or a counted drop.
// The topic carries the node identity the controller assigned in mqtt_settings
// (<prefix>/<nodeId>); only a claimed node's topic is accepted here (a cached placement
// read). Decoding, the check that the report's nodeID is that node's serial (so a device
// cannot report for another node, let alone another group's), reboot detection and storage
// happen in the worker thread (IngestWorkerHost), off the controller's event loop. Every
// drop is counted and logged at most once per node per minute.

import { Inject, Injectable, Logger } from '@nestjs/common';
import { nodeIdOfTopic } from '@lib/opensync';
import { DesiredStateService } from '../../reconciler/desired-state.service';
import { TELEMETRY_CONFIG, TelemetryConfig } from '../telemetry-config';
import { IngestWorkerHost } from './ingest-worker-host.service';
import { LogThrottle } from './log-throttle';
import { TelemetryStats } from './telemetry-stats';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOG_INTERVAL_MS = 60_000;

@Injectable()
export class ReportIngestor {
  private readonly logger = new Logger('Telemetry');
  private readonly throttle = new LogThrottle(LOG_INTERVAL_MS);

  constructor(
    @Inject(TELEMETRY_CONFIG) private readonly config: TelemetryConfig,
    private readonly desired: DesiredStateService,
    private readonly worker: IngestWorkerHost,
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
    if (!this.worker.submit({ nodeId, locationId: placement.locationId, serial: placement.serial, payload, receivedAt })) {
      this.stats.droppedBacklog++;
      this.drop('backlog', `[serial=${placement.serial}] report dropped: the ingestion worker is behind`);
    }
  }

  private drop(key: string, message: string): void {
    if (this.throttle.allow(key, Date.now())) this.logger.warn(message);
  }
}
