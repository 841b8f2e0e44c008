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

  @Query(() => Location, { description: 'The location with this id (NOT_FOUND outside your groups).' })
  @RequirePermission(Permission.TENANT_READ)
  location(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID, description: 'The location.' }) id: string): Promise<Location> {
    return this.locations.get(principal, id);
  }

  @Mutation(() => Location, { description: 'Creates a location with its PRIMARY network.' })
  @RequirePermission(Permission.TENANT_WRITE)
  createLocation(
    @CurrentPrincipal() principal: Principal,
    @Args('customerId', { type: () => ID, description: 'The customer.' }) customerId: string,
    @Args('input', { description: 'What to create or change.' }) input: CreateLocationInput,
    @Args('idempotencyKey', { type: () => String, nullable: true, description: 'A retry with the same key and input returns the first result.' }) idempotencyKey?: string,
  ): Promise<Location> {
    return this.locations.create(principal, customerId, input, idempotencyKey);
  }

  @Mutation(() => Location, { description: 'Changes the location\'s details; fields left out keep their value.' })
  @RequirePermission(Permission.TENANT_WRITE)
  updateLocation(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID, description: 'The location.' }) id: string,
    @Args('input', { description: 'What to create or change.' }) input: UpdateLocationInput,
  ): Promise<Location> {
    return this.locations.update(principal, id, input);
  }

  @Mutation(() => ID, { description: 'Deletes the location and its networks; refused while nodes are claimed to it or if it is the last one.' })
  @RequirePermission(Permission.TENANT_WRITE)
  async deleteLocation(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID, description: 'The location.' }) id: string): Promise<string> {
    return (await this.locations.delete(principal, id)).id;
  }

  @ResolveField(() => Customer, { description: 'The customer the location belongs to.' })
  @RequirePermission(Permission.TENANT_READ)
  customer(@Parent() location: Location): Promise<Customer> {
    return this.locations.customerOf(location);
  }

  @ResolveField(() => [WifiNetwork], { description: 'The WiFi networks of the location, PRIMARY first.' })
  @RequirePermission(Permission.TENANT_READ)
  wifiNetworks(@Parent() location: Location): Promise<WifiNetwork[]> {
    return this.locations.networksOf(location);
  }

  @ResolveField(() => [Node], { description: 'The nodes claimed to the location, by serial.' })
  @RequirePermission(Permission.TENANT_READ)
  nodes(@Parent() location: Location): Promise<Node[]> {
    return this.locations.nodesOf(location);
  }
}
