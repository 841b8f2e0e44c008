// node.vifs, node.radios and the unclaimedNodes list. Field values come from the live
// device session (empty while the node is offline); passphrases only for group admins.

import { Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Permission, RequirePermission } from '../../common/auth/permission';
import { canWriteGroup, isPlatformAdmin, Principal } from '../../common/auth/principal';
import { Node } from '../../nodes/node.entity';
import { NodePresenceService } from '../sessions/node-presence.service';
import { NodeDeviceViewService } from '../status/node-device-view.service';
import { NodeRadio, NodeVif, UnclaimedNode } from './node-device.types';

@Resolver(() => Node)
export class NodeDeviceResolver {
  constructor(
    private readonly views: NodeDeviceViewService,
    private readonly presence: NodePresenceService,
  ) {}

  @ResolveField(() => [NodeVif], { description: 'VIFs the controller manages on the node (empty while offline).' })
  @RequirePermission(Permission.TENANT_READ)
  vifs(@CurrentPrincipal() principal: Principal, @Parent() node: Node): Promise<NodeVif[]> {
    const showSecrets = node.groupId === null ? isPlatformAdmin(principal) : canWriteGroup(principal, node.groupId);
    return this.views.vifs(node.id, showSecrets);
  }

  @ResolveField(() => [NodeRadio], { description: 'Radios as the device reports them (empty while offline).' })
  @RequirePermission(Permission.TENANT_READ)
  radios(@Parent() node: Node): NodeRadio[] {
    return this.views.radios(node.id);
  }

  @Query(() => [UnclaimedNode], { description: 'Devices that connected but are claimed to no location yet.' })
  @RequirePermission(Permission.TENANT_WRITE)
  async unclaimedNodes(): Promise<UnclaimedNode[]> {
    const nodes = await this.presence.unclaimed();
    return nodes.map((n) => ({
      serial: n.serialNumber,
      model: n.model,
      firmwareVersion: n.firmwareVersion,
      lastSeenAt: n.lastSeenAt,
      connected: n.connected,
    }));
  }
}
