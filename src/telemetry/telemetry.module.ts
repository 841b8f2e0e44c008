// Telemetry: the devices' MQTT stats reports (sts.Report) ingested, stored and queried, and
// the device settings that make them publish (mqtt_settings, Wifi_Stats_Config) reconciled
// in each node's pass.

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ReconcilerModule } from '../reconciler/reconciler.module';
import { LocationTelemetryResolver, ClientTelemetryResolver, NodeTelemetryResolver } from './graphql/telemetry.resolver';
import { TelemetrySettingsResolver } from './graphql/telemetry-settings.resolver';
import { IngestWorkerHost } from './ingest/ingest-worker-host.service';
import { ReportIngestor } from './ingest/report-ingestor.service';
import { TelemetryStats } from './ingest/telemetry-stats';
import { TelemetryMqttService } from './mqtt/telemetry-mqtt.service';
import { NodeTelemetryConfigService } from './settings/node-telemetry-config.service';
import { TelemetrySettingsRow } from './settings/telemetry-settings.entity';
import { TelemetrySettingsService } from './settings/telemetry-settings.service';
import { SampleWriter } from './store/sample-writer.service';
import { TelemetryMaintenance } from './store/telemetry-maintenance.service';
import { TelemetryQueryService } from './store/telemetry-query.service';
import { loadTelemetryConfig, TELEMETRY_CONFIG } from './telemetry-config';

@Module({
  imports: [TypeOrmModule.forFeature([TelemetrySettingsRow]), ReconcilerModule, AuditModule],
  providers: [
    { provide: TELEMETRY_CONFIG, useFactory: () => loadTelemetryConfig(process.env) },
    TelemetryStats,
    TelemetrySettingsService,
    NodeTelemetryConfigService,
    SampleWriter,
    IngestWorkerHost,
    ReportIngestor,
    TelemetryMqttService,
    TelemetryMaintenance,
    TelemetryQueryService,
    TelemetrySettingsResolver,
    LocationTelemetryResolver,
    ClientTelemetryResolver,
    NodeTelemetryResolver,
  ],
  exports: [TelemetryStats, TelemetryMqttService],
})
export class TelemetryModule {}
