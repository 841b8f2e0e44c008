// Runs device operations: starts scheduled ones at their time, admits nodes in waves (at
// most waveSize in flight per operation), hands each admitted node to the executor when its
// device is connected, and times nodes out through one DeadlineScheduler. Only in-flight
// nodes are held in memory. At start it re-reads every in-flight node and re-arms its
// deadline: a node SENDING or SENT is observed when its device connects, never commanded
// blindly again (docs/decisions/device-operations.md).
// The per-wave bookkeeping is in memory: nodes in flight per operation are the nodes the
// runner tracks, and nodes still PENDING are counted once from the database and then kept
// as the runner admits them; a pass reads the database only for the operations, the next
// nodes to admit, and once more to confirm an operation is over. State changes are written
// in batches by the store, each awaited before the runner goes on.
// In a cluster (`placement` set) each instance drives only the targets whose device it holds
// (or, for a device nobody holds, will hold); counts that bound waves are read from the
// database, which every instance shares; a device arriving from another instance brings its
// in-flight targets with it (re-read, then observed, never commanded blindly); and the
// runner's notices (started, cancelled, progress) are relayed to the other instances.

import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Observable, Subject, Subscription } from 'rxjs';
import { ConnectionEvent, DeviceConnectionsService } from '../../reconciler/sessions/device-connections.service';
import { DeadlineScheduler } from '../../reconciler/worker/deadline-scheduler';
import { DeviceOperation } from '../device-operation.entity';
import { DeviceOperationTarget } from '../device-operation-target.entity';
import { FirmwareExecutor } from '../firmware/firmware-executor';
import { LogPullExecutor } from '../log-pull/log-pull-executor';
import { OperationKind, OperationState, TargetState, TERMINAL_TARGET_STATES } from '../operation-states';
import { OPERATIONS_CONFIG, OperationsConfig } from '../operations-config';
import { RebootExecutor } from '../reboot/reboot-executor';
import { admissions, canaryStops, nextTargetState, TargetEvent } from '../target-state-machine';
import { OperationExecutor, TargetHandle } from './target-handle';
import { ClientKickExecutor } from '../kick/client-kick-executor';
import { OperationNotice, TargetPlacement } from './target-placement';
import { TargetStore, TransitionWrite } from './target-store';

const OPERATION_KEY = 'op:';
/** Nodes a cancel still reaches: not yet commanded. */
const CANCELLABLE_TARGET_STATES: ReadonlySet<TargetState> = new Set([TargetState.PENDING, TargetState.WAITING_FOR_DEVICE]);
const RECHECK_KEY = 'recheck:';

export interface ActiveTarget {
  readonly row: DeviceOperationTarget;
  readonly operation: DeviceOperation;
  /** Serialises the work on one node: events never interleave. */
  chain: Promise<void>;
  stopWatch?: () => void;
  /** A CANCEL is queued for it. */
  cancelling?: boolean;
}

@Injectable()
export class OperationsRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Operations');
  private readonly deadlines = new DeadlineScheduler((keys) => this.onDue(keys));
  private readonly byTarget = new Map<string, ActiveTarget>();
  private readonly byNode = new Map<string, ActiveTarget>();
  /** Tracked (in-flight) nodes per operation. */
  private readonly inFlightCount = new Map<string, number>();
  /** PENDING nodes per operation, counted once and kept as nodes are admitted; absent: count again. */
  private readonly pendingCount = new Map<string, number>();
  private readonly progressSubject = new Subject<string>();
  private subscription: Subscription | undefined;
  private pumping: Promise<void> | undefined;
  private pumpAgain = false;
  private stopped = false;
  private readonly executors: Record<OperationKind, OperationExecutor>;
  /** Set by the cluster: which targets this instance drives. Unset: all of them. */
  placement: TargetPlacement | undefined;
  /** Set by the cluster: told of every local start, cancel and progress. */
  onNotice: ((notice: OperationNotice) => void) | undefined;
  /** Nodes whose in-flight targets are being read after their device arrived here. */
  private readonly pickingUp = new Set<string>();

  constructor(
    @Inject(OPERATIONS_CONFIG) private readonly config: OperationsConfig,
    private readonly store: TargetStore,
    private readonly connections: DeviceConnectionsService,
    reboot: RebootExecutor,
    firmware: FirmwareExecutor,
    logPull: LogPullExecutor,
    kick: ClientKickExecutor,
  ) {
    this.executors = {
      [OperationKind.REBOOT]: reboot,
      [OperationKind.FIRMWARE_UPGRADE]: firmware,
      [OperationKind.LOG_PULL]: logPull,
      [OperationKind.CLIENT_KICK]: kick,
    };
  }

  /** Operation ids whose progress changed. */
  get progress$(): Observable<string> {
    return this.progressSubject.asObservable();
  }

  async onApplicationBootstrap(): Promise<void> {
    this.subscription = this.connections.events$.subscribe((event) => this.onConnection(event));
    for (const operation of await this.store.operationsIn([OperationState.SCHEDULED])) this.scheduleStart(operation);
    const operations = new Map((await this.store.liveOperations()).map((o) => [o.id, o]));
    for (const row of await this.driven(await this.store.inFlight())) {
      const operation = operations.get(row.operationId);
      if (operation !== undefined) this.track(row, operation);
    }
    for (const active of this.byTarget.values()) this.look(active);
    this.pump();
  }

  onModuleDestroy(): void {
    this.stopped = true;
    this.subscription?.unsubscribe();
    this.deadlines.stop();
    for (const active of this.byTarget.values()) active.stopWatch?.();
    this.progressSubject.complete();
  }

  /** A new or resumed operation: start it at its time. */
  started(operation: DeviceOperation): void {
    this.onNotice?.({ operationId: operation.id, kind: 'started' });
    this.start(operation);
  }

  private start(operation: DeviceOperation): void {
    this.pendingCount.delete(operation.id);
    if (operation.state === OperationState.SCHEDULED) this.scheduleStart(operation);
    this.pump();
  }

  /** An operation was cancelled: its admitted nodes not yet commanded are cancelled too. */
  cancelled(operationId: string): void {
    this.onNotice?.({ operationId, kind: 'cancelled' });
    this.cancel(operationId);
  }

  /** A notice from another instance (after its commit): acted on as a local one, not sent back. */
  async fromOtherInstance(notice: OperationNotice): Promise<void> {
    if (this.stopped) return;
    if (notice.kind === 'progress') {
      this.progressSubject.next(notice.operationId);
    } else if (notice.kind === 'cancelled') {
      this.cancel(notice.operationId);
    } else {
      const operation = await this.store.operation(notice.operationId);
      if (operation !== null) this.start(operation);
    }
  }

  private cancel(operationId: string): void {
    this.pendingCount.delete(operationId);
    this.cancelTracked(operationId);
    this.deadlines.cancel(OPERATION_KEY + operationId);
    this.progressed(operationId);
    this.pump();
  }

  /**
   * The nodes of a cancelled operation tracked here and not yet commanded let go: the cancel
   * already wrote them CANCELLED (TargetStore.operationState), so the guarded write fails and
   * the node is released. Also on every pass over a cancelled operation, so a cancel made on
   * another instance whose notice was lost frees the node here all the same.
   */
  private cancelTracked(operationId: string): void {
    for (const active of this.byTarget.values()) {
      if (active.row.operationId !== operationId || active.cancelling === true || !CANCELLABLE_TARGET_STATES.has(active.row.state)) continue;
      active.cancelling = true;
      this.enqueue(active, async () => {
        await this.apply(active, { type: 'CANCEL' });
      });
    }
  }

  /**
   * Runs `work` on an in-flight node in its queue (an event from outside a device session,
   * such as an uploaded log archive); false when the node is not in flight.
   */
  onTarget(targetId: string, work: (target: TargetHandle) => Promise<void>): Promise<boolean> {
    const active = this.byTarget.get(targetId);
    if (active === undefined) return Promise.resolve(false);
    let ran!: Promise<boolean>;
    active.chain = active.chain.then(() => {
      ran = work(this.handle(active)).then(() => true);
      return ran.then(() => undefined);
    });
    return active.chain.then(() => ran).catch(() => false);
  }

  /** Starts the operations whose time came and admits nodes; one pass at a time. */
  pump(): void {
    if (this.stopped) return;
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = this.pumpOnce()
      .catch((error: unknown) => this.logger.error(`operations pass failed: ${String(error)}`))
      .finally(() => {
        this.pumping = undefined;
        if (this.pumpAgain) {
          this.pumpAgain = false;
          this.pump();
        }
      });
  }

  private progressed(operationId: string): void {
    this.progressSubject.next(operationId);
    this.onNotice?.({ operationId, kind: 'progress' });
  }

  /** Waits for the running pass (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.pumping) await this.pumping;
  }

  private async pumpOnce(): Promise<void> {
    const now = Date.now();
    if (this.placement !== undefined) await this.dropMoved(this.placement);
    for (const operation of await this.store.liveOperations()) {
      if (operation.state === OperationState.SCHEDULED) {
        if (operation.startAt !== null && operation.startAt.getTime() > now) continue;
        if (await this.store.operationState(operation, [OperationState.SCHEDULED], OperationState.RUNNING)) this.progressed(operation.id);
        else {
          // Another instance started it at the same moment: its nodes here are admitted all the same.
          const fresh = this.placement === undefined ? null : await this.store.operation(operation.id);
          if (fresh === null || fresh.state !== OperationState.RUNNING) continue;
          operation.state = fresh.state;
        }
      }
      if (operation.state === OperationState.RUNNING) await this.admit(operation);
      if (operation.state === OperationState.CANCELLED) this.cancelTracked(operation.id);
      if (this.inFlightOf(operation.id) + (await this.pendingOf(operation.id)) > 0) continue;
      // Over by the runner's counts: confirmed by the database before it is finished.
      if ((await this.store.countOpen(operation.id)) > 0) {
        this.pendingCount.delete(operation.id);
        continue;
      }
      this.pendingCount.delete(operation.id);
      if (operation.state === OperationState.CANCELLED || operation.state === OperationState.STOPPED) {
        await this.store.finish(operation);
      } else if (await this.store.operationState(operation, [OperationState.RUNNING, OperationState.PAUSED], OperationState.COMPLETED)) {
        this.logger.log(`operation ${operation.id} (${operation.kind}) completed`);
      }
      this.progressed(operation.id);
    }
  }

  private async admit(operation: DeviceOperation): Promise<void> {
    // A wave is the cluster's: nodes in flight on every instance count.
    const inFlight = this.placement === undefined ? this.inFlightOf(operation.id) : await this.store.countInFlight(operation.id);
    // Firmware runs in whole waves: the next starts when the last is over, if its canary passed.
    if (operation.kind === OperationKind.FIRMWARE_UPGRADE) {
      // The canary judges a wave only when another would follow it.
      if (inFlight > 0 || (await this.pendingOf(operation.id)) === 0) return;
      const wave = await this.store.lastWave(operation.id, operation.waveSize);
      const threshold = operation.params.canaryFailurePercent ?? 100;
      if (wave !== undefined && canaryStops(wave.size, wave.failed, threshold)) {
        this.logger.warn(`operation ${operation.id}: ${wave.failed} of ${wave.size} nodes of the last wave failed (threshold ${threshold}%): rollout stopped`);
        await this.store.operationState(operation, [OperationState.RUNNING], OperationState.STOPPED);
        this.pendingCount.delete(operation.id);
        return;
      }
    }
    const count = admissions(operation.waveSize, inFlight, await this.pendingOf(operation.id));
    if (count === 0) return;
    const wait = this.executors[operation.kind].deviceWaitMs ?? this.config.deviceWaitMs;
    const admitted: ActiveTarget[] = [];
    for (const row of await this.nextToAdmit(operation.id, count)) {
      // One operation at a time per node: a node busy elsewhere waits for its next pass.
      if (this.byNode.has(row.nodeId)) continue;
      admitted.push(this.track(row, operation));
    }
    // Admitted together: their writes share one transaction.
    await Promise.all(
      admitted.map(async (active) => {
        await this.apply(active, { type: 'ADMIT' }, { deadlineAt: new Date(Date.now() + wait) });
        if (this.byTarget.get(active.row.id) === active) this.look(active);
      }),
    );
  }

  /** The next PENDING nodes this instance drives, in order. */
  private async nextToAdmit(operationId: string, count: number): Promise<DeviceOperationTarget[]> {
    if (this.placement === undefined) return this.store.nextPending(operationId, count);
    // The others admit theirs from the same front: a page a few times the need finds ours.
    const page = await this.store.nextPending(operationId, count * 8 + 32);
    return (await this.driven(page)).slice(0, count);
  }

  /** The rows this instance drives (all of them in a single process). */
  private async driven(rows: DeviceOperationTarget[]): Promise<DeviceOperationTarget[]> {
    if (this.placement === undefined || rows.length === 0) return rows;
    const mine = await this.placement.drives([...new Set(rows.map((r) => r.serialNumber))]);
    return rows.filter((r) => mine.has(r.serialNumber));
  }

  /**
   * Tracked nodes whose device is not here and that another instance drives now (the device
   * moved): let go without a transition; the new holder re-reads the row when the device
   * arrives, and a stale transition from here would be refused by its guard anyway.
   */
  private async dropMoved(placement: TargetPlacement): Promise<void> {
    const away = [...this.byTarget.values()].filter((a) => this.connections.forNode(a.row.nodeId) === undefined);
    if (away.length === 0) return;
    const mine = await placement.drives([...new Set(away.map((a) => a.row.serialNumber))]);
    for (const active of away) {
      if (mine.has(active.row.serialNumber) || this.byTarget.get(active.row.id) !== active) continue;
      this.logger.log(`[serial=${active.row.serialNumber}] operation ${active.row.operationId}: left to the instance that holds the device now (${active.row.state})`);
      this.untrack(active);
    }
  }

  /** A device arrived here: its in-flight targets driven elsewhere until now are taken over. */
  private pickUp(nodeId: string): void {
    if (this.pickingUp.has(nodeId)) return;
    this.pickingUp.add(nodeId);
    void this.store
      .inFlightOfNode(nodeId)
      .then((rows) => this.adopt(rows))
      .catch((error: unknown) => this.logger.warn(`taking over the operations of node ${nodeId} failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => this.pickingUp.delete(nodeId));
  }

  /**
   * The cluster's periodic pass: in-flight targets that this instance drives now and nobody
   * here tracks (their driver died while the device is away) are taken over, so their
   * deadline is kept; then a pass as after any change.
   */
  async periodic(): Promise<void> {
    if (this.stopped || this.placement === undefined) return;
    const untracked = (await this.store.inFlight()).filter((r) => !this.byTarget.has(r.id) && !this.byNode.has(r.nodeId));
    await this.adopt(await this.driven(untracked));
    this.pump();
  }

  private async adopt(rows: DeviceOperationTarget[]): Promise<void> {
    const operations = new Map<string, DeviceOperation | null>();
    for (const row of rows) {
      if (!operations.has(row.operationId)) operations.set(row.operationId, await this.store.operation(row.operationId));
      const operation = operations.get(row.operationId);
      // Checked after the reads: a connect and the periodic pass may adopt at the same time.
      if (operation == null || operation.finishedAt !== null || this.byTarget.has(row.id) || this.byNode.has(row.nodeId)) continue;
      this.logger.log(`[serial=${row.serialNumber}] operation ${row.operationId}: taken over in ${row.state}`);
      // Observed like after a restart: a SENDING or SENT node is never commanded blindly.
      this.look(this.track(row, operation));
    }
  }

  private inFlightOf(operationId: string): number {
    return this.inFlightCount.get(operationId) ?? 0;
  }

  /** PENDING nodes of the operation: counted by the database the first time, then kept here. */
  private async pendingOf(operationId: string): Promise<number> {
    // Other instances admit nodes too: the database's count, every time.
    if (this.placement !== undefined) return this.store.countPending(operationId);
    const known = this.pendingCount.get(operationId);
    if (known !== undefined) return known;
    const counted = await this.store.countPending(operationId);
    this.pendingCount.set(operationId, counted);
    return counted;
  }

  /** Hands the node to its kind's executor if its device is connected. */
  private look(active: ActiveTarget): void {
    const connection = this.connections.forNode(active.row.nodeId);
    if (connection) this.enqueue(active, () => this.executors[active.operation.kind].connected(this.handle(active), connection));
  }

  private track(row: DeviceOperationTarget, operation: DeviceOperation): ActiveTarget {
    const active: ActiveTarget = { row, operation, chain: Promise.resolve() };
    this.byTarget.set(row.id, active);
    this.inFlightCount.set(row.operationId, this.inFlightOf(row.operationId) + 1);
    this.byNode.set(row.nodeId, active);
    if (row.deadlineAt !== null) this.deadlines.schedule(row.id, row.deadlineAt.getTime());
    return active;
  }

  private untrack(active: ActiveTarget): void {
    active.stopWatch?.();
    active.stopWatch = undefined;
    if (this.byTarget.get(active.row.id) === active) {
      this.byTarget.delete(active.row.id);
      const left = this.inFlightOf(active.row.operationId) - 1;
      if (left > 0) this.inFlightCount.set(active.row.operationId, left);
      else this.inFlightCount.delete(active.row.operationId);
    }
    if (this.byNode.get(active.row.nodeId) === active) this.byNode.delete(active.row.nodeId);
    this.deadlines.cancel(active.row.id);
    this.deadlines.cancel(RECHECK_KEY + active.row.id);
  }

  private enqueue(active: ActiveTarget, work: () => Promise<void>): void {
    active.chain = active.chain.then(work).catch((error: unknown) => {
      this.logger.warn(`[serial=${active.row.serialNumber}] operation ${active.row.operationId}: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  /** Persists an event's transition (guarded), re-arms the deadline, and releases finished nodes. */
  private async apply(active: ActiveTarget, event: TargetEvent, write: TransitionWrite = {}): Promise<boolean> {
    const transition = nextTargetState(active.row.state, event);
    if (transition === null) return false;
    if (transition.state === active.row.state && transition.detail === active.row.detail && write.deadlineAt === undefined) return false;
    const from = active.row.state;
    if (!(await this.store.transition(active.row, active.operation.groupId, transition, write))) {
      // Changed elsewhere (a cancel): re-read on the next pass.
      this.pendingCount.delete(active.row.operationId);
      this.untrack(active);
      this.pump();
      return false;
    }
    if (from === TargetState.PENDING) {
      const pending = this.pendingCount.get(active.row.operationId);
      if (pending !== undefined) this.pendingCount.set(active.row.operationId, Math.max(0, pending - 1));
    }
    this.progressed(active.row.operationId);
    if (TERMINAL_TARGET_STATES.has(active.row.state)) {
      this.logger.log(`[serial=${active.row.serialNumber}] operation ${active.row.operationId}: ${active.row.state}${active.row.failureCode ? ` ${active.row.failureCode}` : ''}`);
      this.untrack(active);
      this.pump();
    } else if (write.deadlineAt) {
      this.deadlines.cancel(active.row.id);
      this.deadlines.schedule(active.row.id, write.deadlineAt.getTime());
    }
    return true;
  }

  /** What the executor may do to one node: apply events, hold a watch, ask for a re-check. */
  private handle(active: ActiveTarget): TargetHandle {
    return {
      row: active.row,
      operation: active.operation,
      apply: (event, write) => this.apply(active, event, write),
      watching: (stop) => {
        active.stopWatch?.();
        active.stopWatch = stop;
      },
      recheckAt: (at) => this.deadlines.schedule(RECHECK_KEY + active.row.id, at),
      fromEvent: (work) => this.enqueue(active, () => work(this.handle(active))),
    };
  }

  private onConnection(event: ConnectionEvent): void {
    const active = this.byNode.get(event.connection.nodeId);
    if (active === undefined) {
      if (event.kind === 'connected' && this.placement !== undefined) this.pickUp(event.connection.nodeId);
      return;
    }
    if (event.kind === 'connected') this.enqueue(active, () => this.executors[active.operation.kind].connected(this.handle(active), event.connection));
    else {
      active.stopWatch?.();
      active.stopWatch = undefined;
      this.enqueue(active, async () => {
        const executor = this.executors[active.operation.kind];
        const event = executor.disconnected ? executor.disconnected(this.handle(active)) : { type: 'DISCONNECTED' as const };
        if (event !== null) await this.apply(active, event);
      });
    }
  }

  private onDue(keys: string[]): void {
    for (const key of keys) {
      if (key.startsWith(OPERATION_KEY)) {
        this.pump();
        continue;
      }
      const recheck = key.startsWith(RECHECK_KEY);
      const active = this.byTarget.get(recheck ? key.slice(RECHECK_KEY.length) : key);
      if (active === undefined) continue;
      if (recheck) this.look(active);
      else {
        this.enqueue(active, async () => {
          if (active.row.deadlineAt !== null && active.row.deadlineAt.getTime() > Date.now()) return;
          const executor = this.executors[active.operation.kind];
          await this.apply(active, executor.deadline ? executor.deadline(this.handle(active)) : { type: 'DEADLINE' });
        });
      }
    }
  }

  private scheduleStart(operation: DeviceOperation): void {
    if (operation.startAt !== null) this.deadlines.schedule(OPERATION_KEY + operation.id, operation.startAt.getTime());
  }
}
