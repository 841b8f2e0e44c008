// Makes every connected node's Wifi_VIF_Config follow the model. One NodeWorker per
// connected node runs passes: read the desired state (cached per location), plan with the
// pure OpenSync rules, send at most one transaction, then compute the status from the
// device cache. Passes are triggered by a (re)connect, by domain events after commit, by
// the device's own changes to its WiFi tables, and by one deadline scheduler (network
// expiries, fail-after deadlines).

import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { nextBlockExpiry } from '@lib/opensync';
import { Subscription } from 'rxjs';
import { DomainEvent } from '../domain-events/domain-event';
import { DomainEvents } from '../domain-events/domain-events.service';
import { OPENSYNC_DB } from '../southbound/device-identification';
import { DesiredStateService } from './desired-state.service';
import { RECONCILER_CONFIG, ReconcilerConfig } from './reconciler-config';
import { DeviceConnection, RECONCILE_TABLES } from './sessions/device-connection';
import { ConnectionEvent, DeviceConnectionsService } from './sessions/device-connections.service';
import { NetworkStatusService } from './status/network-status.service';
import { nodeNetworkStatuses } from './status/node-network-statuses';
import { DeadlineScheduler } from './worker/deadline-scheduler';
import { ClientBlocks } from './worker/client-blocks';
import { NodeWorker } from './worker/node-worker';
import { PassContributors } from './worker/pass-contributors';
import { nextExpiry, planPass, VifPass } from './worker/vif-pass';

interface Worker {
  connection: DeviceConnection;
  worker: NodeWorker;
  /** Removes the worker's listener on the device cache. */
  unlisten: () => void;
  progress: PassProgress;
}

/**
 * What a pass must look at. Device batches are counted; a pass records the count its
 * final read of the cache included. A pass asked for only by batches that read already
 * included (the echo of our own transaction arrives before its reply) would repeat the
 * last one exactly, and is skipped; any other reason (model change, deadline, connect,
 * a failed pass) always runs.
 */
interface PassProgress {
  batches: number;
  seenBatches: number;
  otherReason: boolean;
}

@Injectable()
export class ReconcilerService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Reconciler');
  private readonly workers = new Map<string, Worker>();
  private readonly subscriptions: Subscription[] = [];
  private readonly deadlines = new DeadlineScheduler((keys) => this.onDeadlines(keys));
  /** Plain counters the metrics module reads at scrape time (an increment on the hot path, nothing more). */
  readonly stats = { passes: 0, passFailures: 0, transactions: 0, transactionFailures: 0 };
  /** Told every transaction's duration and outcome; the metrics module replaces it. */
  onTransaction: (seconds: number, ok: boolean) => void = () => undefined;
  private draining = false;

  constructor(
    @Inject(RECONCILER_CONFIG) private readonly config: ReconcilerConfig,
    private readonly connections: DeviceConnectionsService,
    private readonly desired: DesiredStateService,
    private readonly status: NetworkStatusService,
    private readonly domainEvents: DomainEvents,
    private readonly contributors: PassContributors,
    private readonly blocks: ClientBlocks,
  ) {}

  onModuleInit(): void {
    this.subscriptions.push(
      this.connections.events$.subscribe((event) => this.onConnection(event)),
      this.domainEvents.events$.subscribe((event) => this.onDomainEvent(event)),
    );
  }

  onModuleDestroy(): void {
    for (const s of this.subscriptions) s.unsubscribe();
    for (const nodeId of [...this.workers.keys()]) this.stopWorker(nodeId);
    this.deadlines.stop();
    this.status.complete();
  }

  /** Requests a pass for a connected node (no-op otherwise). */
  kick(nodeId: string): void {
    const entry = this.workers.get(nodeId);
    if (entry === undefined) return;
    entry.progress.otherReason = true;
    entry.worker.kick();
  }

  /**
   * Graceful shutdown: no new pass starts; resolves when the passes (and so the transactions)
   * in flight have finished. The caller bounds the wait.
   */
  async drain(): Promise<void> {
    this.draining = true;
    await Promise.all([...this.workers.values()].map((w) => w.worker.whenIdle()));
  }

  /** Resolves when the node's worker has nothing running or due (tests, shutdown). */
  whenIdle(nodeId: string): Promise<void> {
    return this.workers.get(nodeId)?.worker.whenIdle() ?? Promise.resolve();
  }

  private onConnection(event: ConnectionEvent): void {
    const { connection } = event;
    if (event.kind === 'disconnected') {
      if (this.workers.get(connection.nodeId)?.connection === connection) this.stopWorker(connection.nodeId);
      this.status.offline(connection.nodeId);
      return;
    }
    this.stopWorker(connection.nodeId);
    // A reconnect is a full resync: the cache was rebuilt, every network waits afresh.
    this.status.pending.reset(connection.nodeId);
    this.desired.forgetNode(connection.nodeId);
    const progress: PassProgress = { batches: 0, seenBatches: 0, otherReason: true };
    const worker = new NodeWorker(
      () => this.pass(connection, progress),
      { baseMs: this.config.backoffBaseMs, maxMs: this.config.backoffMaxMs },
      (error, failures, retryInMs) =>
        this.logger.warn(`[serial=${connection.serial}] pass failed (${failures} in a row), retry in ${retryInMs} ms: ${describe(error)}`),
    );
    const unlisten = connection.wifi.onBatch((batch) => {
      if (!batch.cleared && ![...batch.tables].some((t) => RECONCILE_TABLES.has(t))) return;
      progress.batches++;
      worker.kick();
    });
    this.workers.set(connection.nodeId, { connection, worker, unlisten, progress });
    worker.kick();
  }

  private stopWorker(nodeId: string): void {
    const entry = this.workers.get(nodeId);
    if (entry === undefined) return;
    entry.worker.stop();
    entry.unlisten();
    this.workers.delete(nodeId);
    this.deadlines.cancel(`node:${nodeId}`);
  }

  private onDomainEvent(event: DomainEvent): void {
    for (const nodeId of event.nodeIds ?? []) this.desired.forgetNode(nodeId);
    if (event.type === 'wifi-network-changed' || event.type === 'location-changed') this.desired.forgetLocation(event.locationId);
    for (const nodeId of event.nodeIds ?? []) this.kick(nodeId);
    this.kickLocation(event.locationId);
  }

  private onDeadlines(keys: string[]): void {
    for (const key of keys) {
      const [kind, id] = key.split(':');
      if (kind === 'node') this.kick(id);
      if (kind === 'location') this.kickLocation(id);
    }
  }

  private kickLocation(locationId: string): void {
    for (const nodeId of this.desired.nodesPlacedAt(locationId)) this.kick(nodeId);
  }

  private async pass(connection: DeviceConnection, progress: PassProgress): Promise<void> {
    if (this.draining || this.connections.forNode(connection.nodeId) !== connection || connection.session.isClosed) return;
    if (!progress.otherReason && progress.batches === progress.seenBatches) return;
    progress.otherReason = false;
    this.stats.passes++;
    try {
      await this.runPass(connection, progress);
    } catch (error) {
      this.stats.passFailures++;
      // The retry must run even if no batch arrives meanwhile.
      progress.otherReason = true;
      throw error;
    }
  }

  private async runPass(connection: DeviceConnection, progress: PassProgress): Promise<void> {
    const placement = await this.desired.placementOf(connection.nodeId);
    const locationId = placement?.locationId ?? null;
    // An unclaimed node wants nothing: every row the controller owns is removed.
    const networks = locationId === null ? [] : await this.desired.networksOf(locationId);
    // A replica being resynced may lag the device: plan from the fresh copy (its cleared batch kicks).
    if (connection.wifi.stale) {
      progress.otherReason = true;
      return;
    }
    const now = new Date();
    // Temporary client blocks (kicks) are desired VIF state too: a direct write would be undone here.
    const blocks = this.blocks.activeFor(connection.nodeId, now);
    // Clients of kept-apart keys on the location's other nodes (a pass contributor would be too late: the tag rows are planned here).
    const keyPeers = networks.some((n) => n.keyIsolation === true) ? this.desired.keyPeersOf(connection.nodeId, locationId) : new Map<string, string[]>();
    const plan = planPass(connection, networks, now, this.config.isolation, blocks, keyPeers);
    // The node's other desired state (telemetry settings, nicknames) goes in the same transaction.
    const operations = [...plan.operations, ...(await this.contributors.plan({ connection, locationId, groupId: placement?.groupId ?? null }))];
    if (operations.length > 0) {
      this.logger.log(`[serial=${connection.serial}] sending ${operations.length} operations (${summarize(operations)})`);
      await this.transact(connection, operations);
    }
    const after = plan.operations.length > 0 ? planPass(connection, networks, new Date(), this.config.isolation, blocks, keyPeers) : plan;
    // `after` read the cache just now, synchronously: every batch counted so far is in it.
    progress.seenBatches = progress.batches;
    const statuses = nodeNetworkStatuses({
      networks,
      desired: after.desired,
      isolation: after.isolation,
      isolationView: after.isolationView,
      keyIsolation: after.keyIsolation,
      keyIsolationView: after.keyIsolationView,
      inetState: connection.schema.table('Wifi_Inet_State') !== undefined,
      configRows: after.configRows,
      stateRows: after.stateRows,
      stateColumns: connection.caps.vifStateColumns,
      pendingSince: (networkId, fingerprint) => this.status.pending.sinceFor(connection.nodeId, networkId, fingerprint, now),
      now,
      failAfterMs: this.config.failAfterMs,
    });
    this.status.record(connection.nodeId, connection.serial, statuses);
    const failsAt = statuses.flatMap((s) => (s.failsAt ? [s.failsAt.getTime()] : []));
    this.deadlines.cancel(`node:${connection.nodeId}`);
    if (failsAt.length > 0) this.deadlines.schedule(`node:${connection.nodeId}`, Math.min(...failsAt));
    // The pass that lifts a block runs when it ends (schedule keeps the earlier of the two).
    const blockEnds = nextBlockExpiry(blocks, now);
    if (blockEnds !== undefined) this.deadlines.schedule(`node:${connection.nodeId}`, blockEnds.getTime());
    const expiry = nextExpiry(networks, now);
    if (locationId !== null && expiry !== undefined) this.deadlines.schedule(`location:${locationId}`, expiry.getTime() + 1);
  }

  private async transact(connection: DeviceConnection, operations: VifPass['operations']): Promise<void> {
    const started = performance.now();
    this.stats.transactions++;
    try {
      await connection.session.transact(OPENSYNC_DB, operations, { timeoutMs: this.config.transactTimeoutMs });
      this.onTransaction((performance.now() - started) / 1000, true);
    } catch (error) {
      this.stats.transactionFailures++;
      this.onTransaction((performance.now() - started) / 1000, false);
      throw error;
    }
  }
}

function summarize(operations: readonly { op: string }[]): string {
  const counts = new Map<string, number>();
  for (const o of operations) counts.set(o.op, (counts.get(o.op) ?? 0) + 1);
  return [...counts].map(([op, n]) => `${n} ${op}`).join(', ');
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
