// The telemetry settings of every claimed node as desired state of its reconcile pass:
// AWLAN_Node.mqtt_settings (broker and port devices reach, the node's own topic, zlib, the
// group's agg_stats_interval) and Wifi_Stats_Config (client and survey per radio band,
// device). Unclaimed nodes, and every node while MQTT_DEVICE_BROKER is unset, are left as
// they are: nothing is written and nothing removed.

import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { CachedRow, desiredMqttSettings, desiredStatsConfig, nodeStatsTopic, planMqttSettings, planStatsConfig, STATS_CONFIG_TABLE } from '@lib/opensync';
import { Operation } from '@lib/ovsdb';
import { DesiredStateService } from '../../reconciler/desired-state.service';
import { ReconcilerService } from '../../reconciler/reconciler.service';
import { DeviceConnectionsService } from '../../reconciler/sessions/device-connections.service';
import { PassContributors, PassInput } from '../../reconciler/worker/pass-contributors';
import { TELEMETRY_CONFIG, TelemetryConfig } from '../telemetry-config';
import { TelemetrySettingsService } from './telemetry-settings.service';

@Injectable()
export class NodeTelemetryConfigService implements OnModuleInit {
  constructor(
    @Inject(TELEMETRY_CONFIG) private readonly config: TelemetryConfig,
    private readonly contributors: PassContributors,
    private readonly settings: TelemetrySettingsService,
    private readonly connections: DeviceConnectionsService,
    private readonly desired: DesiredStateService,
    private readonly reconciler: ReconcilerService,
  ) {}

  onModuleInit(): void {
    if (this.config.deviceBroker === undefined) return;
    this.contributors.register({ name: 'telemetry settings', plan: (input) => this.plan(input) });
    this.settings.onChange((groupId) => void this.kickGroup(groupId));
  }

  private async plan({ connection, groupId }: PassInput): Promise<Operation[]> {
    const broker = this.config.deviceBroker;
    if (broker === undefined || groupId === null) return [];
    const intervals = await this.settings.intervalsOf(groupId);
    const rows = (table: string): CachedRow[] => [...(connection.wifi.table(table)?.values() ?? [])] as CachedRow[];
    const mqtt = desiredMqttSettings({
      broker: broker.host,
      port: broker.port,
      topic: nodeStatsTopic(this.config.topicPrefix, connection.nodeId),
      qos: 0,
      aggStatsIntervalS: intervals.aggStatsIntervalS,
    });
    const bands = rows('Wifi_Radio_Config').map((r) => String(r.freq_band));
    return [
      ...planMqttSettings(mqtt, rows('AWLAN_Node'), connection.schema),
      ...planStatsConfig(desiredStatsConfig(bands, intervals), rows(STATS_CONFIG_TABLE), connection.schema),
    ];
  }

  private async kickGroup(groupId: string): Promise<void> {
    for (const connection of this.connections.all) {
      const placement = await this.desired.placementOf(connection.nodeId).catch(() => null);
      if (placement?.groupId === groupId) this.reconciler.kick(connection.nodeId);
    }
  }
}
