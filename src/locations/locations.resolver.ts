// Location queries and mutations, and the location's related objects.

import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import { Permission, RequirePermission } from '../common/auth/permission';
import { Principal } from '../common/auth/principal';
import { Customer } from '../customers/customer.entity';
import { Node } from '../nodes/node.entity';
import { WifiNetwork } from '../wifi-networks/wifi-network.entity';
import { CreateLocationInput } from './dto/create-location.input';
import { UpdateLocationInput } from './dto/update-location.input';
import { Location } from './location.entity';
import { LocationsService } from './locations.service';

@Resolver(() => Location)
export class LocationsResolver {
  constructor(private readonly locations: LocationsService) {}

  @Query(() => Location)
  @RequirePermission(Permission.TENANT_READ)
  location(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string): Promise<Location> {
    return this.locations.get(principal, id);
  }

  @Mutation(() => Location, { description: 'Creates a location with its PRIMARY network.' })
  @RequirePermission(Permission.TENANT_WRITE)
  createLocation(
    @CurrentPrincipal() principal: Principal,
    @Args('customerId', { type: () => ID }) customerId: string,
    @Args('input') input: CreateLocationInput,
    @Args('idempotencyKey', { type: () => String, nullable: true }) idempotencyKey?: string,
  ): Promise<Location> {
    return this.locations.create(principal, customerId, input, idempotencyKey);
  }

  @Mutation(() => Location)
  @RequirePermission(Permission.TENANT_WRITE)
  updateLocation(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateLocationInput,
  ): Promise<Location> {
    return this.locations.update(principal, id, input);
  }

  @Mutation(() => ID, { description: 'Deletes the location and its networks; refused while nodes are claimed to it or if it is the last one.' })
  @RequirePermission(Permission.TENANT_WRITE)
  async deleteLocation(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string): Promise<string> {
    return (await this.locations.delete(principal, id)).id;
  }

  @ResolveField(() => Customer)
  @RequirePermission(Permission.TENANT_READ)
  customer(@Parent() location: Location): Promise<Customer> {
    return this.locations.customerOf(location);
  }

  @ResolveField(() => [WifiNetwork])
  @RequirePermission(Permission.TENANT_READ)
  wifiNetworks(@Parent() location: Location): Promise<WifiNetwork[]> {
    return this.locations.networksOf(location);
  }

  @ResolveField(() => [Node])
  @RequirePermission(Permission.TENANT_READ)
  nodes(@Parent() location: Location): Promise<Node[]> {
    return this.locations.nodesOf(location);
  }
}
