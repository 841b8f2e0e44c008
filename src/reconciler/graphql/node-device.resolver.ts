// node.vifs, node.radios and the unclaimedNodes list. Field values come from the live
// device session (empty while the node is offline); what each role sees of the rows is
// in status/vif-row-visibility.ts.
// A node's VIFs are read from the device once per request, for a bounded number of nodes
// (device-read-budget.ts). In a cluster, a device another instance holds is read there.

import { Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Permission, RequirePermission } from '../../common/auth/permission';
import { canWriteGroup, isPlatformAdmin, Principal } from '../../common/auth/principal';
import { Node } from '../../nodes/node.entity';
import { SerialAssignmentsService } from '../../serial-assignments/serial-assignments.service';
import { NodePresenceService } from '../sessions/node-presence.service';
import { NodeDeviceViewService } from '../status/node-device-view.service';
import { VifAudience } from '../status/vif-row-visibility';
import { readOncePerRequest } from './device-read-budget';
import { NodeRadio, NodeVif, UnclaimedNode } from './node-device.types';

@Resolver(() => Node)
export class NodeDeviceResolver {
  constructor(
    private readonly views: NodeDeviceViewService,
    private readonly presence: NodePresenceService,
    private readonly assignments: SerialAssignmentsService,
  ) {}

  @ResolveField(() => [NodeVif], { description: 'VIFs the controller manages on the node (empty while offline).' })
  @RequirePermission(Permission.TENANT_READ)
  vifs(@CurrentPrincipal() principal: Principal, @Parent() node: Node, @Context() ctx: object): Promise<NodeVif[]> {
    return readOncePerRequest(ctx, node.id, () => this.views.vifs(node.id, vifAudience(principal, node), node.serialNumber));
  }

  @ResolveField(() => [NodeRadio], { description: 'Radios as the device reports them (empty while offline).' })
  @RequirePermission(Permission.TENANT_READ)
  radios(@Parent() node: Node): Promise<NodeRadio[]> {
    return this.views.radios(node.id, node.serialNumber);
  }

  @Query(() => [UnclaimedNode], {
    description: 'Devices that connected but are claimed to no location yet: all of them for platform admins, those assigned to your groups (serialAssignments) otherwise.',
  })
  @RequirePermission(Permission.TENANT_WRITE)
  async unclaimedNodes(@CurrentPrincipal() principal: Principal): Promise<UnclaimedNode[]> {
    const nodes = await this.presence.unclaimed(await this.assignments.scopeOf(principal));
    return nodes.map((n) => ({
      serial: n.serialNumber,
      model: n.model,
      firmwareVersion: n.firmwareVersion,
      lastSeenAt: n.lastSeenAt,
      connected: n.connected,
    }));
  }
}

function vifAudience(principal: Principal, node: Node): VifAudience {
  if (isPlatformAdmin(principal)) return 'PLATFORM_ADMIN';
  return node.groupId !== null && canWriteGroup(principal, node.groupId) ? 'GROUP_ADMIN' : 'GROUP_SUPPORT';
}
