// Location.homeApiComputers: the computers an MSO registered for a location through the
// @Home API gateway, for support (read only; the MSO changes them over the gateway).

import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Permission, RequirePermission } from '../../../common/auth/permission';
import { Location } from '../../../locations/location.entity';
import { HomeComputer } from './home-computer.entity';
import { HomeComputers } from './home-computers.service';

@Resolver(() => Location)
export class LocationComputersResolver {
  constructor(private readonly computers: HomeComputers) {}

  @ResolveField(() => [HomeComputer], { description: 'Computers the MSO registered for this location through the @Home API gateway (COMPUTER), oldest first.' })
  @RequirePermission(Permission.TENANT_READ)
  homeApiComputers(@Parent() location: Location): Promise<HomeComputer[]> {
    return this.computers.listOf(location.id);
  }
}
