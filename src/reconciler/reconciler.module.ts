// Southbound reconciliation: device connections (on top of the southbound's identified
// sessions), VIF slots, per-node workers, convergence status and its GraphQL fields.

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SerialAssignmentsModule } from '../serial-assignments/serial-assignments.module';
import { DomainEventsModule } from '../domain-events/domain-events.module';
import { Location } from '../locations/location.entity';
import { Node } from '../nodes/node.entity';
import { SouthboundModule } from '../southbound/southbound.module';
import { WifiNetwork } from '../wifi-networks/wifi-network.entity';
import { DesiredStateService } from './desired-state.service';
import { IsolatedSubnetResolver } from './graphql/isolated-subnet.resolver';
import { NodeDeviceResolver } from './graphql/node-device.resolver';
import { WifiNetworkStatusResolver } from './graphql/wifi-network-status.resolver';
import { loadReconcilerConfig, RECONCILER_CONFIG } from './reconciler-config';
import { ReconcilerService } from './reconciler.service';
import { DeviceConnectionsService } from './sessions/device-connections.service';
import { NodePresenceService } from './sessions/node-presence.service';
import { VifSlot } from './slots/vif-slot.entity';
import { VifSlotsService } from './slots/vif-slots.service';
import { NetworkStatusService } from './status/network-status.service';
import { NodeDeviceViewService } from './status/node-device-view.service';
import { ClientBlocks } from './worker/client-blocks';
import { PassContributors } from './worker/pass-contributors';

@Module({
  imports: [TypeOrmModule.forFeature([VifSlot, Node, WifiNetwork, Location]), DomainEventsModule, SouthboundModule, SerialAssignmentsModule],
  providers: [
    { provide: RECONCILER_CONFIG, useFactory: () => loadReconcilerConfig(process.env) },
    VifSlotsService,
    DesiredStateService,
    NodePresenceService,
    DeviceConnectionsService,
    NetworkStatusService,
    NodeDeviceViewService,
    ReconcilerService,
    PassContributors,
    ClientBlocks,
    WifiNetworkStatusResolver,
    IsolatedSubnetResolver,
    NodeDeviceResolver,
  ],
  exports: [ReconcilerService, NetworkStatusService, DeviceConnectionsService, PassContributors, ClientBlocks, DesiredStateService, NodeDeviceViewService],
})
export class ReconcilerModule {}
