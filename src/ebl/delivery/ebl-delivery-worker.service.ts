// Sends the outbox: due deliveries are read from the database (so a restart loses nothing:
// what was PENDING is sent again, with the same delivery id), POSTed with the signature
// and a per-attempt timeout, and every attempt is recorded. A 2xx answer delivers; anything
// else is retried with exponential backoff and jitter until the retry period ends (FAILED).
// At most a few deliveries per provider are in flight, so a provider that is down (each
// attempt waiting for its timeout) holds only its own slots: matching never waits for
// delivery, and other providers are sent to meanwhile.

import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In, LessThanOrEqual, Not } from 'typeorm';
import { TransactionRunner } from '../../database/transaction-runner';
import { EBL_CONFIG, EblConfig } from '../ebl-config';
import { EblProvidersService } from '../providers/ebl-providers.service';
import { EblDeliveryAttemptRow, EblDeliveryRow } from '../store/ebl-delivery.entities';
import { EblOutboxService } from './ebl-outbox.service';
import { postJson } from './http-post';
import { retryDelayMs } from './retry-schedule';
import { DELIVERY_ID_HEADER, SIGNATURE_HEADER, signBody } from './signature';

const RETENTION_SWEEP_MS = 600_000;

export interface EblDeliveryStats {
  attempts: number;
  delivered: number;
  failed: number;
}

interface AttemptOutcome {
  httpStatus: number | null;
  error: string | null;
}

@Injectable()
export class EblDeliveryWorker implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Ebl');
  private readonly inFlight = new Map<string, { providerId: string; abort: AbortController }>();
  private readonly perProvider = new Map<string, number>();
  private pollTimer: NodeJS.Timeout | undefined;
  private retentionTimer: NodeJS.Timeout | undefined;
  private ticking = false;
  private again = false;
  private closing = false;
  readonly stats: EblDeliveryStats = { attempts: 0, delivered: 0, failed: 0 };

  constructor(
    @Inject(EBL_CONFIG) private readonly config: EblConfig,
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly providers: EblProvidersService,
    private readonly outbox: EblOutboxService,
  ) {}

  onModuleInit(): void {
    this.outbox.onQueued(() => this.wake());
    this.pollTimer = setInterval(() => this.wake(), this.config.pollIntervalMs);
    this.pollTimer.unref();
    this.retentionTimer = setInterval(() => void this.sweepRetention(), RETENTION_SWEEP_MS);
    this.retentionTimer.unref();
    this.wake();
  }

  onModuleDestroy(): void {
    this.closing = true;
    if (this.pollTimer !== undefined) clearInterval(this.pollTimer);
    if (this.retentionTimer !== undefined) clearInterval(this.retentionTimer);
    // Unfinished attempts are not recorded: their deliveries stay PENDING and are sent
    // again after the restart.
    for (const { abort } of this.inFlight.values()) abort.abort();
  }

  /** Looks for due deliveries now (also called by the timer and after each enqueue). */
  wake(): void {
    if (this.closing) return;
    if (this.ticking) {
      this.again = true;
      return;
    }
    this.ticking = true;
    void this.tick()
      .catch((error: unknown) => this.logger.warn(`could not read the notification outbox: ${String(error)}`))
      .finally(() => {
        this.ticking = false;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  private async tick(): Promise<void> {
    const free = this.config.totalConcurrency - this.inFlight.size;
    if (free <= 0) return;
    const saturated = [...this.perProvider].filter(([, n]) => n >= this.config.perProviderConcurrency).map(([p]) => p);
    const due = await this.dataSource.manager.find(EblDeliveryRow, {
      where: {
        status: 'PENDING',
        nextAttemptAt: LessThanOrEqual(new Date()),
        ...(saturated.length > 0 ? { providerId: Not(In(saturated)) } : {}),
        ...(this.inFlight.size > 0 ? { id: Not(In([...this.inFlight.keys()])) } : {}),
      },
      order: { nextAttemptAt: 'ASC' },
      take: Math.min(free, this.config.perProviderConcurrency * 4),
    });
    for (const delivery of due) {
      if (this.closing || this.inFlight.size >= this.config.totalConcurrency) break;
      if (this.inFlight.has(delivery.id) || (this.perProvider.get(delivery.providerId) ?? 0) >= this.config.perProviderConcurrency) continue;
      this.start(delivery);
    }
  }

  private start(delivery: EblDeliveryRow): void {
    const abort = new AbortController();
    this.inFlight.set(delivery.id, { providerId: delivery.providerId, abort });
    this.perProvider.set(delivery.providerId, (this.perProvider.get(delivery.providerId) ?? 0) + 1);
    void this.attempt(delivery, abort)
      .catch((error: unknown) => {
        if (!this.closing) this.logger.warn(`could not record a notification attempt: ${String(error)}`);
      })
      .finally(() => {
        this.inFlight.delete(delivery.id);
        const n = (this.perProvider.get(delivery.providerId) ?? 1) - 1;
        if (n <= 0) this.perProvider.delete(delivery.providerId);
        else this.perProvider.set(delivery.providerId, n);
        this.wake();
      });
  }

  private async attempt(delivery: EblDeliveryRow, abort: AbortController): Promise<void> {
    const provider = this.providers.get(delivery.providerId);
    const at = new Date();
    const outcome: AttemptOutcome =
      provider === undefined ? { httpStatus: null, error: 'the provider was removed' } : await this.send(provider.notificationUrl, provider.secret, delivery, abort);
    if (this.closing) return;
    this.stats.attempts++;
    const number = delivery.attempts + 1;
    const ok = outcome.httpStatus !== null && outcome.httpStatus >= 200 && outcome.httpStatus < 300;
    const finishedAt = new Date();
    let status = delivery.status;
    let nextAttemptAt = delivery.nextAttemptAt;
    if (ok) {
      status = 'DELIVERED';
    } else {
      nextAttemptAt = new Date(finishedAt.getTime() + retryDelayMs(this.config, number));
      if (provider === undefined || nextAttemptAt.getTime() > delivery.expiresAt.getTime()) status = 'FAILED';
    }
    const lastError = ok ? null : truncate(outcome.error ?? `HTTP ${outcome.httpStatus}`);
    await this.transactions.run(async (m) => {
      const attempt: EblDeliveryAttemptRow = { id: randomUUID(), deliveryId: delivery.id, number, at, httpStatus: outcome.httpStatus, error: lastError };
      await m.insert(EblDeliveryAttemptRow, attempt);
      await m.update(
        EblDeliveryRow,
        { id: delivery.id, status: 'PENDING' },
        { attempts: number, status, nextAttemptAt, lastError, finishedAt: status === 'PENDING' ? null : finishedAt },
      );
    });
    if (status === 'DELIVERED') this.stats.delivered++;
    if (status === 'FAILED') {
      this.stats.failed++;
      this.logger.warn(`notification ${delivery.id} to provider ${delivery.providerId} given up after ${number} attempts: ${lastError}`);
    }
  }

  private async send(url: string, secret: string, delivery: EblDeliveryRow, abort: AbortController): Promise<AttemptOutcome> {
    const timeout = AbortSignal.timeout(this.config.attemptTimeoutMs);
    try {
      const headers = { [DELIVERY_ID_HEADER]: delivery.id, [SIGNATURE_HEADER]: signBody(secret, delivery.body) };
      const status = await postJson(url, headers, delivery.body, AbortSignal.any([abort.signal, timeout]));
      return { httpStatus: status, error: null };
    } catch (error) {
      if (timeout.aborted) return { httpStatus: null, error: `no answer within ${this.config.attemptTimeoutMs} ms` };
      return { httpStatus: null, error: error instanceof Error ? error.message : String(error) };
    }
  }

  private async sweepRetention(): Promise<void> {
    const cutoff = new Date(Date.now() - this.config.deliveryRetentionDays * 86_400_000);
    try {
      while ((await this.outbox.deleteFinishedBefore(cutoff)) > 0 && !this.closing);
    } catch (error) {
      this.logger.warn(`could not remove old notifications: ${String(error)}`);
    }
  }
}

function truncate(text: string): string {
  return text.length > 500 ? `${text.slice(0, 497)}...` : text;
}
