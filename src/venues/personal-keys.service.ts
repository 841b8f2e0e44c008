// Personal keys: issue, rotate, suspend, resume, revoke. Every change runs in one
// transaction that first bumps the pool row (so concurrent changes of one pool queue up
// behind each other), checks the 64-key capacity of every location with the pool's keys as
// they would be, and writes an audit entry without the passphrase; after commit the pool's
// locations are reconciled. Passphrases never reach a log line.

import { Injectable, Logger } from '@nestjs/common';
import { keyName } from '@lib/opensync';
import { DataSource, EntityManager, In, MoreThanOrEqual, Not } from 'typeorm';
import { assertKeyAccess, assertSubscriberAllowed, assertVenueWritable, maySeePassphrase } from '../access/venue-scope';
import { requireUuid } from '../access/location-access';
import { AuditService } from '../audit/audit.service';
import { Principal } from '../common/auth/principal';
import { AppError, ErrorCode, FieldError } from '../common/errors/app-error';
import { Connection } from '../common/pagination/connection.type';
import { keysetPage } from '../common/pagination/keyset-page';
import { PageArgs, pageRequest } from '../common/pagination/page.args';
import { ClientSession } from '../clients/store/client-session.entity';
import { Customer } from '../customers/customer.entity';
import { TransactionRunner } from '../database/transaction-runner';
import { DomainEvents } from '../domain-events/domain-events.service';
import { checkUuid } from '../validation/field-checks';
import { IssuePersonalKeyInput, RotatePersonalKeyInput } from './dto/venue.inputs';
import { KeyPool, KeyPoolNetwork } from './key-pool.entity';
import { assertKeyCapacity, checkPassphrase, checkUserPart, checkWindow, generatePassphrase, keyLocator, keyState } from './key-rules';
import { PersonalKey, PersonalKeyState, PersonalKeyStatus } from './personal-key.entity';
import { VenueUnit, VenueUnitKind } from './venue.entity';
import { VenuePlacement } from './venue-placement';
import { VenueResident } from './venue-roles.entity';

/** Live guest keys one resident may have in a pool when the pool does not say (KeyPool.guestKeyLimit). */
export const DEFAULT_GUEST_KEY_LIMIT = 3;
/** A guest key lasts at most a week. */
export const MAX_GUEST_KEY_HOURS = 7 * 24;

type KeyChange = 'rotate' | 'suspend' | 'resume' | 'revoke';

/** Who is changing a key: staff by the venue rules, or the key's own resident (rotate only). */
type KeyActor = { principal: Principal; via: 'staff' | 'resident' };

@Injectable()
export class PersonalKeysService {
  private readonly logger = new Logger('PersonalKeys');

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    private readonly placement: VenuePlacement,
  ) {}

  async key(principal: Principal, id: string): Promise<PersonalKey> {
    requireUuid('id', id);
    const manager = this.dataSource.manager;
    const key = await manager.findOneBy(PersonalKey, { id });
    assertKeyAccess(principal, await this.placement.keyObject(manager, key), id, 'read');
    return key as PersonalKey;
  }

  /** A page of the pool's keys, by slot. */
  keysOf(poolId: string, page: PageArgs): Promise<Connection<PersonalKey>> {
    pageRequest(page);
    const qb = this.dataSource.manager.createQueryBuilder(PersonalKey, 'k').where('k.poolId = :poolId', { poolId });
    return keysetPage(qb, { key: 'k.slot', id: 'k.id', direction: 'ASC', positionOf: (k) => ({ key: String(k.slot), id: k.id }), keyParam: Number }, page);
  }

  /** The passphrase for those who may change the key and for its own resident; null for group support. */
  async passphraseFor(principal: Principal, key: PersonalKey): Promise<string | null> {
    const object = await this.placement.keyObject(this.dataSource.manager, key);
    return object !== null && maySeePassphrase(principal, object) ? key.passphrase : null;
  }

  /** Associations made with the key: its name on the pool's networks since it was issued (slots are never reused). */
  async sessions(key: PersonalKey, first: number): Promise<ClientSession[]> {
    const networkIds = (await this.dataSource.manager.findBy(KeyPoolNetwork, { poolId: key.poolId })).map((n) => n.networkId);
    if (networkIds.length === 0) return [];
    return this.dataSource.manager.find(ClientSession, {
      where: { networkId: In(networkIds), keyId: keyName(key.slot), startedAt: MoreThanOrEqual(key.createdAt) },
      order: { startedAt: 'DESC', id: 'ASC' },
      take: Math.max(1, Math.min(first, 100)),
    });
  }

  async issue(principal: Principal, input: IssuePersonalKeyInput): Promise<PersonalKey> {
    const validFrom = input.validFrom ?? null;
    const validUntil = input.validUntil ?? null;
    const errors: FieldError[] = [
      ...checkUuid('poolId', input.poolId),
      ...checkUuid('customerId', input.customerId),
      ...(input.unitId == null ? [] : checkUuid('unitId', input.unitId)),
      ...passphraseErrors(input),
      ...checkWindow(validFrom, validUntil),
    ];
    if (errors.length > 0) throw AppError.validation(errors);
    const passphrase = input.passphrase ?? generatePassphrase(input.userPart ?? '');
    const { key, locations } = await this.transactions.run(async (manager) => {
      const pool = await this.lockPool(manager, principal, input.poolId);
      const customer = await manager.findOneBy(Customer, { id: input.customerId });
      const resident = await manager.existsBy(VenueResident, { venueId: pool.venueId, customerId: input.customerId });
      assertSubscriberAllowed(principal, pool, customer, resident);
      if (customer === null) throw AppError.validation([{ field: 'customerId', message: 'is not a customer of the pool\'s group' }]);
      // The subscriber becomes a resident of the venue (its managers see them from now on).
      if (!resident) await manager.insert(VenueResident, { venueId: pool.venueId, customerId: customer.id, createdAt: new Date() });
      const units = await manager.findBy(VenueUnit, { venueId: pool.venueId });
      if (input.unitId != null && !units.some((u) => u.id === input.unitId)) throw AppError.validation([{ field: 'unitId', message: 'is not a unit of the pool\'s venue' }]);
      const others = await manager.findBy(PersonalKey, { poolId: pool.id });
      assertUniquePassphrase(others, passphrase);
      const key = manager.create(PersonalKey, {
        poolId: pool.id,
        groupId: pool.groupId,
        customerId: customer.id,
        unitId: input.unitId ?? null,
        slot: pool.highestSlot,
        passphrase,
        validFrom,
        validUntil,
        status: PersonalKeyStatus.ACTIVE,
        rotatedAt: null,
        revokedAt: null,
        batchId: null,
        firstUsedAt: null,
        guestOfKeyId: null,
      });
      const networks = await manager.findBy(KeyPoolNetwork, { poolId: pool.id });
      assertKeyCapacity([...others, key], networks, units, new Date());
      const saved = await manager.save(key);
      await this.audit.record(principal, manager, { action: 'personalKey.issue', objectType: 'personalKey', objectId: saved.id, groupId: saved.groupId, before: null, after: summary(saved) });
      // Only the locations that carry the key change (its unit's and the common areas, or all).
      return { key: saved, locations: keyLocator(networks.map((n) => n.locationId), units)(saved) };
    });
    this.reconcile(locations);
    this.logger.log(`personal key ${key.id} (${keyName(key.slot)}) issued in pool ${key.poolId} by ${principal.email}`);
    return key;
  }

  /**
   * A resident's guest key: a random key of the resident's key's pool and unit, valid for
   * `hours` from now, within the pool's limit of live guest keys per resident
   * (GUEST_KEY_LIMIT_REACHED beyond it). Same capacity and uniqueness rules as any key.
   */
  async issueGuestKey(principal: Principal, ofKeyId: string, hours: number): Promise<PersonalKey> {
    requireUuid('keyId', ofKeyId);
    if (!Number.isInteger(hours) || hours < 1 || hours > MAX_GUEST_KEY_HOURS) throw AppError.validation([{ field: 'validForHours', message: `must be 1 to ${MAX_GUEST_KEY_HOURS}` }]);
    const now = new Date();
    const { key, locations } = await this.transactions.run(async (manager) => {
      const parent = await manager.findOneBy(PersonalKey, { id: ofKeyId });
      assertKeyAccess(principal, await this.placement.keyObject(manager, parent), ofKeyId, 'guest');
      const own = parent as PersonalKey;
      if (own.guestOfKeyId !== null || own.batchId !== null) throw AppError.precondition(`personal key ${ofKeyId} is a guest key`);
      if (keyState(own, now) !== PersonalKeyState.ACTIVE) throw AppError.precondition(`personal key ${ofKeyId} is not active`);
      const pool = await this.lockPool(manager, principal, own.poolId, true, false);
      const others = await manager.findBy(PersonalKey, { poolId: pool.id });
      const limit = pool.guestKeyLimit ?? DEFAULT_GUEST_KEY_LIMIT;
      const live = others.filter((k) => k.customerId === own.customerId && k.guestOfKeyId !== null && keyState(k, now) === PersonalKeyState.ACTIVE).length;
      if (live >= limit) throw new AppError(ErrorCode.GUEST_KEY_LIMIT_REACHED, `at most ${limit} live guest key(s) per resident in this pool`);
      let passphrase = generatePassphrase('');
      while (others.some((k) => k.status !== PersonalKeyStatus.REVOKED && k.passphrase === passphrase)) passphrase = generatePassphrase('');
      const key = manager.create(PersonalKey, {
        poolId: pool.id, groupId: pool.groupId, customerId: own.customerId, unitId: own.unitId, slot: pool.highestSlot, passphrase,
        validFrom: null, validUntil: new Date(now.getTime() + hours * 3600_000), status: PersonalKeyStatus.ACTIVE, rotatedAt: null, revokedAt: null,
        batchId: null, firstUsedAt: null, guestOfKeyId: own.id,
      });
      const [networks, units] = await Promise.all([manager.findBy(KeyPoolNetwork, { poolId: pool.id }), manager.findBy(VenueUnit, { venueId: pool.venueId })]);
      assertKeyCapacity([...others, key], networks, units, now);
      const saved = await manager.save(key);
      await this.audit.record(principal, manager, { action: 'personalKey.issueGuest', objectType: 'personalKey', objectId: saved.id, groupId: saved.groupId, before: null, after: { ...summary(saved), guestOfKeyId: own.id } });
      return { key: saved, locations: keyLocator(networks.map((n) => n.locationId), units)(saved) };
    });
    this.reconcile(locations);
    this.logger.log(`guest key ${key.id} (${keyName(key.slot)}) of key ${ofKeyId} issued for ${hours} h`);
    return key;
  }

  /** `byResident`: the key's own resident resets it (src/access/venue-scope.ts: their own key only). */
  rotate(principal: Principal, id: string, input: RotatePersonalKeyInput, byResident = false): Promise<PersonalKey> {
    const errors = passphraseErrors(input);
    if (errors.length > 0) throw AppError.validation(errors);
    const passphrase = input.passphrase ?? generatePassphrase(input.userPart ?? '');
    return this.change(
      { principal, via: byResident ? 'resident' : 'staff' },
      id,
      'rotate',
      (key, sharing) => {
        if (key.status === PersonalKeyStatus.REVOKED) throw AppError.precondition(`personal key ${id} is revoked`);
        assertUniquePassphrase(sharing, passphrase);
        key.passphrase = passphrase;
        key.rotatedAt = new Date();
      },
      passphrase,
    );
  }

  suspend(principal: Principal, id: string): Promise<PersonalKey> {
    return this.change({ principal, via: 'staff' }, id, 'suspend', (key) => {
      if (key.status !== PersonalKeyStatus.ACTIVE) throw AppError.precondition(`personal key ${id} is not active`);
      key.status = PersonalKeyStatus.SUSPENDED;
    });
  }

  resume(principal: Principal, id: string): Promise<PersonalKey> {
    return this.change({ principal, via: 'staff' }, id, 'resume', (key) => {
      if (key.status !== PersonalKeyStatus.SUSPENDED) throw AppError.precondition(`personal key ${id} is not suspended`);
      key.status = PersonalKeyStatus.ACTIVE;
    });
  }

  revoke(principal: Principal, id: string): Promise<PersonalKey> {
    return this.change({ principal, via: 'staff' }, id, 'revoke', (key) => {
      if (key.status === PersonalKeyStatus.REVOKED) throw AppError.precondition(`personal key ${id} is already revoked`);
      key.status = PersonalKeyStatus.REVOKED;
      key.revokedAt = new Date();
    });
  }

  /**
   * `apply` gets the pool's other keys that hold `passphrase` (a rotation's new one), read by
   * one query on the pool and passphrase, never the whole pool (thousands of keys in a large
   * venue, read again for every rotation).
   */
  private async change(actor: KeyActor, id: string, verb: KeyChange, apply: (key: PersonalKey, sharing: PersonalKey[]) => void, passphrase?: string): Promise<PersonalKey> {
    requireUuid('id', id);
    const { principal } = actor;
    const action = actor.via === 'resident' ? 'rotate' : 'change';
    const { key, locations } = await this.transactions.run(async (manager) => {
      const found = await manager.findOneBy(PersonalKey, { id });
      assertKeyAccess(principal, await this.placement.keyObject(manager, found), id, action);
      // The key's access decides: its pool is locked, not checked again.
      const pool = await this.lockPool(manager, principal, (found as PersonalKey).poolId, false, false);
      const key = (await manager.findOneBy(PersonalKey, { id })) as PersonalKey;
      const before = summary(key);
      const sharing = passphrase === undefined ? [] : (await manager.findBy(PersonalKey, { poolId: pool.id, passphrase })).filter((k) => k.id !== key.id);
      apply(key, sharing);
      const networks = await manager.findBy(KeyPoolNetwork, { poolId: pool.id });
      if (verb === 'resume') {
        const others = (await manager.findBy(PersonalKey, { poolId: pool.id })).filter((k) => k.id !== key.id);
        assertKeyCapacity([...others, key], networks, await manager.findBy(VenueUnit, { venueId: pool.venueId }), new Date());
      }
      // Only the locations that carry the key change: its unit's and the common areas (a key
      // without a unit: all of the pool's). Those units are all the locator needs.
      const carriers = key.unitId === null ? [] : await manager.find(VenueUnit, { where: [{ venueId: pool.venueId, id: key.unitId }, { venueId: pool.venueId, kind: VenueUnitKind.COMMON_AREA }] });
      const locations = keyLocator(networks.map((n) => n.locationId), carriers)(key);
      key.updatedAt = new Date();
      const saved = await manager.save(key);
      // A revoked key takes its resident's guest keys with it (a move-out ends them too); they
      // work where it worked, so the same locations change.
      const guests = verb === 'revoke' ? await manager.update(PersonalKey, { guestOfKeyId: key.id, status: Not(PersonalKeyStatus.REVOKED) }, { status: PersonalKeyStatus.REVOKED, revokedAt: key.revokedAt, updatedAt: key.updatedAt }) : undefined;
      const after = guests === undefined ? summary(saved) : { ...summary(saved), guestKeysRevoked: guests.affected ?? 0 };
      await this.audit.record(principal, manager, { action: `personalKey.${verb}`, objectType: 'personalKey', objectId: saved.id, groupId: saved.groupId, before, after });
      return { key: saved, locations };
    });
    this.reconcile(locations);
    this.logger.log(`personal key ${key.id} (${keyName(key.slot)}) ${verb} by ${principal.email}`);
    return key;
  }

  /**
   * Writes the pool row first: the row lock queues concurrent key changes of the pool, so
   * two of them never both pass the capacity check. Issuing also takes the next slot.
   */
  private async lockPool(manager: EntityManager, principal: Principal, poolId: string, takeSlot = true, check = true): Promise<KeyPool> {
    const row = await manager.findOneBy(KeyPool, { id: poolId });
    const found = check ? assertVenueWritable(principal, row, 'key pool', poolId) : (row as KeyPool);
    await manager.update(KeyPool, { id: found.id }, takeSlot ? { highestSlot: () => 'highest_slot + 1', updatedAt: new Date() } : { updatedAt: new Date() });
    return (await manager.findOneBy(KeyPool, { id: poolId })) as KeyPool;
  }

  private reconcile(locationIds: readonly string[]): void {
    this.events.publish(locationIds.map((locationId) => ({ type: 'wifi-network-changed' as const, locationId })));
  }
}

function passphraseErrors(input: { userPart?: string | null; passphrase?: string | null }): FieldError[] {
  if (input.userPart != null && input.passphrase != null) return [{ field: 'passphrase', message: 'must not be given with userPart' }];
  if (input.passphrase != null) return checkPassphrase('passphrase', input.passphrase);
  return input.userPart != null ? checkUserPart('userPart', input.userPart) : [];
}

/** Two keys of a pool with one passphrase would make the key a client used ambiguous. */
function assertUniquePassphrase(others: readonly PersonalKey[], passphrase: string): void {
  if (others.some((k) => k.status !== PersonalKeyStatus.REVOKED && k.passphrase === passphrase)) throw AppError.conflict('another key of the pool has this passphrase');
}

/** What the audit keeps of a key: never the passphrase. */
function summary(key: PersonalKey): Record<string, unknown> {
  return {
    poolId: key.poolId,
    customerId: key.customerId,
    unitId: key.unitId,
    keyName: keyName(key.slot),
    validFrom: key.validFrom,
    validUntil: key.validUntil,
    state: keyState(key, new Date()) satisfies PersonalKeyState,
  };
}
