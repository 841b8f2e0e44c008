// WiFi network queries and mutations. The passphrase is a field resolver so it can depend
// on the caller: group support staff (read-only) get null, never the secret.

import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import { Permission, RequirePermission } from '../common/auth/permission';
import { Principal } from '../common/auth/principal';
import { CreateWifiNetworkInput } from './dto/create-wifi-network.input';
import { UpdateWifiNetworkInput } from './dto/update-wifi-network.input';
import { UpdateWifiNetworksInput } from './dto/update-wifi-networks.input';
import { WifiNetwork } from './wifi-network.entity';
import { WifiNetworksService } from './wifi-networks.service';

@Resolver(() => WifiNetwork)
export class WifiNetworksResolver {
  constructor(private readonly networks: WifiNetworksService) {}

  @Query(() => WifiNetwork, { description: 'The network with this id (NOT_FOUND outside your groups).' })
  @RequirePermission(Permission.TENANT_READ)
  wifiNetwork(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID, description: 'The network.' }) id: string): Promise<WifiNetwork> {
    return this.networks.get(principal, id);
  }

  @Mutation(() => WifiNetwork, { description: 'Adds a GUEST or IOT network to the location.' })
  @RequirePermission(Permission.TENANT_WRITE)
  createWifiNetwork(
    @CurrentPrincipal() principal: Principal,
    @Args('locationId', { type: () => ID, description: 'The location.' }) locationId: string,
    @Args('input', { description: 'What to create or change.' }) input: CreateWifiNetworkInput,
    @Args('idempotencyKey', { type: () => String, nullable: true, description: 'A retry with the same key and input returns the first result.' }) idempotencyKey?: string,
  ): Promise<WifiNetwork> {
    return this.networks.create(principal, locationId, input, idempotencyKey);
  }

  @Mutation(() => WifiNetwork, { description: 'Changes a network; the devices follow (see status).' })
  @RequirePermission(Permission.TENANT_WRITE)
  updateWifiNetwork(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID, description: 'The network.' }) id: string,
    @Args('input', { description: 'What to create or change.' }) input: UpdateWifiNetworkInput,
  ): Promise<WifiNetwork> {
    return this.networks.update(principal, id, input);
  }

  @Mutation(() => [WifiNetwork], {
    description: 'Changes many networks at once, all or nothing (one transaction, one audit event per network); answers them in the order given.',
  })
  @RequirePermission(Permission.TENANT_WRITE)
  updateWifiNetworks(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'What to create or change.' }) input: UpdateWifiNetworksInput): Promise<WifiNetwork[]> {
    return this.networks.updateAll(principal, input.changes);
  }

  @Mutation(() => ID, { description: 'Deletes a GUEST or IOT network; the PRIMARY one goes only with its location.' })
  @RequirePermission(Permission.TENANT_WRITE)
  async deleteWifiNetwork(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID, description: 'The network.' }) id: string): Promise<string> {
    return (await this.networks.delete(principal, id)).id;
  }

  @ResolveField(() => String, { nullable: true, description: 'Only for group admins and platform admins; null for group support.' })
  @RequirePermission(Permission.TENANT_READ)
  passphrase(@CurrentPrincipal() principal: Principal, @Parent() network: WifiNetwork): string | null {
    return this.networks.passphraseFor(principal, network);
  }
}
