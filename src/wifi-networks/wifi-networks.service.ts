// WiFi networks of a location. The PRIMARY one lives and dies with its location (created by
// insertPrimary, removed by removeAllOf); GUEST and IOT networks are managed here.

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { canWriteGroup, Principal } from '../common/auth/principal';
import { assertReadable } from '../access/group-scope';
import { requireUuid, writableLocation } from '../access/location-access';
import { AuditRecord, AuditService } from '../audit/audit.service';
import { CompiledFinder } from '../database/compiled-finder';
import { CompiledUpdate } from '../database/compiled-update';
import { TransactionRunner } from '../database/transaction-runner';
import { DomainEvents } from '../domain-events/domain-events.service';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { checkIdempotencyKey } from '../idempotency/request-hash';
import { Location } from '../locations/location.entity';
import { CreateWifiNetworkInput } from './dto/create-wifi-network.input';
import { UpdateWifiNetworkInput } from './dto/update-wifi-network.input';
import { WifiNetworkKind } from './wifi-network-enums';
import { validateWifiNetworkSettings, WifiNetworkSettings } from './wifi-network-rules';
import { createSettings } from './wifi-network-settings';
import { wifiNetworkSummary } from './wifi-network-summary';
import { applyNetworkChanges, FieldOf, lockGuardedRows, NetworkChange, NetworkChangeGuard, NetworkWrite, WRITTEN_PROPERTIES } from './wifi-network-updates';
import { WifiNetwork } from './wifi-network.entity';

@Injectable()
export class WifiNetworksService {
  private readonly byId: CompiledFinder<WifiNetwork>;
  private readonly byLocation: CompiledFinder<WifiNetwork>;
  private readonly write: NetworkWrite;
  private guard: NetworkChangeGuard | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {
    this.byId = new CompiledFinder(dataSource, WifiNetwork, { where: 'id' });
    this.byLocation = new CompiledFinder(dataSource, WifiNetwork, { where: 'locationId', orderBy: [['createdAt', 'ASC'], ['id', 'ASC']] });
    this.write = new CompiledUpdate(dataSource, WifiNetwork, WRITTEN_PROPERTIES);
  }

  async get(principal: Principal, id: string): Promise<WifiNetwork> {
    requireUuid('id', id);
    return assertReadable(principal, await this.byId.findOne(id), 'wifi network', id);
  }

  /** Networks of a location the caller was already allowed to read. */
  listOf(locationId: string): Promise<WifiNetwork[]> {
    return this.byLocation.find(locationId);
  }

  /** Readable only by those who may write the network's group; support staff get null. */
  passphraseFor(principal: Principal, network: WifiNetwork): string | null {
    return canWriteGroup(principal, network.groupId) ? network.passphrase : null;
  }

  async create(principal: Principal, locationId: string, input: CreateWifiNetworkInput, key?: string | null): Promise<WifiNetwork> {
    const settings = createSettings(input);
    const errors = [...validateWifiNetworkSettings(settings, new Date(), true), ...checkIdempotencyKey('idempotencyKey', key)];
    requireUuid('locationId', locationId);
    if (errors.length > 0) throw AppError.validation(errors);
    if (settings.kind === WifiNetworkKind.PRIMARY) {
      throw AppError.precondition('the PRIMARY network is created with its location; a location has exactly one');
    }
    const { result, replayed } = await this.idempotency.run(principal, {
      operation: 'createWifiNetwork',
      key,
      input: { locationId, input },
      create: async (manager) => {
        const { location } = await writableLocation(manager, principal, locationId, 'locationId');
        const network = await this.insert(manager, location, settings);
        await this.audit.record(principal, manager, this.auditRecord('create', network, null, network));
        return network;
      },
      replay: async (manager, id) => assertReadable(principal, await manager.findOneBy(WifiNetwork, { id }), 'wifi network', id),
    });
    if (!replayed) this.events.publish([{ type: 'wifi-network-changed', locationId: result.locationId }]);
    return result;
  }

  /** Registered by the module that keeps key pools (src/venues): it refuses changes a pooled network cannot take. */
  setChangeGuard(guard: NetworkChangeGuard): void {
    this.guard = guard;
  }

  /** `precondition` runs on the network as the change's transaction reads it (NetworkChange). */
  async update(principal: Principal, id: string, input: UpdateWifiNetworkInput, precondition?: (current: WifiNetwork) => void): Promise<WifiNetwork> {
    const [network] = await this.updateMany(principal, [{ id, input, precondition }], (_, field) => field);
    return network;
  }

  /** All or nothing, in one transaction; errors name fields as changes.<i>.<field>. */
  updateAll(principal: Principal, changes: readonly NetworkChange[]): Promise<WifiNetwork[]> {
    return this.updateMany(principal, changes, (i, field) => (field === 'id' ? `changes.${i}.id` : `changes.${i}.input.${field}`));
  }

  private async updateMany(principal: Principal, changes: readonly NetworkChange[], fieldOf: FieldOf): Promise<WifiNetwork[]> {
    const applied = await this.transactions.run(async (manager) => {
      const done = await applyNetworkChanges(manager, principal, changes, fieldOf, this.write, this.guard);
      await this.audit.recordAll(principal, manager, done.map(({ before, after }) => this.auditRecord('update', after, before, after)));
      return done;
    });
    const locationIds = new Set(applied.map(({ after }) => after.locationId));
    this.events.publish([...locationIds].map((locationId) => ({ type: 'wifi-network-changed' as const, locationId })));
    return applied.map(({ after }) => after);
  }

  /** `precondition` as for update. */
  async delete(principal: Principal, id: string, precondition?: (current: WifiNetwork) => void): Promise<WifiNetwork> {
    requireUuid('id', id);
    const network = await this.transactions.run(async (manager) => {
      await lockGuardedRows(manager, [{ id, precondition }]);
      const current = assertReadable(principal, await manager.findOneBy(WifiNetwork, { id }), 'wifi network', id);
      precondition?.(current);
      await writableLocation(manager, principal, current.locationId, 'id');
      if (current.kind === WifiNetworkKind.PRIMARY) {
        throw AppError.precondition('the PRIMARY network is deleted only with its location');
      }
      const gone = Object.assign(new WifiNetwork(), current);
      await manager.delete(WifiNetwork, { id });
      await this.audit.record(principal, manager, this.auditRecord('delete', gone, gone, null));
      return gone;
    });
    this.events.publish([{ type: 'wifi-network-changed', locationId: network.locationId }]);
    return network;
  }

  /** Inside the caller's transaction: the PRIMARY network of a new location. */
  async insertPrimary(manager: EntityManager, principal: Principal, location: Location, settings: WifiNetworkSettings): Promise<WifiNetwork> {
    const network = await this.insert(manager, location, settings);
    await this.audit.record(principal, manager, this.auditRecord('create', network, null, network));
    return network;
  }

  /** Inside the caller's transaction: removes every network of the locations, audited one by one. */
  async removeAllOf(manager: EntityManager, principal: Principal, locationIds: string[]): Promise<void> {
    if (locationIds.length === 0) return;
    const networks = await manager.findBy(WifiNetwork, { locationId: In(locationIds) });
    for (const network of networks) {
      await manager.delete(WifiNetwork, { id: network.id });
      await this.audit.record(principal, manager, this.auditRecord('delete', network, network, null));
    }
  }

  private insert(manager: EntityManager, location: Location, settings: WifiNetworkSettings): Promise<WifiNetwork> {
    return manager.save(manager.create(WifiNetwork, { ...settings, locationId: location.id, groupId: location.groupId }));
  }

  private auditRecord(verb: string, network: WifiNetwork, before: WifiNetwork | null, after: WifiNetwork | null): AuditRecord {
    const summary = (v: WifiNetwork | null) => (v === null ? null : wifiNetworkSummary(v));
    return {
      action: `wifiNetwork.${verb}`,
      objectType: 'wifiNetwork',
      objectId: network.id,
      groupId: network.groupId,
      before: summary(before),
      after: summary(after),
    };
  }
}
