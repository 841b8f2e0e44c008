// locationsByServiceId: the support portal finds a location by the ISP's service contract.
// serviceId is free text and not unique (a contract may cover several locations), so the
// answer is a bounded list, scoped to the caller's groups (or the group named).

import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { DataSource, In } from 'typeorm';
import { requireUuid } from '../access/location-access';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import { Permission, RequirePermission } from '../common/auth/permission';
import { canReadGroup, isPlatformAdmin, Principal } from '../common/auth/principal';
import { AppError } from '../common/errors/app-error';
import { checkText } from '../validation/field-checks';
import { Location } from './location.entity';

export const MAX_LOCATIONS_BY_SERVICE_ID = 100;

@Resolver(() => Location)
export class LocationLookupsResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Query(() => [Location], {
    description: `Locations with this serviceId (exact match) in the caller's groups, oldest first; at most ${MAX_LOCATIONS_BY_SERVICE_ID}.`,
  })
  @RequirePermission(Permission.TENANT_READ)
  async locationsByServiceId(
    @CurrentPrincipal() principal: Principal,
    @Args('serviceId', { description: "The ISP's service contract, as stored on the location." }) serviceId: string,
    @Args('groupId', { type: () => ID, nullable: true, description: 'Only this group (one of the caller\'s).' }) groupId?: string | null,
  ): Promise<Location[]> {
    const errors = checkText('serviceId', serviceId, 1, 100);
    if (errors.length > 0) throw AppError.validation(errors);
    if (groupId != null) {
      requireUuid('groupId', groupId);
      if (!canReadGroup(principal, groupId)) throw AppError.notFound('group', groupId);
    }
    const groups = groupId != null ? [groupId] : isPlatformAdmin(principal) ? undefined : principal.groupIds;
    if (groups?.length === 0) return [];
    return this.dataSource.manager.find(Location, {
      where: { serviceId, ...(groups === undefined ? {} : { groupId: In(groups) }) },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: MAX_LOCATIONS_BY_SERVICE_ID,
    });
  }
}
