// Hourly rollups and removal by age (MaintenanceJob), every MAINTENANCE_EVERY_MS. On SQLite
// they run in the ingestion worker on the telemetry file's own connection (asked with a
// message), off the controller's event loop and the main database; on PostgreSQL here,
// through the pool (asynchronous statements).

import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IngestWorkerHost } from '../ingest/ingest-worker-host.service';
import { TELEMETRY_TARGET, TelemetryTarget } from '../sqlite/telemetry-target';
import { TELEMETRY_CONFIG, TelemetryConfig } from '../telemetry-config';
import { MAINTENANCE_EVERY_MS, MaintenanceJob } from './maintenance-job';
import { TelemetrySql } from './sql';

export { HOUR_MS } from './maintenance-job';

@Injectable()
export class TelemetryMaintenance implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Telemetry');
  private readonly job: MaintenanceJob | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(TELEMETRY_CONFIG) config: TelemetryConfig,
    @Inject(TELEMETRY_TARGET) target: TelemetryTarget,
    dataSource: DataSource,
    private readonly host: IngestWorkerHost,
  ) {
    if (target.kind === 'postgres') {
      const sql = new TelemetrySql(dataSource);
      this.job = new MaintenanceJob((text, params) => sql.query(text, params), config, (m) => this.logger.warn(m));
    }
  }

  onModuleInit(): void {
    this.timer = setInterval(() => void this.run(Date.now()), MAINTENANCE_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Rolls up and removes what is due at `now` (one run at a time). */
  run(now: number): Promise<void> {
    return this.job ? this.job.run(now) : this.host.maintain(now);
  }
}
