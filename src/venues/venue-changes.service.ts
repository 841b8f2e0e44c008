// Changes to what a venue is made of after it is set up: renaming, a unit turning into a
// common area (or back), removing a unit, a network leaving a pool, deleting a pool or the
// whole venue; and two rules other modules' changes must respect: a pooled network keeps a
// mode that carries personal keys, and a deleted unit location's keys leave the pool's other
// locations at once. Every change is audited in its transaction; the devices of every
// location whose keys change are reconciled after commit.
//
// What goes with what: deleting a unit deletes its personal keys (their slots stay taken,
// so names are never reused) and takes the unit's networks out of the venue's pools, where
// they carry their own passphrase again; deleting a pool deletes its keys, its networks stay
// (own passphrase); deleting a venue deletes its units, pools and keys, never a location or
// a network.

import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { DataSource, EntityManager, In } from 'typeorm';
import { assertVenueAdministrable, assertVenueWritable, venueOf } from '../access/venue-scope';
import { requireUuid } from '../access/location-access';
import { AuditService } from '../audit/audit.service';
import { Principal } from '../common/auth/principal';
import { AppError, ErrorCode } from '../common/errors/app-error';
import { TransactionRunner } from '../database/transaction-runner';
import { DomainEvent } from '../domain-events/domain-event';
import { DomainEvents } from '../domain-events/domain-events.service';
import { Location } from '../locations/location.entity';
import { checkOptionalText, checkText, checkUuid } from '../validation/field-checks';
import { WifiNetworksService } from '../wifi-networks/wifi-networks.service';
import { UpdateVenueInput, UpdateVenueUnitInput } from './dto/venue.inputs';
import { KeyPool, KeyPoolNetwork } from './key-pool.entity';
import { assertKeyCapacity, poolNetworkRefusal } from './key-rules';
import { PersonalKey } from './personal-key.entity';
import { PoolIndex, poolsAt } from './pool-index';
import { Venue, VenueUnit } from './venue.entity';
import { checkTimeZone } from './venues.service';

@Injectable()
export class VenueChangesService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Venues');
  private subscription: Subscription | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    private readonly index: PoolIndex,
    private readonly networks: WifiNetworksService,
  ) {}

  onModuleInit(): void {
    this.networks.setChangeGuard((manager, changes) => this.refusePoolBreakingChanges(manager, changes));
    this.subscription = this.events.events$.subscribe((event) => {
      if (event.type === 'location-changed') void this.onLocationChanged(event).catch((error: unknown) => this.logger.warn(`location ${event.locationId}: ${String(error)}`));
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  async updateVenue(principal: Principal, input: UpdateVenueInput): Promise<Venue> {
    const errors = [
      ...checkUuid('id', input.id),
      ...(input.name == null ? [] : checkText('name', input.name, 1, 200)),
      ...checkOptionalText('address', input.address, 500),
      ...(input.timeZone == null ? [] : checkTimeZone('timeZone', input.timeZone)),
    ];
    if (errors.length > 0) throw AppError.validation(errors);
    return this.transactions.run(async (manager) => {
      const venue = (await manager.findOneBy(Venue, { id: input.id })) as Venue;
      assertVenueWritable(principal, venue && venueOf(venue), 'venue', input.id);
      const before = { name: venue.name, address: venue.address, timeZone: venue.timeZone };
      if (input.name != null) venue.name = input.name.trim();
      if (input.address != null) venue.address = input.address.trim() || null;
      if (input.timeZone != null) venue.timeZone = input.timeZone;
      const saved = await manager.save(venue);
      await this.audit.record(principal, manager, { action: 'venue.update', objectType: 'venue', objectId: venue.id, groupId: venue.groupId, before, after: { name: saved.name, address: saved.address, timeZone: saved.timeZone } });
      return saved;
    });
  }

  /** Deletes the venue with its units, pools and keys; its locations and networks stay. */
  async deleteVenue(principal: Principal, id: string): Promise<Venue> {
    requireUuid('id', id);
    const { venue, locations } = await this.transactions.run(async (manager) => {
      const venue = (await manager.findOneBy(Venue, { id })) as Venue;
      assertVenueAdministrable(principal, venue && venueOf(venue), 'venue', id);
      const pools = await manager.findBy(KeyPool, { venueId: id });
      const locations = await this.locationsOf(manager, pools.map((p) => p.id));
      const gone = Object.assign(new Venue(), venue);
      await manager.delete(Venue, { id });
      await this.audit.record(principal, manager, { action: 'venue.delete', objectType: 'venue', objectId: id, groupId: venue.groupId, before: { name: venue.name, pools: pools.length }, after: null });
      return { venue: gone, locations };
    });
    this.reconcile(locations);
    this.logger.log(`venue ${id} deleted by ${principal.email}`);
    return venue;
  }

  /** Renames a unit or changes its kind; a kind change is refused if a location would need more than 64 keys. */
  async updateUnit(principal: Principal, input: UpdateVenueUnitInput): Promise<VenueUnit> {
    const errors = [...checkUuid('id', input.id), ...(input.name == null ? [] : checkText('name', input.name, 1, 200))];
    if (errors.length > 0) throw AppError.validation(errors);
    const { unit, locations } = await this.transactions.run(async (manager) => {
      const unit = assertVenueWritable(principal, await manager.findOneBy(VenueUnit, { id: input.id }), 'venue unit', input.id);
      const before = { name: unit.name, kind: unit.kind };
      if (input.name != null) unit.name = input.name.trim();
      const kindChanged = input.kind != null && input.kind !== unit.kind;
      if (input.kind != null) unit.kind = input.kind;
      let locations: string[] = [];
      if (kindChanged) {
        const pools = await this.lockPools(manager, unit.venueId);
        const units = (await manager.findBy(VenueUnit, { venueId: unit.venueId })).map((u) => (u.id === unit.id ? unit : u));
        for (const pool of pools) {
          const [keys, networks] = await Promise.all([manager.findBy(PersonalKey, { poolId: pool.id }), manager.findBy(KeyPoolNetwork, { poolId: pool.id })]);
          assertKeyCapacity(keys, networks, units, new Date());
        }
        locations = await this.locationsOf(manager, pools.map((p) => p.id));
      }
      const saved = await manager.save(unit);
      await this.audit.record(principal, manager, { action: 'venue.unit.update', objectType: 'venue', objectId: unit.venueId, groupId: unit.groupId, before: { unitId: unit.id, ...before }, after: { unitId: unit.id, name: saved.name, kind: saved.kind } });
      return { unit: saved, locations };
    });
    this.reconcile(locations);
    return unit;
  }

  /** The location leaves the venue: the unit's keys are deleted and its networks leave the venue's pools. */
  async deleteUnit(principal: Principal, id: string): Promise<VenueUnit> {
    requireUuid('id', id);
    const { unit, locations } = await this.transactions.run(async (manager) => {
      // The location leaves the venue: the group admin's (as making it a unit is).
      const unit = assertVenueAdministrable(principal, await manager.findOneBy(VenueUnit, { id }), 'venue unit', id);
      const pools = await this.lockPools(manager, unit.venueId);
      const locations = await this.locationsOf(manager, pools.map((p) => p.id));
      const keys = await manager.countBy(PersonalKey, { unitId: id });
      if (pools.length > 0) await manager.delete(KeyPoolNetwork, { poolId: In(pools.map((p) => p.id)), locationId: unit.locationId });
      const gone = Object.assign(new VenueUnit(), unit);
      await manager.delete(VenueUnit, { id });
      await this.audit.record(principal, manager, { action: 'venue.unit.delete', objectType: 'venue', objectId: unit.venueId, groupId: unit.groupId, before: { unitId: id, locationId: unit.locationId, name: unit.name, kind: unit.kind, keys }, after: null });
      return { unit: gone, locations };
    });
    this.reconcile(locations);
    return unit;
  }

  /** Deletes a pool and its keys; its networks carry their own passphrase again. */
  async deletePool(principal: Principal, id: string): Promise<KeyPool> {
    requireUuid('id', id);
    const { pool, locations } = await this.transactions.run(async (manager) => {
      const pool = assertVenueWritable(principal, await manager.findOneBy(KeyPool, { id }), 'key pool', id);
      const locations = await this.locationsOf(manager, [id]);
      const keys = await manager.countBy(PersonalKey, { poolId: id });
      const gone = Object.assign(new KeyPool(), pool);
      await manager.delete(KeyPool, { id });
      await this.audit.record(principal, manager, { action: 'keyPool.delete', objectType: 'keyPool', objectId: id, groupId: pool.groupId, before: { name: pool.name, keys, locations: locations.length }, after: null });
      return { pool: gone, locations };
    });
    this.reconcile(locations);
    return pool;
  }

  /** A network leaves its pool: it carries its own passphrase again; the pool's keys stay. */
  async removePoolNetwork(principal: Principal, poolId: string, networkId: string): Promise<KeyPool> {
    const errors = [...checkUuid('poolId', poolId), ...checkUuid('networkId', networkId)];
    if (errors.length > 0) throw AppError.validation(errors);
    const { pool, locations } = await this.transactions.run(async (manager) => {
      const pool = assertVenueWritable(principal, await manager.findOneBy(KeyPool, { id: poolId }), 'key pool', poolId);
      const entry = await manager.findOneBy(KeyPoolNetwork, { poolId, networkId });
      if (entry === null) throw AppError.notFound('network of the key pool', networkId);
      const locations = await this.locationsOf(manager, [poolId]);
      await manager.delete(KeyPoolNetwork, { networkId });
      await this.audit.record(principal, manager, { action: 'keyPool.network.remove', objectType: 'keyPool', objectId: poolId, groupId: pool.groupId, before: { networkId, locationId: entry.locationId }, after: null });
      return { pool, locations };
    });
    this.reconcile(locations);
    return pool;
  }

  /** A pooled network may not turn OPEN or WPA3_SAE, nor take 6 GHz: its keys could not be carried. */
  private async refusePoolBreakingChanges(manager: EntityManager, changes: readonly { before: { id: string }; next: { securityMode: string; bands: readonly string[] } }[]): Promise<void> {
    const index = await this.index.byNetwork();
    const pooled = changes.filter((c) => index.has(c.before.id));
    if (pooled.length === 0) return;
    // The index may lag a pool change of this very moment: the table decides.
    const rows = await manager.findBy(KeyPoolNetwork, { networkId: In(pooled.map((c) => c.before.id)) });
    for (const change of pooled) {
      const row = rows.find((r) => r.networkId === change.before.id);
      const refusal = row === undefined ? undefined : poolNetworkRefusal(change.next);
      if (row !== undefined && refusal !== undefined) {
        throw new AppError(ErrorCode.NETWORK_IN_KEY_POOL, `network ${change.before.id} is in key pool ${row.poolId}: its ${refusal.field} ${refusal.message}; remove it from the pool first`, [refusal]);
      }
    }
  }

  /**
   * A location of a pool was deleted (with its unit, the unit's keys and its pool networks):
   * the pool's other locations (the lobby) must drop those keys now, not at their next reload.
   */
  private async onLocationChanged(event: DomainEvent): Promise<void> {
    const before = poolsAt(await this.index.byNetwork(), event.locationId);
    if (before.poolIds.size === 0) return;
    if ((await this.dataSource.manager.countBy(Location, { id: event.locationId })) > 0) return;
    before.locations.delete(event.locationId);
    this.reconcile([...before.locations]);
  }

  /** Queues key changes of the venue's pools behind this transaction (as issuing a key does). */
  private async lockPools(manager: EntityManager, venueId: string): Promise<KeyPool[]> {
    await manager.update(KeyPool, { venueId }, { updatedAt: new Date() });
    return manager.findBy(KeyPool, { venueId });
  }

  private async locationsOf(manager: EntityManager, poolIds: readonly string[]): Promise<string[]> {
    if (poolIds.length === 0) return [];
    return [...new Set((await manager.findBy(KeyPoolNetwork, { poolId: In([...poolIds]) })).map((n) => n.locationId))];
  }

  /** After commit: the pool index first (the reconciler reads it on reload), then the locations. */
  private reconcile(locationIds: readonly string[]): void {
    this.index.forget();
    this.events.publish(locationIds.map((locationId) => ({ type: 'wifi-network-changed' as const, locationId, caches: ['key-pools' as const] })));
  }
}
