// Sends the outbox: due deliveries are read from the database (so a restart loses nothing:
// what was PENDING is sent again, with the same delivery id), POSTed with the signature
// and a per-attempt timeout, and every attempt is recorded. A 2xx answer delivers; anything
// else is retried with exponential backoff and jitter until the retry period ends (FAILED).
// At most a few deliveries per provider are in flight, so a provider that is down (each
// attempt waiting for its timeout) holds only its own slots: matching never waits for
// delivery, and other providers are sent to meanwhile.
//
// Throughput (docs/decisions/ebl.md): due deliveries are read ahead into a short ready list
// per provider, so a slot that frees starts the next one at once; finished attempts are
// recorded in batches, one transaction per worker tick, a few milliseconds after they end.
// A delivery stays out of the reads while it is ready, in flight, or finished and not yet
// recorded: it is never sent twice at once, and never marked DELIVERED before its 2xx.
// Several instances on one PostgreSQL: due rows are claimed, not just read (delivery-claim.ts),
// so no two instances send the same notification; a claim left by a dead instance is due
// again when its lease ends.

import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource, In, LessThanOrEqual, Not } from 'typeorm';
import { TransactionRunner } from '../../database/transaction-runner';
import { EBL_CONFIG, EblConfig } from '../ebl-config';
import { EblProvidersService } from '../providers/ebl-providers.service';
import { EblDeliveryRow } from '../store/ebl-delivery.entities';
import { AttemptOutcome, AttemptRecord, recordAttempt } from './attempt-outcome';
import { AttemptRecorder } from './attempt-recorder';
import { CLAIM_DUE_DELIVERIES, claimLeaseMs, claimUsable, RELEASE_CLAIMS } from './delivery-claim';
import { EblOutboxService } from './ebl-outbox.service';
import { postJson } from './http-post';
import { DELIVERY_ID_HEADER, SIGNATURE_HEADER, signBody } from './signature';

const RETENTION_SWEEP_MS = 600_000;
/** How long finished attempts wait to be recorded together (the tick after a completion). */
const RECORD_DELAY_MS = 5;
/** Attempts waiting that make the tick come at once. */
const RECORD_BATCH = 64;
/** The columns a send and its record need (the listing reads the others). */
const SEND_COLUMNS = { id: true, providerId: true, body: true, status: true, attempts: true, nextAttemptAt: true, expiresAt: true } as const;

export interface EblDeliveryStats {
  attempts: number;
  delivered: number;
  failed: number;
}

@Injectable()
export class EblDeliveryWorker implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Ebl');
  private readonly inFlight = new Map<string, { providerId: string; abort: AbortController }>();
  private readonly perProvider = new Map<string, number>();
  /** Due notifications read and not yet started, per provider, oldest first. */
  private readonly ready = new Map<string, EblDeliveryRow[]>();
  private readonly recorder: AttemptRecorder;
  private pollTimer: NodeJS.Timeout | undefined;
  private retentionTimer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private again = false;
  /** The next tick reads the outbox (woken, or a ready list ran low). */
  private look = false;
  private soonTimer: NodeJS.Timeout | undefined;
  private closing = false;
  /** PostgreSQL: due rows are claimed (several instances may share the database). */
  private readonly claims: boolean;
  readonly stats: EblDeliveryStats = { attempts: 0, delivered: 0, failed: 0 };

  constructor(
    @Inject(EBL_CONFIG) private readonly config: EblConfig,
    private readonly dataSource: DataSource,
    transactions: TransactionRunner,
    private readonly providers: EblProvidersService,
    private readonly outbox: EblOutboxService,
  ) {
    this.claims = dataSource.options.type === 'postgres';
    this.recorder = new AttemptRecorder(dataSource, transactions, (record, error) =>
      this.logger.warn(`could not record an attempt of notification ${record.deliveryId}: ${String(error)}`),
    );
  }

  onModuleInit(): void {
    this.outbox.onQueued(() => this.wake());
    this.pollTimer = setInterval(() => this.wake(), this.config.pollIntervalMs);
    this.pollTimer.unref();
    this.retentionTimer = setInterval(() => void this.sweepRetention(), RETENTION_SWEEP_MS);
    this.retentionTimer.unref();
    this.wake();
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    if (this.pollTimer !== undefined) clearInterval(this.pollTimer);
    if (this.retentionTimer !== undefined) clearInterval(this.retentionTimer);
    if (this.soonTimer !== undefined) clearTimeout(this.soonTimer);
    // Unfinished attempts are not recorded: their deliveries stay PENDING and are sent
    // again after the restart (claims are given back, so at once). Finished ones are written
    // before the database closes.
    const held = [...this.inFlight.keys()];
    for (const rows of this.ready.values()) for (const row of rows) held.push(row.id);
    this.ready.clear();
    for (const { abort } of this.inFlight.values()) abort.abort();
    while (this.ticking !== undefined) await this.ticking;
    if (this.claims && held.length > 0) {
      await this.dataSource.query(RELEASE_CLAIMS, [new Date(), held]).catch((error: unknown) => this.logger.warn(`could not give back ${held.length} notification claim(s): ${String(error)}`));
    }
    try {
      this.recorded(await this.recorder.flush());
    } catch (error) {
      this.logger.warn(`could not record notification attempts at shutdown: ${String(error)}`);
    }
  }

  /** Looks for due deliveries now (also called by the timer and after each enqueue). */
  wake(): void {
    this.look = true;
    this.runTick();
  }

  /** A tick shortly, to record what finished with what finishes next. */
  private soon(): void {
    if (this.closing) return;
    if (this.recorder.size >= RECORD_BATCH) {
      this.runTick();
      return;
    }
    this.soonTimer ??= setTimeout(() => {
      this.soonTimer = undefined;
      this.runTick();
    }, RECORD_DELAY_MS);
  }

  private runTick(): void {
    if (this.closing) return;
    if (this.ticking !== undefined) {
      this.again = true;
      return;
    }
    this.ticking = this.tick()
      .catch((error: unknown) => this.logger.warn(`could not read the notification outbox: ${String(error)}`))
      .finally(() => {
        this.ticking = undefined;
        if (this.again) {
          this.again = false;
          this.runTick();
        }
      });
  }

  /**
   * Records the attempts finished since the last tick; then, when woken or a ready list ran
   * low, reads what is due into the ready lists (up to a few rounds of each provider's
   * slots; providers whose list is full are left out of the read) and starts what fits.
   */
  private async tick(): Promise<void> {
    if (this.recorder.size > 0) this.recorded(await this.recorder.flush());
    if (this.closing || !this.look) return;
    this.look = false;
    const cap = this.readyPerProvider();
    const full = [...this.ready].filter(([, rows]) => rows.length >= cap).map(([p]) => p);
    // Ready, sending, or sent and not yet recorded: not read again.
    const busy = [...this.inFlight.keys(), ...this.recorder.pendingIds()];
    for (const rows of this.ready.values()) for (const row of rows) busy.push(row.id);
    const take = Math.max(cap, this.config.totalConcurrency);
    const due = this.claims
      ? await this.claimDue(full, busy, take)
      : await this.dataSource.manager.find(EblDeliveryRow, {
          select: SEND_COLUMNS,
          where: {
            status: 'PENDING',
            nextAttemptAt: LessThanOrEqual(new Date()),
            ...(full.length > 0 ? { providerId: Not(In(full)) } : {}),
            ...(busy.length > 0 ? { id: Not(In(busy)) } : {}),
          },
          order: { nextAttemptAt: 'ASC' },
          take,
        });
    if (this.closing) return;
    const claimed = new Set(busy);
    const spare: string[] = [];
    for (const delivery of due) {
      if (claimed.has(delivery.id)) continue;
      const rows = this.ready.get(delivery.providerId) ?? [];
      if (rows.length >= cap) {
        spare.push(delivery.id);
        continue;
      }
      rows.push(delivery);
      this.ready.set(delivery.providerId, rows);
    }
    this.startReady();
    // Claimed beyond a provider's ready list: given back at once, for this or another instance.
    if (this.claims && spare.length > 0) await this.dataSource.query(RELEASE_CLAIMS, [new Date(), spare]);
  }

  /** PostgreSQL: claims up to `take` due rows (no other instance can) and reads them, oldest due first; nextAttemptAt is the claim's end. */
  private async claimDue(full: string[], busy: string[], take: number): Promise<EblDeliveryRow[]> {
    const now = Date.now();
    const claimed = (await this.dataSource.query(CLAIM_DUE_DELIVERIES, [new Date(now + claimLeaseMs(this.config)), new Date(now), full, busy, take])) as
      | Array<{ id: string; due_at: Date | string }>
      | [Array<{ id: string; due_at: Date | string }>, number];
    // TypeORM answers an UPDATE ... RETURNING with [rows, count] on PostgreSQL.
    const rows = Array.isArray(claimed[0]) ? (claimed[0] as Array<{ id: string; due_at: Date | string }>) : (claimed as Array<{ id: string; due_at: Date | string }>);
    if (rows.length === 0) return [];
    const order = new Map(rows.map((r) => [r.id, new Date(r.due_at).getTime()]));
    const found = await this.dataSource.manager.find(EblDeliveryRow, { select: SEND_COLUMNS, where: { id: In([...order.keys()]) } });
    return found.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  }

  /** Deliveries read ahead per provider: eight rounds of its slots. */
  private readyPerProvider(): number {
    return this.config.perProviderConcurrency * 8;
  }

  /** Starts ready deliveries while their providers and the total have free slots. */
  private startReady(): void {
    const cap = this.readyPerProvider();
    for (const [providerId, rows] of this.ready) {
      const before = rows.length;
      while (rows.length > 0 && this.inFlight.size < this.config.totalConcurrency && (this.perProvider.get(providerId) ?? 0) < this.config.perProviderConcurrency) {
        const row = rows.shift()!;
        // A claim too close to its end is not started: it is due again then, for any instance.
        if (this.claims && !claimUsable(row.nextAttemptAt, Date.now(), this.config)) continue;
        this.start(row);
      }
      // Half the list sent: read more before it runs out.
      if (rows.length < before && rows.length <= cap / 2) this.look = true;
      if (rows.length === 0) this.ready.delete(providerId);
    }
  }

  private start(delivery: EblDeliveryRow): void {
    const abort = new AbortController();
    this.inFlight.set(delivery.id, { providerId: delivery.providerId, abort });
    this.perProvider.set(delivery.providerId, (this.perProvider.get(delivery.providerId) ?? 0) + 1);
    void this.attempt(delivery, abort)
      .catch((error: unknown) => {
        if (!this.closing) this.logger.warn(`notification attempt ${delivery.id} failed unexpectedly: ${String(error)}`);
      })
      .finally(() => {
        this.inFlight.delete(delivery.id);
        const n = (this.perProvider.get(delivery.providerId) ?? 1) - 1;
        if (n <= 0) this.perProvider.delete(delivery.providerId);
        else this.perProvider.set(delivery.providerId, n);
        if (this.closing) return;
        this.startReady();
        this.soon();
      });
  }

  /** Sends once and queues the attempt's record for the next tick. */
  private async attempt(delivery: EblDeliveryRow, abort: AbortController): Promise<void> {
    // Read from the database when unknown here (set up on another instance, its notice lost).
    const provider = await this.providers.find(delivery.providerId);
    const at = new Date();
    const outcome: AttemptOutcome =
      provider === undefined ? { httpStatus: null, error: 'the provider was removed' } : await this.send(provider.notificationUrl, provider.secret, delivery, abort);
    if (this.closing && abort.signal.aborted) return;
    this.recorder.add(recordAttempt(delivery, outcome, at, new Date(), this.config, provider === undefined));
  }

  /** Counts and logs what a flush wrote. */
  private recorded(records: AttemptRecord[]): void {
    for (const r of records) {
      this.stats.attempts++;
      if (r.changes.status === 'DELIVERED') this.stats.delivered++;
      if (r.changes.status === 'FAILED') {
        this.stats.failed++;
        this.logger.warn(`notification ${r.deliveryId} to provider ${r.providerId} given up after ${r.changes.attempts} attempts: ${r.changes.lastError}`);
      }
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
