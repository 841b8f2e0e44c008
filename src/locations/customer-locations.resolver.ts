// customer.locations lives with the locations (the customers module depends on this one,
// not the other way round).

import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Permission, RequirePermission } from '../common/auth/permission';
import { Customer } from '../customers/customer.entity';
import { Location } from './location.entity';
import { LocationsService } from './locations.service';

@Resolver(() => Customer)
export class CustomerLocationsResolver {
  constructor(private readonly service: LocationsService) {}

  @ResolveField(() => [Location], { description: 'The customer\'s locations.' })
  @RequirePermission(Permission.TENANT_READ)
  locations(@Parent() customer: Customer): Promise<Location[]> {
    return this.service.listOf(customer.id);
  }
}
