// Venue, unit and key pool queries and mutations: authorise (declared permission), hand
// over to the service. Group admins write; group support reads.

import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import { Permission, RequirePermission } from '../common/auth/permission';
import { Principal } from '../common/auth/principal';
import { CreateKeyPoolInput, CreateVenueInput, CreateVenueUnitInput, UpdateKeyPoolInput, UpdateVenueInput, UpdateVenueUnitInput } from './dto/venue.inputs';
import { Connection } from '../common/pagination/connection.type';
import { PageArgs } from '../common/pagination/page.args';
import { PersonalKeyConnection, VenueConnection } from './dto/venue-connections';
import { KeyPool, KeyPoolNetwork } from './key-pool.entity';
import { PersonalKey } from './personal-key.entity';
import { PersonalKeysService } from './personal-keys.service';
import { Venue, VenueUnit } from './venue.entity';
import { VenueChangesService } from './venue-changes.service';
import { VenuesService } from './venues.service';

const ID_ARG = (what: string) => ({ type: () => ID, description: `The ${what}.` });

@Resolver(() => Venue)
export class VenuesResolver {
  constructor(
    private readonly service: VenuesService,
    private readonly changes: VenueChangesService,
  ) {}

  @Query(() => Venue, { description: 'The venue with this id (NOT_FOUND outside your groups, or for a venue manager outside their venues).' })
  @RequirePermission(Permission.VENUE_READ)
  venue(@CurrentPrincipal() principal: Principal, @Args('id', ID_ARG('venue')) id: string): Promise<Venue> {
    return this.service.venue(principal, id);
  }

  @Query(() => VenueConnection, { description: 'Venues of the caller\'s groups (a venue manager: their venues), by name.' })
  @RequirePermission(Permission.VENUE_READ)
  venues(@CurrentPrincipal() principal: Principal, @Args() page: PageArgs): Promise<Connection<Venue>> {
    return this.service.venues(principal, page);
  }

  @Mutation(() => Venue, { description: 'Creates a venue in a group.' })
  @RequirePermission(Permission.TENANT_WRITE)
  createVenue(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The venue.' }) input: CreateVenueInput): Promise<Venue> {
    return this.service.createVenue(principal, input);
  }

  @Mutation(() => VenueUnit, { description: 'Makes a location of the group a unit or common area of the venue.' })
  @RequirePermission(Permission.TENANT_WRITE)
  createVenueUnit(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The unit.' }) input: CreateVenueUnitInput): Promise<VenueUnit> {
    return this.service.createUnit(principal, input);
  }

  @Mutation(() => Venue, { description: 'Renames a venue or changes its address or time zone.' })
  @RequirePermission(Permission.VENUE_WRITE)
  updateVenue(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The changes.' }) input: UpdateVenueInput): Promise<Venue> {
    return this.changes.updateVenue(principal, input);
  }

  @Mutation(() => Venue, { description: 'Deletes a venue with its units, key pools and personal keys; its locations and networks stay (the networks carry their own passphrase again).' })
  @RequirePermission(Permission.TENANT_WRITE)
  deleteVenue(@CurrentPrincipal() principal: Principal, @Args('id', ID_ARG('venue')) id: string): Promise<Venue> {
    return this.changes.deleteVenue(principal, id);
  }

  @Mutation(() => VenueUnit, { description: 'Renames a unit or turns it into a common area (or back), which changes where keys work.' })
  @RequirePermission(Permission.VENUE_WRITE)
  updateVenueUnit(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The changes.' }) input: UpdateVenueUnitInput): Promise<VenueUnit> {
    return this.changes.updateUnit(principal, input);
  }

  @Mutation(() => VenueUnit, { description: 'The location leaves the venue: the unit\'s personal keys are deleted and its networks leave the venue\'s key pools.' })
  @RequirePermission(Permission.TENANT_WRITE)
  deleteVenueUnit(@CurrentPrincipal() principal: Principal, @Args('id', ID_ARG('unit')) id: string): Promise<VenueUnit> {
    return this.changes.deleteUnit(principal, id);
  }

  @ResolveField(() => [VenueUnit], { description: 'The venue\'s units and common areas, by name.' })
  @RequirePermission(Permission.VENUE_READ)
  units(@Parent() venue: Venue): Promise<VenueUnit[]> {
    return this.service.unitsOf(venue.id);
  }

  @ResolveField(() => [KeyPool], { description: 'The venue\'s key pools, by name.' })
  @RequirePermission(Permission.VENUE_READ)
  keyPools(@Parent() venue: Venue): Promise<KeyPool[]> {
    return this.service.poolsOf(venue.id);
  }
}

@Resolver(() => KeyPool)
export class KeyPoolsResolver {
  constructor(
    private readonly service: VenuesService,
    private readonly keyService: PersonalKeysService,
    private readonly changes: VenueChangesService,
  ) {}

  @Mutation(() => KeyPool, { description: 'Deletes a key pool and its personal keys; its networks carry their own passphrase again.' })
  @RequirePermission(Permission.VENUE_WRITE)
  deleteKeyPool(@CurrentPrincipal() principal: Principal, @Args('id', ID_ARG('key pool')) id: string): Promise<KeyPool> {
    return this.changes.deletePool(principal, id);
  }

  @Mutation(() => KeyPool, { description: 'Deploys the pool on more networks (at most 200 per call, at locations it is not at yet; KEY_CAPACITY_EXCEEDED when a location would need more than 64 keys).' })
  @RequirePermission(Permission.VENUE_WRITE)
  addKeyPoolNetworks(
    @CurrentPrincipal() principal: Principal,
    @Args('poolId', ID_ARG('key pool')) poolId: string,
    @Args('networkIds', { type: () => [ID], description: 'Networks as for createKeyPool.' }) networkIds: string[],
  ): Promise<KeyPool> {
    return this.service.addPoolNetworks(principal, poolId, networkIds);
  }

  @Mutation(() => KeyPool, { description: 'Takes a network out of its key pool; it carries its own passphrase again. The pool\'s keys stay.' })
  @RequirePermission(Permission.VENUE_WRITE)
  removeKeyPoolNetwork(
    @CurrentPrincipal() principal: Principal,
    @Args('poolId', ID_ARG('key pool')) poolId: string,
    @Args('networkId', ID_ARG('network')) networkId: string,
  ): Promise<KeyPool> {
    return this.changes.removePoolNetwork(principal, poolId, networkId);
  }

  @Query(() => KeyPool, { description: 'The key pool with this id (NOT_FOUND outside your groups).' })
  @RequirePermission(Permission.VENUE_READ)
  keyPool(@CurrentPrincipal() principal: Principal, @Args('id', ID_ARG('key pool')) id: string): Promise<KeyPool> {
    return this.service.pool(principal, id);
  }

  @Mutation(() => KeyPool, { description: 'Creates a key pool on networks of the venue\'s locations; their devices then carry the pool\'s personal keys.' })
  @RequirePermission(Permission.VENUE_WRITE)
  createKeyPool(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The pool.' }) input: CreateKeyPoolInput): Promise<KeyPool> {
    return this.service.createPool(principal, input);
  }

  @Mutation(() => KeyPool, { description: 'Renames a key pool or turns its per-key isolation on or off; the pool\'s devices follow.' })
  @RequirePermission(Permission.VENUE_WRITE)
  updateKeyPool(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The changes.' }) input: UpdateKeyPoolInput): Promise<KeyPool> {
    return this.service.updatePool(principal, input);
  }

  @ResolveField(() => [KeyPoolNetwork], { description: 'Where the pool is deployed: one network per location.' })
  @RequirePermission(Permission.VENUE_READ)
  networks(@Parent() pool: KeyPool): Promise<KeyPoolNetwork[]> {
    return this.service.networksOf(pool.id);
  }

  @ResolveField(() => PersonalKeyConnection, { description: 'The pool\'s keys, by slot (revoked ones included).' })
  @RequirePermission(Permission.VENUE_READ)
  keys(@Parent() pool: KeyPool, @Args() page: PageArgs): Promise<Connection<PersonalKey>> {
    return this.keyService.keysOf(pool.id, page);
  }
}
