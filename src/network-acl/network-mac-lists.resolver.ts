// The MAC access list of a WiFi network (VAULT's calling-station whitelist): a field of
// WifiNetwork and two mutations. Group admins write; group support reads.

import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import { Permission, RequirePermission } from '../common/auth/permission';
import { Principal } from '../common/auth/principal';
import { WifiNetwork } from '../wifi-networks/wifi-network.entity';
import { SetNetworkMacListInput } from './network-mac-list.inputs';
import { NetworkMacList } from './network-mac-list.entity';
import { NetworkMacListsService } from './network-mac-lists.service';

@Resolver(() => WifiNetwork)
export class NetworkMacListsResolver {
  constructor(private readonly service: NetworkMacListsService) {}

  @ResolveField(() => NetworkMacList, { nullable: true, description: 'The network\'s MAC access list (allow or deny); null: none.' })
  @RequirePermission(Permission.TENANT_READ)
  macList(@CurrentPrincipal() principal: Principal, @Parent() network: WifiNetwork): Promise<NetworkMacList | null> {
    return this.service.readable(principal, network);
  }

  @Mutation(() => NetworkMacList, { description: 'Replaces the network\'s MAC access list; its devices follow (clients a list now refuses are disconnected).' })
  @RequirePermission(Permission.TENANT_WRITE)
  setNetworkMacList(
    @CurrentPrincipal() principal: Principal,
    @Args('networkId', { type: () => ID, description: 'The WiFi network.' }) networkId: string,
    @Args('input', { description: 'The list.' }) input: SetNetworkMacListInput,
  ): Promise<NetworkMacList> {
    return this.service.set(principal, networkId, input);
  }

  @Mutation(() => Boolean, { description: 'Removes the network\'s MAC access list; false if it had none.' })
  @RequirePermission(Permission.TENANT_WRITE)
  clearNetworkMacList(
    @CurrentPrincipal() principal: Principal,
    @Args('networkId', { type: () => ID, description: 'The WiFi network.' }) networkId: string,
  ): Promise<boolean> {
    return this.service.clear(principal, networkId);
  }
}
