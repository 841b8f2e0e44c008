// Venues, their units and key pools: writes scoped by src/access/venue-scope.ts (group admins
// in their groups, venue managers in their venues), audited in the same transaction.
// A pool's networks are existing networks of the venue's locations; making one a pool
// network changes what its devices carry (the pool's keys), so the locations are reconciled.

import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { assertReadable, targetGroup } from '../access/group-scope';
import { assertVenueAdministrable, assertVenueReadable, assertVenueWritable, venueListScope, venueOf } from '../access/venue-scope';
import { requireUuid } from '../access/location-access';
import { AuditService } from '../audit/audit.service';
import { Principal } from '../common/auth/principal';
import { Connection, emptyConnection } from '../common/pagination/connection.type';
import { keysetPage } from '../common/pagination/keyset-page';
import { PageArgs, pageRequest } from '../common/pagination/page.args';
import { AppError, FieldError } from '../common/errors/app-error';
import { isUniqueViolation } from '../database/database-errors';
import { TransactionRunner } from '../database/transaction-runner';
import { DomainEvents } from '../domain-events/domain-events.service';
import { Location } from '../locations/location.entity';
import { checkEnum, checkOptionalText, checkText, checkUuid } from '../validation/field-checks';
import { Band, SecurityMode } from '../wifi-networks/wifi-network-enums';
import { WifiNetwork } from '../wifi-networks/wifi-network.entity';
import { CreateKeyPoolInput, CreateVenueInput, CreateVenueUnitInput, UpdateKeyPoolInput } from './dto/venue.inputs';
import { KeyPool, KeyPoolNetwork } from './key-pool.entity';
import { assertKeyCapacity } from './key-rules';
import { PersonalKey } from './personal-key.entity';
import { PoolIndex } from './pool-index';
import { Venue, VenueUnit, VenueUnitKind } from './venue.entity';

const POOL_MODES: readonly string[] = [SecurityMode.WPA2_PSK, SecurityMode.WPA2_WPA3];

export function checkTimeZone(field: string, timeZone: string): FieldError[] {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone.length > 0 && timeZone.length <= 64 ? [] : [{ field, message: 'must be an IANA time zone' }];
  } catch {
    return [{ field, message: 'must be an IANA time zone' }];
  }
}

export const MAX_GUEST_KEY_LIMIT = 16;

function checkGuestKeyLimit(limit: number | null | undefined): FieldError[] {
  if (limit == null) return [];
  return Number.isInteger(limit) && limit >= 0 && limit <= MAX_GUEST_KEY_LIMIT ? [] : [{ field: 'guestKeyLimit', message: `must be 0 to ${MAX_GUEST_KEY_LIMIT}` }];
}

@Injectable()
export class VenuesService {
  private readonly logger = new Logger('Venues');

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    private readonly index: PoolIndex,
  ) {}

  async venue(principal: Principal, id: string): Promise<Venue> {
    requireUuid('id', id);
    const venue = await this.dataSource.manager.findOneBy(Venue, { id });
    assertVenueReadable(principal, venue && venueOf(venue), 'venue', id);
    return venue as Venue;
  }

  /** A page of the venues the caller may see (their groups', or a venue manager's own), by name. */
  async venues(principal: Principal, page: PageArgs): Promise<Connection<Venue>> {
    pageRequest(page);
    const scope = venueListScope(principal);
    if (scope.kind === 'none') return emptyConnection();
    const qb = this.dataSource.manager.createQueryBuilder(Venue, 'v');
    if (scope.kind === 'groups') qb.where('v.groupId IN (:...groupIds)', { groupIds: scope.groupIds });
    if (scope.kind === 'venues') qb.where('v.id IN (:...venueIds)', { venueIds: scope.venueIds });
    return keysetPage(qb, { key: 'v.name', id: 'v.id', direction: 'ASC', positionOf: (v) => ({ key: v.name, id: v.id }) }, page);
  }

  unitsOf(venueId: string): Promise<VenueUnit[]> {
    return this.dataSource.manager.find(VenueUnit, { where: { venueId }, order: { name: 'ASC', id: 'ASC' } });
  }

  poolsOf(venueId: string): Promise<KeyPool[]> {
    return this.dataSource.manager.find(KeyPool, { where: { venueId }, order: { name: 'ASC', id: 'ASC' } });
  }

  async pool(principal: Principal, id: string): Promise<KeyPool> {
    requireUuid('id', id);
    return assertVenueReadable(principal, await this.dataSource.manager.findOneBy(KeyPool, { id }), 'key pool', id);
  }

  networksOf(poolId: string): Promise<KeyPoolNetwork[]> {
    return this.dataSource.manager.find(KeyPoolNetwork, { where: { poolId }, order: { locationId: 'ASC' } });
  }

  async createVenue(principal: Principal, input: CreateVenueInput): Promise<Venue> {
    const errors = [...checkText('name', input.name, 1, 200), ...checkOptionalText('address', input.address, 500), ...checkTimeZone('timeZone', input.timeZone)];
    if (errors.length > 0) throw AppError.validation(errors);
    const groupId = targetGroup(principal, input.groupId);
    const venue = await this.transactions.run(async (manager) => {
      const saved = await manager.save(manager.create(Venue, { groupId, name: input.name.trim(), address: input.address?.trim() || null, timeZone: input.timeZone }));
      await this.audit.record(principal, manager, { action: 'venue.create', objectType: 'venue', objectId: saved.id, groupId, before: null, after: { name: saved.name, address: saved.address, timeZone: saved.timeZone } });
      return saved;
    });
    this.logger.log(`venue ${venue.id} created by ${principal.email}`);
    return venue;
  }

  async createUnit(principal: Principal, input: CreateVenueUnitInput): Promise<VenueUnit> {
    const errors = [...checkUuid('venueId', input.venueId), ...checkUuid('locationId', input.locationId), ...checkText('name', input.name, 1, 200), ...checkEnum('kind', input.kind, VenueUnitKind)];
    if (errors.length > 0) throw AppError.validation(errors);
    return this.transactions
      .run(async (manager) => {
        // A location of the group comes into the venue: the group admin's, not a venue manager's.
        const venue = await manager.findOneBy(Venue, { id: input.venueId });
        assertVenueAdministrable(principal, venue && venueOf(venue), 'venue', input.venueId);
        if (venue === null) throw AppError.notFound('venue', input.venueId);
        const location = assertReadable(principal, await manager.findOneBy(Location, { id: input.locationId }), 'location', input.locationId);
        if (location.groupId !== venue.groupId) throw AppError.validation([{ field: 'locationId', message: 'must be a location of the venue\'s group' }]);
        const saved = await manager.save(manager.create(VenueUnit, { venueId: venue.id, groupId: venue.groupId, locationId: location.id, name: input.name.trim(), kind: input.kind }));
        await this.audit.record(principal, manager, { action: 'venue.unit.create', objectType: 'venue', objectId: venue.id, groupId: venue.groupId, before: null, after: { unitId: saved.id, locationId: saved.locationId, name: saved.name, kind: saved.kind } });
        return saved;
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? AppError.conflict(`location ${input.locationId} is already a unit of a venue`) : error;
      });
  }

  async createPool(principal: Principal, input: CreateKeyPoolInput): Promise<KeyPool> {
    const ids = [...new Set(input.networkIds)];
    const errors = [...checkUuid('venueId', input.venueId), ...checkText('name', input.name, 1, 200), ...ids.flatMap((id, i) => checkUuid(`networkIds[${i}]`, id))];
    if (ids.length === 0) errors.push({ field: 'networkIds', message: 'must name at least one network' });
    if (errors.length > 0) throw AppError.validation(errors);
    const { pool, networks } = await this.transactions
      .run(async (manager) => {
        const venue = await manager.findOneBy(Venue, { id: input.venueId });
        assertVenueWritable(principal, venue && venueOf(venue), 'venue', input.venueId);
        if (venue === null) throw AppError.notFound('venue', input.venueId);
        const networks = await this.poolNetworks(manager, venue, ids);
        const pool = await manager.save(manager.create(KeyPool, { venueId: venue.id, groupId: venue.groupId, name: input.name.trim(), isolateKeys: input.isolateKeys ?? false, highestSlot: 0 }));
        await manager.insert(KeyPoolNetwork, networks.map((n) => ({ networkId: n.id, poolId: pool.id, locationId: n.locationId })));
        await this.audit.record(principal, manager, { action: 'keyPool.create', objectType: 'keyPool', objectId: pool.id, groupId: pool.groupId, before: null, after: { venueId: venue.id, name: pool.name, isolateKeys: pool.isolateKeys, networkIds: ids } });
        return { pool, networks };
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? AppError.conflict('a network is already in a key pool') : error;
      });
    this.index.forget();
    this.events.publish(networks.map((n) => ({ type: 'wifi-network-changed' as const, locationId: n.locationId, caches: ['key-pools' as const] })));
    this.logger.log(`key pool ${pool.id} created on ${networks.length} network(s) by ${principal.email}`);
    return pool;
  }

  /**
   * Deploys the pool on more networks (at most 200 per call), under the same rules as at
   * creation, at locations the pool is not at yet; refused with KEY_CAPACITY_EXCEEDED if a
   * new location would need more than 64 keys. Only the new locations change.
   */
  async addPoolNetworks(principal: Principal, poolId: string, networkIds: readonly string[]): Promise<KeyPool> {
    const ids = [...new Set(networkIds)];
    const errors = [...checkUuid('poolId', poolId), ...ids.flatMap((id, i) => checkUuid(`networkIds[${i}]`, id))];
    if (ids.length === 0) errors.push({ field: 'networkIds', message: 'must name at least one network' });
    if (ids.length > 200) errors.push({ field: 'networkIds', message: 'must name at most 200 networks' });
    if (errors.length > 0) throw AppError.validation(errors);
    const { pool, added } = await this.transactions
      .run(async (manager) => {
        const found = assertVenueWritable(principal, await manager.findOneBy(KeyPool, { id: poolId }), 'key pool', poolId);
        // Written first: key changes of the pool queue behind this one (as issuing does).
        await manager.update(KeyPool, { id: poolId }, { updatedAt: new Date() });
        const venue = await manager.findOneByOrFail(Venue, { id: found.venueId });
        const networks = await this.poolNetworks(manager, venue, ids);
        const existing = await manager.findBy(KeyPoolNetwork, { poolId });
        const taken = new Set(existing.map((n) => n.locationId));
        const clash = ids.flatMap((id, i) => (taken.has(networks.find((n) => n.id === id)?.locationId ?? '') ? [{ field: `networkIds[${i}]`, message: 'is at a location the pool is already at' }] : []));
        if (clash.length > 0) throw AppError.validation(clash);
        const added = networks.map((n) => ({ networkId: n.id, poolId, locationId: n.locationId }));
        const [keys, units] = await Promise.all([manager.findBy(PersonalKey, { poolId }), manager.findBy(VenueUnit, { venueId: venue.id })]);
        assertKeyCapacity(keys, [...existing, ...added], units, new Date());
        await manager.insert(KeyPoolNetwork, added);
        await this.audit.record(principal, manager, { action: 'keyPool.network.add', objectType: 'keyPool', objectId: poolId, groupId: found.groupId, before: null, after: { networkIds: ids } });
        return { pool: found, added };
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? AppError.conflict('a network is already in a key pool') : error;
      });
    this.index.forget();
    this.events.publish(added.map((n) => ({ type: 'wifi-network-changed' as const, locationId: n.locationId, caches: ['key-pools' as const] })));
    return pool;
  }

  /** Renames a pool or turns its per-key isolation on or off; the devices follow on their next pass. */
  async updatePool(principal: Principal, input: UpdateKeyPoolInput): Promise<KeyPool> {
    const errors = [...checkUuid('id', input.id), ...(input.name == null ? [] : checkText('name', input.name, 1, 200)), ...checkGuestKeyLimit(input.guestKeyLimit)];
    if (errors.length > 0) throw AppError.validation(errors);
    const { pool, locations, isolationChanged } = await this.transactions.run(async (manager) => {
      const pool = assertVenueWritable(principal, await manager.findOneBy(KeyPool, { id: input.id }), 'key pool', input.id);
      const before = { name: pool.name, isolateKeys: pool.isolateKeys, guestKeyLimit: pool.guestKeyLimit };
      if (input.name != null) pool.name = input.name.trim();
      if (input.isolateKeys != null) pool.isolateKeys = input.isolateKeys;
      if (input.guestKeyLimit != null) pool.guestKeyLimit = input.guestKeyLimit;
      const saved = await manager.save(pool);
      await this.audit.record(principal, manager, { action: 'keyPool.update', objectType: 'keyPool', objectId: pool.id, groupId: pool.groupId, before, after: { name: saved.name, isolateKeys: saved.isolateKeys, guestKeyLimit: saved.guestKeyLimit } });
      const locations = (await manager.findBy(KeyPoolNetwork, { poolId: pool.id })).map((n) => n.locationId);
      return { pool: saved, locations, isolationChanged: before.isolateKeys !== saved.isolateKeys };
    });
    if (isolationChanged) this.events.publish(locations.map((locationId) => ({ type: 'wifi-network-changed' as const, locationId })));
    this.logger.log(`key pool ${pool.id} updated by ${principal.email} (isolateKeys ${pool.isolateKeys})`);
    return pool;
  }

  private async poolNetworks(manager: EntityManager, venue: Venue, ids: string[]): Promise<WifiNetwork[]> {
    const networks = await manager.findBy(WifiNetwork, { id: In(ids) });
    const units = await manager.findBy(VenueUnit, { venueId: venue.id });
    const unitLocations = new Set(units.map((u) => u.locationId));
    const taken = new Set((await manager.findBy(KeyPoolNetwork, { networkId: In(ids) })).map((n) => n.networkId));
    const errors: FieldError[] = [];
    const seenLocations = new Set<string>();
    ids.forEach((id, i) => {
      const field = `networkIds[${i}]`;
      const network = networks.find((n) => n.id === id);
      if (network === undefined || network.groupId !== venue.groupId) return errors.push({ field, message: 'is not a network of the venue\'s group' });
      if (!unitLocations.has(network.locationId)) return errors.push({ field, message: 'is not at a unit or common area of the venue' });
      if (seenLocations.has(network.locationId)) return errors.push({ field, message: 'is at a location that already has a network of this pool' });
      seenLocations.add(network.locationId);
      if (!POOL_MODES.includes(network.securityMode)) return errors.push({ field, message: 'must be WPA2_PSK or WPA2_WPA3 (personal)' });
      if (network.bands.includes(Band.BAND_6G)) return errors.push({ field, message: 'must not run on 6 GHz (personal keys are WPA2 keys)' });
      if (taken.has(id)) return errors.push({ field, message: 'is already in a key pool' });
      return 0;
    });
    if (errors.length > 0) throw AppError.validation(errors);
    return networks;
  }
}
