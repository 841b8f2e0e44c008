// Several controller instances on one PostgreSQL and NATS (docs/scaling.md). Always
// imported; every part stays idle unless CLUSTER_NATS_URL is set (config.cluster).

import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { OperationsModule } from '../operations/operations.module';
import { ReconcilerModule } from '../reconciler/reconciler.module';
import { SouthboundModule } from '../southbound/southbound.module';
import { ClientEventsRelay } from './client-events-relay.service';
import { ClusterBus } from './cluster-bus.service';
import { ClusterMetrics } from './cluster-metrics';
import { ClusterRelay } from './cluster-relay.service';
import { ClusterService } from './cluster.service';
import { DeviceBackoffService } from './device-backoff.service';
import { DeviceOwnership } from './device-ownership.service';
import { DeviceViewsRelay } from './device-views-relay.service';
import { InstanceRegistry } from './instance-registry.service';
import { InvalidationsRelay } from './invalidations-relay.service';
import { OperationsRelay } from './operations-relay.service';

@Module({
  imports: [SouthboundModule, ReconcilerModule, OperationsModule, ClientsModule],
  providers: [ClusterBus, InstanceRegistry, DeviceOwnership, ClusterRelay, OperationsRelay, DeviceViewsRelay, ClientEventsRelay, InvalidationsRelay, ClusterService, ClusterMetrics, DeviceBackoffService],
  exports: [ClusterService, InstanceRegistry, DeviceOwnership],
})
export class ClusterModule {}
