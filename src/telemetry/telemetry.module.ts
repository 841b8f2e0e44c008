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
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { TELEMETRY_TARGET, telemetryTargetFor } from './sqlite/telemetry-target';
import { SampleBatchWriter } from './store/sample-batch-writer.service';
import { SampleWriter } from './store/sample-writer.service';
import { TelemetryReader } from './store/telemetry-reader.service';
import { TelemetryMaintenance } from './store/telemetry-maintenance.service';
import { TelemetryQueryService } from './store/telemetry-query.service';
import { loadTelemetryConfig, TELEMETRY_CONFIG, TelemetryConfig } from './telemetry-config';
import { TelemetryMetrics } from './telemetry-metrics';

@Module({
  imports: [TypeOrmModule.forFeature([TelemetrySettingsRow]), ReconcilerModule, AuditModule],
  providers: [
    { provide: TELEMETRY_CONFIG, useFactory: () => loadTelemetryConfig(process.env) },
    {
      provide: TELEMETRY_TARGET,
      inject: [APP_CONFIG, TELEMETRY_CONFIG],
      useFactory: (app: AppConfig, telemetry: TelemetryConfig) => telemetryTargetFor(app.databaseUrl, telemetry.sqlitePath),
    },
    TelemetryStats,
    TelemetryMetrics,
    TelemetrySettingsService,
    NodeTelemetryConfigService,
    SampleBatchWriter,
    SampleWriter,
    IngestWorkerHost,
    TelemetryReader,
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
