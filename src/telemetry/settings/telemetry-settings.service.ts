// Per-group stats intervals: read (cached per group) by the node config contributor on every
// pass, changed by group admins; a change reaches the group's connected nodes at once. In a
// cluster the change is relayed (CacheInvalidations): every other instance drops the group's
// entry and reconciles the group's nodes it holds. A relayed notice that never arrived is
// bounded by the entry's age: in a cluster it is read again after INDEX_MAX_AGE_MS, at a
// node's next pass.

import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { canReadGroup, canWriteGroup, Principal } from '../../common/auth/principal';
import { AppError, FieldError } from '../../common/errors/app-error';
import { AuditService } from '../../audit/audit.service';
import { TransactionRunner } from '../../database/transaction-runner';
import { CacheInvalidations } from '../../domain-events/cache-invalidations.service';
import { INDEX_MAX_AGE_MS } from '../../domain-events/domain-event';
import { requireUuid } from '../../access/location-access';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { StatsDefaults, TELEMETRY_CONFIG, TelemetryConfig } from '../telemetry-config';
import { TelemetrySettingsRow } from './telemetry-settings.entity';
import { TelemetrySettings, TelemetrySettingsInput } from './telemetry-settings.types';

const LIMITS: Record<keyof StatsDefaults, [number, number]> = {
  aggStatsIntervalS: [10, 3600],
  reportingIntervalS: [10, 3600],
  samplingIntervalS: [1, 3600],
  surveyIntervalS: [10, 3600],
};

@Injectable()
export class TelemetrySettingsService implements OnModuleInit, OnModuleDestroy {
  private readonly cache = new Map<string, { readAt: number; intervals: Promise<StatsDefaults> }>();
  private readonly listeners: ((groupId: string) => void)[] = [];
  private subscription: Subscription | undefined;

  constructor(
    @Inject(TELEMETRY_CONFIG) private readonly config: TelemetryConfig,
    @Inject(APP_CONFIG) private readonly app: AppConfig,
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly invalidations: CacheInvalidations,
  ) {}

  onModuleInit(): void {
    this.subscription = this.invalidations.remote$.subscribe((i) => {
      if (i.cache === 'telemetry-settings') this.changed(i.groupId);
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** Called after a group's settings changed, here or on another instance (the contributor kicks the group's nodes). */
  onChange(listener: (groupId: string) => void): void {
    this.listeners.push(listener);
  }

  intervalsOf(groupId: string): Promise<StatsDefaults> {
    const now = Date.now();
    const cached = this.cache.get(groupId);
    // One process: every change is seen here, an entry is kept. A cluster: read again after a minute (a lost notice).
    if (cached !== undefined && (this.app.cluster === undefined || now - cached.readAt < INDEX_MAX_AGE_MS)) return cached.intervals;
    const entry = { readAt: now, intervals: this.dataSource.manager.findOneBy(TelemetrySettingsRow, { groupId }).then((row) => (row === null ? this.config.defaults : pick(row))) };
    this.cache.set(groupId, entry);
    entry.intervals.catch(() => {
      if (this.cache.get(groupId) === entry) this.cache.delete(groupId);
    });
    return entry.intervals;
  }

  async get(principal: Principal, groupId: string): Promise<TelemetrySettings> {
    requireUuid('groupId', groupId);
    if (!canReadGroup(principal, groupId)) throw AppError.notFound('group', groupId);
    const row = await this.dataSource.manager.findOneBy(TelemetrySettingsRow, { groupId });
    return { groupId, ...(row === null ? this.config.defaults : pick(row)), custom: row !== null };
  }

  async update(principal: Principal, groupId: string, input: TelemetrySettingsInput | null): Promise<TelemetrySettings> {
    requireUuid('groupId', groupId);
    if (!canReadGroup(principal, groupId)) throw AppError.notFound('group', groupId);
    if (!canWriteGroup(principal, groupId)) throw AppError.forbidden(`not allowed to change group ${groupId}`);
    if (input !== null) {
      const errors: FieldError[] = [];
      for (const [key, [min, max]] of Object.entries(LIMITS) as [keyof StatsDefaults, [number, number]][]) {
        const v = input[key];
        if (!Number.isInteger(v) || v < min || v > max) errors.push({ field: `input.${key}`, message: `must be ${min}..${max} seconds` });
      }
      if (errors.length > 0) throw AppError.validation(errors);
    }
    await this.transactions.run(async (m) => {
      const before = await m.findOneBy(TelemetrySettingsRow, { groupId });
      if (input === null) await m.delete(TelemetrySettingsRow, { groupId });
      else await m.save(TelemetrySettingsRow, { groupId, ...pick(input) });
      await this.audit.record(principal, m, {
        action: 'telemetry-settings.update',
        objectType: 'telemetry-settings',
        objectId: groupId,
        groupId,
        before: before === null ? null : pick(before),
        after: input === null ? null : pick(input),
      });
    });
    this.changed(groupId);
    this.invalidations.changed({ cache: 'telemetry-settings', groupId });
    return this.get(principal, groupId);
  }

  private changed(groupId: string): void {
    this.cache.delete(groupId);
    for (const l of this.listeners) l(groupId);
  }
}

function pick(s: StatsDefaults): StatsDefaults {
  return {
    aggStatsIntervalS: s.aggStatsIntervalS,
    reportingIntervalS: s.reportingIntervalS,
    samplingIntervalS: s.samplingIntervalS,
    surveyIntervalS: s.surveyIntervalS,
  };
}
