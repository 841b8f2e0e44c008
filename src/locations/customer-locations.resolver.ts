// customer.locations lives with the locations (the customers module depends on this one,
// not the other way round).

import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import { Permission, RequirePermission } from '../common/auth/permission';
import { canReadGroup, Principal } from '../common/auth/principal';
import { Customer } from '../customers/customer.entity';
import { Location } from './location.entity';
import { LocationsService } from './locations.service';

@Resolver(() => Customer)
export class CustomerLocationsResolver {
  constructor(private readonly service: LocationsService) {}

  @ResolveField(() => [Location], { description: 'The customer\'s locations; empty for a venue manager, who reaches a customer only as a resident of their venue.' })
  @RequirePermission(Permission.TENANT_READ)
  async locations(@CurrentPrincipal() principal: Principal, @Parent() customer: Customer): Promise<Location[]> {
    if (!canReadGroup(principal, customer.groupId)) return [];
    return this.service.listOf(customer.id);
  }
}
