// Several controller instances on one PostgreSQL and NATS (docs/scaling.md). Always
// imported; every part stays idle unless CLUSTER_NATS_URL is set (config.cluster).

import { Module } from '@nestjs/common';
import { ReconcilerModule } from '../reconciler/reconciler.module';
import { SouthboundModule } from '../southbound/southbound.module';
import { ClusterBus } from './cluster-bus.service';
import { ClusterRelay } from './cluster-relay.service';
import { ClusterService } from './cluster.service';
import { DeviceOwnership } from './device-ownership.service';
import { InstanceRegistry } from './instance-registry.service';

@Module({
  imports: [SouthboundModule, ReconcilerModule],
  providers: [ClusterBus, InstanceRegistry, DeviceOwnership, ClusterRelay, ClusterService],
  exports: [ClusterService, InstanceRegistry, DeviceOwnership],
})
export class ClusterModule {}
