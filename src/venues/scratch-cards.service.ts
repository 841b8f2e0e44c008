// Scratch cards: a batch of N single-use guest keys of a pool (no unit: every location of
// the pool), each valid for a while from its first use, printable as CSV; a batch can be
// extended (the period of every card, used or not) or invalidated (every card revoked).
// A card's first use is the first client that connects with it (key_id on a pool network):
// its window then closes validForMinutes later, with no one acting (the planner's windows).
// Cards count against the 64 keys of each location like any key until they end.

import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { keyName } from '@lib/opensync';
import { Subscription } from 'rxjs';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { assertSubscriberAllowed, assertVenueReadable, assertVenueWritable, canWriteVenueObject } from '../access/venue-scope';
import { requireUuid } from '../access/location-access';
import { AuditService } from '../audit/audit.service';
import { Principal } from '../common/auth/principal';
import { AppError, FieldError } from '../common/errors/app-error';
import { ClientsService } from '../clients/live/clients.service';
import { Customer } from '../customers/customer.entity';
import { TransactionRunner } from '../database/transaction-runner';
import { DomainEvents } from '../domain-events/domain-events.service';
import { checkText, checkUuid } from '../validation/field-checks';
import { KeyPool, KeyPoolNetwork } from './key-pool.entity';
import { assertKeyCapacity, generatePassphrase } from './key-rules';
import { PersonalKey, PersonalKeyStatus } from './personal-key.entity';
import { PoolIndex } from './pool-index';
import { ScratchCardBatch } from './scratch-card-batch.entity';
import { VenueUnit } from './venue.entity';
import { VenuePlacement } from './venue-placement';
import { VenueResident } from './venue-roles.entity';

export const MAX_CARDS_PER_BATCH = 64;
export const MAX_VALID_FOR_MINUTES = 366 * 24 * 60;

export interface CreateBatch {
  poolId: string;
  customerId: string;
  name: string;
  count: number;
  validForMinutes: number;
}

export function checkBatch(input: CreateBatch): FieldError[] {
  return [
    ...checkUuid('poolId', input.poolId),
    ...checkUuid('customerId', input.customerId),
    ...checkText('name', input.name, 1, 200),
    ...(Number.isInteger(input.count) && input.count >= 1 && input.count <= MAX_CARDS_PER_BATCH ? [] : [{ field: 'count', message: `must be 1 to ${MAX_CARDS_PER_BATCH}` }]),
    ...checkValidFor(input.validForMinutes),
  ];
}

function checkValidFor(minutes: number): FieldError[] {
  return Number.isInteger(minutes) && minutes >= 1 && minutes <= MAX_VALID_FOR_MINUTES ? [] : [{ field: 'validForMinutes', message: `must be 1 to ${MAX_VALID_FOR_MINUTES}` }];
}

/** The printable list, RFC 4180: one line per card; every field quoted (a passphrase may hold commas and quotes). */
export function batchCsv(batch: Pick<ScratchCardBatch, 'name' | 'validForMinutes'>, keys: readonly Pick<PersonalKey, 'slot' | 'passphrase'>[]): string {
  const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const lines = keys.map((k) => [batch.name, keyName(k.slot), k.passphrase, String(batch.validForMinutes)].map(quote).join(','));
  return ['batch,key,passphrase,valid_for_minutes', ...lines].join('\r\n') + '\r\n';
}

@Injectable()
export class ScratchCardsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ScratchCards');
  private subscription: Subscription | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    private readonly clients: ClientsService,
    private readonly index: PoolIndex,
    private readonly placement: VenuePlacement,
  ) {}

  onModuleInit(): void {
    this.subscription = this.clients.events$.subscribe((event) => {
      if (event.kind === 'connected' && event.keyId !== null && event.networkId !== null) {
        void this.onFirstUse(event.networkId, event.keyId).catch((error: unknown) => this.logger.warn(`[serial=${event.serial}] ${String(error)}`));
      }
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  async batch(principal: Principal, id: string): Promise<ScratchCardBatch> {
    requireUuid('id', id);
    const batch = await this.dataSource.manager.findOneBy(ScratchCardBatch, { id });
    assertVenueReadable(principal, await this.placement.inPool(this.dataSource.manager, batch), 'scratch card batch', id);
    return batch as ScratchCardBatch;
  }

  batchesOf(poolId: string): Promise<ScratchCardBatch[]> {
    return this.dataSource.manager.find(ScratchCardBatch, { where: { poolId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  cardsOf(batchId: string): Promise<PersonalKey[]> {
    return this.dataSource.manager.find(PersonalKey, { where: { batchId }, order: { slot: 'ASC' } });
  }

  /** The CSV with passphrases, for those who may change the venue's keys; null for support staff. */
  async csv(principal: Principal, batch: ScratchCardBatch): Promise<string | null> {
    const object = await this.placement.inPool(this.dataSource.manager, batch);
    if (object === null || !canWriteVenueObject(principal, object)) return null;
    return batchCsv(batch, await this.cardsOf(batch.id));
  }

  async create(principal: Principal, input: CreateBatch): Promise<ScratchCardBatch> {
    const errors = checkBatch(input);
    if (errors.length > 0) throw AppError.validation(errors);
    const { batch, locations } = await this.transactions.run(async (manager) => {
      const found = assertVenueWritable(principal, await manager.findOneBy(KeyPool, { id: input.poolId }), 'key pool', input.poolId);
      // The pool row first: key changes of the pool queue behind this one; the slots are taken here.
      await manager.update(KeyPool, { id: found.id }, { highestSlot: () => `highest_slot + ${input.count}`, updatedAt: new Date() });
      const pool = (await manager.findOneBy(KeyPool, { id: found.id })) as KeyPool;
      const customer = await manager.findOneBy(Customer, { id: input.customerId });
      assertSubscriberAllowed(principal, pool, customer, await manager.existsBy(VenueResident, { venueId: pool.venueId, customerId: input.customerId }));
      if (customer === null) throw AppError.validation([{ field: 'customerId', message: 'is not a customer of the pool\'s group' }]);
      const batch = await manager.save(manager.create(ScratchCardBatch, { poolId: pool.id, groupId: pool.groupId, name: input.name.trim(), validForMinutes: input.validForMinutes, invalidatedAt: null }));
      const others = await manager.findBy(PersonalKey, { poolId: pool.id });
      const taken = new Set(others.filter((k) => k.status !== PersonalKeyStatus.REVOKED).map((k) => k.passphrase));
      const cards = Array.from({ length: input.count }, (_, i) => {
        let passphrase = generatePassphrase('');
        while (taken.has(passphrase)) passphrase = generatePassphrase('');
        taken.add(passphrase);
        return manager.create(PersonalKey, {
          poolId: pool.id, groupId: pool.groupId, customerId: customer.id, unitId: null, slot: pool.highestSlot - input.count + 1 + i, passphrase,
          validFrom: null, validUntil: null, status: PersonalKeyStatus.ACTIVE, rotatedAt: null, revokedAt: null, batchId: batch.id, firstUsedAt: null, guestOfKeyId: null,
        });
      });
      const [networks, units] = await Promise.all([manager.findBy(KeyPoolNetwork, { poolId: pool.id }), manager.findBy(VenueUnit, { venueId: pool.venueId })]);
      assertKeyCapacity([...others, ...cards], networks, units, new Date());
      await manager.save(cards);
      await this.audit.record(principal, manager, { action: 'scratchCards.create', objectType: 'keyPool', objectId: pool.id, groupId: pool.groupId, before: null, after: { batchId: batch.id, name: batch.name, count: input.count, validForMinutes: batch.validForMinutes, keys: cards.map((c) => keyName(c.slot)) } });
      return { batch, locations: networks.map((n) => n.locationId) };
    });
    this.reconcile(locations);
    this.logger.log(`scratch card batch ${batch.id} of ${input.count} created in pool ${batch.poolId} by ${principal.email}`);
    return batch;
  }

  /** A new period for every card of the batch: unused cards get it at first use, used ones from their first use. */
  async extend(principal: Principal, id: string, validForMinutes: number): Promise<ScratchCardBatch> {
    const errors = [...checkUuid('id', id), ...checkValidFor(validForMinutes)];
    if (errors.length > 0) throw AppError.validation(errors);
    return this.change(principal, id, 'extend', async (manager, batch) => {
      if (batch.invalidatedAt !== null) throw AppError.precondition(`scratch card batch ${id} is invalidated`);
      batch.validForMinutes = validForMinutes;
      for (const card of await manager.findBy(PersonalKey, { batchId: id })) {
        if (card.firstUsedAt === null || card.status === PersonalKeyStatus.REVOKED) continue;
        await manager.update(PersonalKey, { id: card.id }, { validUntil: new Date(card.firstUsedAt.getTime() + validForMinutes * 60_000), updatedAt: new Date() });
      }
    });
  }

  /** Every card of the batch revoked: off the devices, their clients kicked. */
  async invalidate(principal: Principal, id: string): Promise<ScratchCardBatch> {
    requireUuid('id', id);
    return this.change(principal, id, 'invalidate', async (manager, batch) => {
      if (batch.invalidatedAt !== null) throw AppError.precondition(`scratch card batch ${id} is already invalidated`);
      const now = new Date();
      batch.invalidatedAt = now;
      await manager.update(PersonalKey, { batchId: id }, { status: PersonalKeyStatus.REVOKED, revokedAt: now, updatedAt: now });
    });
  }

  private async change(principal: Principal, id: string, verb: string, apply: (manager: EntityManager, batch: ScratchCardBatch) => Promise<void>): Promise<ScratchCardBatch> {
    const { batch, locations } = await this.transactions.run(async (manager) => {
      const found = await manager.findOneBy(ScratchCardBatch, { id });
      assertVenueWritable(principal, await this.placement.inPool(manager, found), 'scratch card batch', id);
      const batch = found as ScratchCardBatch;
      await manager.update(KeyPool, { id: batch.poolId }, { updatedAt: new Date() });
      const before = { validForMinutes: batch.validForMinutes, invalidatedAt: batch.invalidatedAt };
      await apply(manager, batch);
      batch.updatedAt = new Date();
      const saved = await manager.save(batch);
      await this.audit.record(principal, manager, { action: `scratchCards.${verb}`, objectType: 'keyPool', objectId: batch.poolId, groupId: batch.groupId, before: { batchId: id, ...before }, after: { batchId: id, validForMinutes: saved.validForMinutes, invalidatedAt: saved.invalidatedAt } });
      const locations = (await manager.findBy(KeyPoolNetwork, { poolId: batch.poolId })).map((n) => n.locationId);
      return { batch: saved, locations };
    });
    this.reconcile(locations);
    return batch;
  }

  /** A client connected with a key: if it is an unused card of a pool network, its period starts now. */
  private async onFirstUse(networkId: string, keyId: string): Promise<void> {
    const placement = (await this.index.byNetwork()).get(networkId);
    const slot = /^key-([1-9][0-9]*)$/.exec(keyId)?.[1];
    if (placement === undefined || slot === undefined) return;
    const manager = this.dataSource.manager;
    const card = await manager.findOneBy(PersonalKey, { poolId: placement.poolId, slot: Number(slot), firstUsedAt: IsNull() });
    if (card === null || card.batchId === null) return;
    const batch = await manager.findOneBy(ScratchCardBatch, { id: card.batchId });
    if (batch === null) return;
    const now = new Date();
    // Only the first connect sets it: a second one racing this finds first_used_at set.
    const result = await manager.update(PersonalKey, { id: card.id, firstUsedAt: IsNull() }, { firstUsedAt: now, validUntil: new Date(now.getTime() + batch.validForMinutes * 60_000), updatedAt: now });
    if ((result.affected ?? 0) === 0) return;
    this.logger.log(`scratch card ${keyName(card.slot)} of batch ${batch.id} first used: valid for ${batch.validForMinutes} min`);
    const locations = (await manager.findBy(KeyPoolNetwork, { poolId: placement.poolId })).map((n) => n.locationId);
    this.reconcile(locations);
  }

  private reconcile(locationIds: readonly string[]): void {
    this.events.publish(locationIds.map((locationId) => ({ type: 'wifi-network-changed' as const, locationId })));
  }
}
