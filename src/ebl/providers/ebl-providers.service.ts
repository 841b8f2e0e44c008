// Providers' EBL settings, kept by group admins: created or changed with configure (a new
// provider gets a secret, shown once), a secret rotated, a provider removed (its
// registrations and notifications with it). Matching reads every provider from memory
// (loaded at start, changed after each commit).
//
// In a cluster every instance keeps its own copy: a change is relayed (CacheInvalidations)
// and every other instance reads that provider's row again. A relayed notice that never
// arrived is bounded: a provider unknown here is looked up in the database when its API
// client calls /ebl or a notification to it is sent (find), and with the cluster on the
// whole copy is read again every INDEX_MAX_AGE_MS (a minute), so a changed or removed
// provider is stale here for a minute at most.

import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { randomBytes } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { canReadGroup, canWriteGroup, Principal } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { TransactionRunner } from '../../database/transaction-runner';
import { CacheInvalidations } from '../../domain-events/cache-invalidations.service';
import { INDEX_MAX_AGE_MS } from '../../domain-events/domain-event';
import { Location } from '../../locations/location.entity';
import { ApiClient } from '../../oauth/clients/api-client.entity';
import { requireUuid } from '../../access/location-access';
import { EBL_CONFIG, EblConfig } from '../ebl-config';
import { EblProviderRow } from '../store/ebl-provider.entity';
import { checkProviderInput, EblProviderInput } from './provider-rules';

export interface ProviderChange {
  apiClientId: string;
  removed: boolean;
}

@Injectable()
export class EblProvidersService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Ebl');
  private readonly byClient = new Map<string, EblProviderRow>();
  private readonly listeners: ((change: ProviderChange) => void)[] = [];
  private subscription: Subscription | undefined;
  private reloadTimer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(EBL_CONFIG) private readonly config: EblConfig,
    @Inject(APP_CONFIG) private readonly app: AppConfig,
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly invalidations: CacheInvalidations,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.reloadAll();
    this.subscription = this.invalidations.remote$.subscribe((i) => {
      if (i.cache === 'ebl-provider') void this.reload(i.apiClientId).catch((error: unknown) => this.logger.warn(`could not reload EBL provider ${i.apiClientId}: ${String(error)}`));
    });
    if (this.app.cluster !== undefined) {
      this.reloadTimer = setInterval(() => void this.reloadAll().catch((error: unknown) => this.logger.warn(`could not reload the EBL providers: ${String(error)}`)), INDEX_MAX_AGE_MS);
      this.reloadTimer.unref();
    }
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
    if (this.reloadTimer !== undefined) clearInterval(this.reloadTimer);
  }

  /** Every provider read again (start, and in a cluster every INDEX_MAX_AGE_MS); those gone are forgotten as if removed here. */
  async reloadAll(): Promise<void> {
    const rows = await this.dataSource.manager.find(EblProviderRow);
    const found = new Set(rows.map((r) => r.apiClientId));
    for (const row of rows) this.byClient.set(row.apiClientId, row);
    for (const [apiClientId, row] of [...this.byClient]) if (!found.has(apiClientId)) this.apply(row, true);
  }

  /** One provider read again (changed on another instance). */
  async reload(apiClientId: string): Promise<EblProviderRow | undefined> {
    const row = await this.dataSource.manager.findOneBy(EblProviderRow, { apiClientId });
    if (row !== null) this.apply(row, false);
    else {
      const known = this.byClient.get(apiClientId);
      if (known !== undefined) this.apply(known, true);
    }
    return row ?? undefined;
  }

  onChange(listener: (change: ProviderChange) => void): void {
    this.listeners.push(listener);
  }

  /** Forgets a provider whose row is gone (its API client was deleted: the database cascaded). */
  forget(apiClientId: string): void {
    const row = this.byClient.get(apiClientId);
    if (row !== undefined) this.changed(row, true);
  }

  /** The provider's settings (from memory); undefined when the operator has not set it up. */
  get(apiClientId: string): EblProviderRow | undefined {
    return this.byClient.get(apiClientId);
  }

  /** The same, read from the database when it is not in memory (set up on another instance, its notice lost). */
  async find(apiClientId: string): Promise<EblProviderRow | undefined> {
    return this.byClient.get(apiClientId) ?? (await this.reload(apiClientId));
  }

  /** Whether the provider may be told about a client at this location. */
  mayNotify(provider: EblProviderRow, groupId: string, locationId: string): boolean {
    if (provider.groupId !== groupId) return false;
    return provider.locationScope === 'ALL_LOCATIONS' || provider.locationIds.includes(locationId);
  }

  async list(principal: Principal, groupId: string): Promise<EblProviderRow[]> {
    requireUuid('groupId', groupId);
    if (!canReadGroup(principal, groupId)) throw AppError.notFound('group', groupId);
    return this.dataSource.manager.find(EblProviderRow, { where: { groupId }, order: { apiClientId: 'ASC' } });
  }

  /** Readable provider (NOT_FOUND for another group's, as for a missing one). */
  async readable(principal: Principal, apiClientId: string): Promise<EblProviderRow> {
    const row = await this.dataSource.manager.findOneBy(EblProviderRow, { apiClientId });
    if (row === null || !canReadGroup(principal, row.groupId)) throw AppError.notFound('EBL provider', apiClientId);
    return row;
  }

  /** Creates or changes a provider; returns the secret only when one was created. */
  async configure(principal: Principal, input: EblProviderInput): Promise<{ provider: EblProviderRow; secret: string | null }> {
    const errors = checkProviderInput(input, this.config.allowPlainHttp);
    if (errors.length > 0) throw AppError.validation(errors);
    if (!canWriteGroup(principal, input.groupId)) throw AppError.notFound('group', input.groupId);
    const result = await this.transactions.run(async (m) => {
      const ids = input.locationScope === 'LISTED_LOCATIONS' ? [...new Set(input.locationIds ?? [])] : [];
      if (ids.length > 0) {
        const found = await m.find(Location, { select: { id: true }, where: { id: In(ids), groupId: input.groupId } });
        const known = new Set(found.map((l) => l.id));
        const missing = ids.filter((id) => !known.has(id));
        if (missing.length > 0) throw AppError.validation(missing.map((id) => ({ field: 'locationIds', message: `location ${id} not found in the group` })));
      }
      const client = await m.findOneBy(ApiClient, { id: input.apiClientId });
      if (client === null || client.groupId !== input.groupId) {
        throw AppError.validation([{ field: 'apiClientId', message: `not an API client of group ${input.groupId}` }]);
      }
      const before = await m.findOneBy(EblProviderRow, { apiClientId: input.apiClientId });
      if (before !== null && before.groupId !== input.groupId) {
        if (!canReadGroup(principal, before.groupId)) throw AppError.conflict(`API client ${input.apiClientId} is another group's provider`);
        throw AppError.conflict(`API client ${input.apiClientId} is a provider of group ${before.groupId}; remove it there first`);
      }
      const now = new Date();
      const secret = before === null ? newSecret() : null;
      const row: EblProviderRow = {
        apiClientId: input.apiClientId,
        groupId: input.groupId,
        locationScope: input.locationScope,
        locationIds: ids,
        notificationUrl: input.notificationUrl,
        secret: secret ?? before!.secret,
        accessIdSource: input.accessIdSource ?? before?.accessIdSource ?? 'SERVICE_ID',
        createdAt: before?.createdAt ?? now,
        updatedAt: now,
      };
      await m.save(EblProviderRow, row);
      await this.audit.record(principal, m, {
        action: before === null ? 'eblProvider.create' : 'eblProvider.update',
        objectType: 'EblProvider',
        objectId: row.apiClientId,
        groupId: row.groupId,
        before: before === null ? null : publicView(before),
        after: publicView(row),
      });
      return { provider: row, secret };
    });
    this.changed(result.provider, false);
    return result;
  }

  async rotateSecret(principal: Principal, apiClientId: string): Promise<{ provider: EblProviderRow; secret: string }> {
    const result = await this.transactions.run(async (m) => {
      const row = await this.writable(m, principal, apiClientId);
      row.secret = newSecret();
      row.updatedAt = new Date();
      await m.save(EblProviderRow, row);
      await this.audit.record(principal, m, { action: 'eblProvider.rotateSecret', objectType: 'EblProvider', objectId: apiClientId, groupId: row.groupId });
      return { provider: row, secret: row.secret };
    });
    this.changed(result.provider, false);
    return result;
  }

  async remove(principal: Principal, apiClientId: string): Promise<EblProviderRow> {
    const row = await this.transactions.run(async (m) => {
      const found = await this.writable(m, principal, apiClientId);
      await m.delete(EblProviderRow, { apiClientId });
      await this.audit.record(principal, m, { action: 'eblProvider.delete', objectType: 'EblProvider', objectId: apiClientId, groupId: found.groupId, before: publicView(found) });
      return found;
    });
    this.changed(row, true);
    return row;
  }

  private async writable(m: import('typeorm').EntityManager, principal: Principal, apiClientId: string): Promise<EblProviderRow> {
    const row = await m.findOneBy(EblProviderRow, { apiClientId });
    if (row === null || !canReadGroup(principal, row.groupId)) throw AppError.notFound('EBL provider', apiClientId);
    if (!canWriteGroup(principal, row.groupId)) throw AppError.forbidden();
    return row;
  }

  /** Committed here: this copy changes at once, the other instances are told. */
  private changed(row: EblProviderRow, removed: boolean): void {
    this.apply(row, removed);
    this.invalidations.changed({ cache: 'ebl-provider', apiClientId: row.apiClientId });
  }

  private apply(row: EblProviderRow, removed: boolean): void {
    if (removed) this.byClient.delete(row.apiClientId);
    else this.byClient.set(row.apiClientId, row);
    for (const listener of this.listeners) listener({ apiClientId: row.apiClientId, removed });
  }
}

function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The settings without the secret (audit). */
function publicView(row: EblProviderRow): object {
  const { secret: _secret, ...rest } = row;
  return rest;
}
