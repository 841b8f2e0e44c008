// Prometheus metrics: a registry (with the process's default metrics) and collectors that
// read the domain modules' existing state. Global so any module can add a counter in one
// line through MetricsRegistry.counterFrom.

import { Global, Module } from '@nestjs/common';
import { ReconcilerModule } from '../reconciler/reconciler.module';
import { SouthboundModule } from '../southbound/southbound.module';
import { DatabaseMetrics } from './database-metrics';
import { DeviceMetrics } from './device-metrics';
import { GraphqlMetrics } from './graphql-metrics';
import { MetricsController } from './metrics.controller';
import { MetricsRegistry } from './metrics-registry';

@Global()
@Module({
  imports: [SouthboundModule, ReconcilerModule],
  controllers: [MetricsController],
  providers: [MetricsRegistry, DeviceMetrics, DatabaseMetrics, GraphqlMetrics],
  exports: [MetricsRegistry],
})
export class MetricsModule {}
