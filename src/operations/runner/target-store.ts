// Durable state changes of operation targets: each is one guarded UPDATE (only from the
// state the runner read, so a concurrent cancel wins cleanly) plus its audit event. The
// changes asked for in the same event-loop turn are written together, in one transaction
// with their audit events in multi-row INSERTs (a rollout moves a thousand nodes at once);
// each caller's promise settles only when its own change is committed, so a change is
// durable before the runner acts on it (SENDING before the command). Progress counts are one
// GROUP BY, never a load of every row.

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import { AuditRecord, AuditService } from '../../audit/audit.service';
import { Principal, Role } from '../../common/auth/principal';
import { TransactionRunner } from '../../database/transaction-runner';
import { WriteBatcher } from '../../database/write-batcher';
import { DeviceOperation } from '../device-operation.entity';
import { DeviceOperationTarget, TargetAttempt } from '../device-operation-target.entity';
import { IN_FLIGHT_TARGET_STATES, OperationState, TargetState, TERMINAL_TARGET_STATES } from '../operation-states';
import { TargetTransition } from '../target-state-machine';

/** The actor of state changes the controller observes (not a user: the audit names it). */
export const CONTROLLER_PRINCIPAL: Principal = {
  userId: '00000000-0000-0000-0000-000000000000',
  email: 'controller',
  role: Role.PLATFORM_ADMIN,
  groupIds: [],
};

export interface StateCount {
  state: TargetState;
  count: number;
}

interface TransitionItem {
  target: DeviceOperationTarget;
  groupId: string;
  transition: TargetTransition;
  changes: Partial<DeviceOperationTarget>;
}

export interface TransitionWrite {
  attempt?: TargetAttempt | null;
  deadlineAt?: Date | null;
  uploadTokenHash?: string | null;
}

@Injectable()
export class TargetStore {
  private readonly transitions = new WriteBatcher<TransitionItem, boolean>((items) => this.tx.run((manager) => this.writeTransitions(manager, items)));

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /** Writes the transition if the target is still in `from`; false when it was not. */
  async transition(target: DeviceOperationTarget, groupId: string, transition: TargetTransition, write: TransitionWrite = {}): Promise<boolean> {
    const now = new Date();
    const terminal = TERMINAL_TARGET_STATES.has(transition.state);
    const changes: Partial<DeviceOperationTarget> = {
      state: transition.state,
      updatedAt: now,
      deadlineAt: terminal ? null : write.deadlineAt === undefined ? target.deadlineAt : write.deadlineAt,
      finishedAt: terminal ? now : null,
    };
    if (transition.failureCode !== undefined) changes.failureCode = transition.failureCode;
    if (transition.detail !== undefined) changes.detail = transition.detail.slice(0, 500);
    if (write.attempt !== undefined) changes.attempt = write.attempt;
    if (write.uploadTokenHash !== undefined) changes.uploadTokenHash = write.uploadTokenHash;
    const done = await this.transitions.add({ target, groupId, transition, changes });
    if (done) Object.assign(target, changes);
    return done;
  }

  /** One batch of transitions in the caller's transaction: which were written. */
  private async writeTransitions(manager: EntityManager, items: readonly TransitionItem[]): Promise<boolean[]> {
    const written: boolean[] = [];
    const audits: AuditRecord[] = [];
    for (const { target, groupId, transition, changes } of items) {
      const result = await manager.update(DeviceOperationTarget, { id: target.id, state: target.state }, changes);
      written.push(!!result.affected);
      if (!result.affected) continue;
      audits.push({
        action: 'deviceOperation.nodeState',
        objectType: 'deviceOperation',
        objectId: target.operationId,
        groupId,
        before: { serial: target.serialNumber, state: target.state },
        after: { serial: target.serialNumber, state: transition.state, failureCode: transition.failureCode ?? null, detail: transition.detail ?? null },
      });
    }
    if (audits.length > 0) await this.audit.recordAll(CONTROLLER_PRINCIPAL, manager, audits);
    return written;
  }

  async counts(operationId: string): Promise<StateCount[]> {
    const raw = await this.dataSource
      .createQueryBuilder(DeviceOperationTarget, 't')
      .select('t.state', 'state')
      .addSelect('COUNT(*)', 'count')
      .where('t.operationId = :operationId', { operationId })
      .groupBy('t.state')
      .getRawMany<{ state: TargetState; count: string | number }>();
    return raw.map((r) => ({ state: r.state, count: Number(r.count) })).sort((a, b) => a.state.localeCompare(b.state));
  }

  /** Targets started and not finished, of operations that are not over. */
  inFlight(): Promise<DeviceOperationTarget[]> {
    return this.dataSource.manager.findBy(DeviceOperationTarget, { state: In(IN_FLIGHT_TARGET_STATES) });
  }

  /** The in-flight targets of one node (a device that arrived here from another instance). */
  inFlightOfNode(nodeId: string): Promise<DeviceOperationTarget[]> {
    return this.dataSource.manager.findBy(DeviceOperationTarget, { nodeId, state: In(IN_FLIGHT_TARGET_STATES) });
  }

  /** Nodes of the operation started and not finished, on any instance. */
  countInFlight(operationId: string): Promise<number> {
    return this.dataSource.manager.countBy(DeviceOperationTarget, { operationId, state: In(IN_FLIGHT_TARGET_STATES) });
  }

  countPending(operationId: string): Promise<number> {
    return this.dataSource.manager.countBy(DeviceOperationTarget, { operationId, state: TargetState.PENDING });
  }

  nextPending(operationId: string, limit: number): Promise<DeviceOperationTarget[]> {
    return this.dataSource.manager.find(DeviceOperationTarget, {
      where: { operationId, state: TargetState.PENDING },
      order: { position: 'ASC' },
      take: limit,
    });
  }

  countOpen(operationId: string): Promise<number> {
    return this.dataSource.manager.countBy(DeviceOperationTarget, {
      operationId,
      state: In([TargetState.PENDING, ...IN_FLIGHT_TARGET_STATES]),
    });
  }

  /** The last wave started (positions up to the last non-PENDING one): its size and failures. */
  async lastWave(operationId: string, waveSize: number): Promise<{ size: number; failed: number } | undefined> {
    const started = await this.dataSource.manager.count(DeviceOperationTarget, { where: { operationId, state: Not(TargetState.PENDING) } });
    if (started === 0) return undefined;
    const from = Math.floor((started - 1) / waveSize) * waveSize;
    const wave = this.dataSource
      .createQueryBuilder(DeviceOperationTarget, 't')
      .where('t.operationId = :operationId AND t.position >= :from AND t.position < :to', { operationId, from, to: started });
    const size = await wave.clone().getCount();
    const failed = await wave.andWhere('t.state IN (:...failed)', { failed: [TargetState.FAILED, TargetState.TIMED_OUT] }).getCount();
    return { size, failed };
  }

  /** Operations the runner still works on: not over, or over with nodes still finishing. */
  liveOperations(): Promise<DeviceOperation[]> {
    return this.dataSource.manager.find(DeviceOperation, {
      where: [
        { state: In([OperationState.SCHEDULED, OperationState.RUNNING, OperationState.PAUSED]) },
        { state: In([OperationState.CANCELLED, OperationState.STOPPED]), finishedAt: IsNull() },
      ],
    });
  }

  async finish(operation: DeviceOperation): Promise<void> {
    operation.finishedAt = new Date();
    await this.dataSource.manager.update(DeviceOperation, { id: operation.id }, { finishedAt: operation.finishedAt });
  }

  operationsIn(states: OperationState[]): Promise<DeviceOperation[]> {
    return this.dataSource.manager.findBy(DeviceOperation, { state: In(states) });
  }

  byUploadToken(hash: string): Promise<DeviceOperationTarget | null> {
    return this.dataSource.manager.findOneBy(DeviceOperationTarget, { uploadTokenHash: hash });
  }

  target(id: string): Promise<DeviceOperationTarget | null> {
    return this.dataSource.manager.findOneBy(DeviceOperationTarget, { id });
  }

  operation(id: string): Promise<DeviceOperation | null> {
    return this.dataSource.manager.findOneBy(DeviceOperation, { id });
  }

  /** Sets the operation's state if it is still `from`, with its audit event. */
  async operationState(operation: DeviceOperation, from: OperationState[], to: OperationState, principal: Principal = CONTROLLER_PRINCIPAL): Promise<boolean> {
    const now = new Date();
    // A cancelled or stopped operation is finished once its commanded nodes are (see finish).
    const finished = to === OperationState.COMPLETED;
    const changes = { state: to, updatedAt: now, ...(finished ? { finishedAt: now } : {}) };
    const done = await this.tx.run(async (manager) => {
      const result = await manager.update(DeviceOperation, { id: operation.id, state: In(from) }, changes);
      if (!result.affected) return false;
      if (to === OperationState.CANCELLED || to === OperationState.STOPPED) {
        // A cancel also reaches the nodes waiting for their device: not commanded yet, and
        // written here, with the operation, so the instance driving one (perhaps another, whose
        // notice may be lost) finds its guarded SENDING refused rather than command the device.
        const states = to === OperationState.CANCELLED ? [TargetState.PENDING, TargetState.WAITING_FOR_DEVICE] : [TargetState.PENDING];
        await manager.update(DeviceOperationTarget, { operationId: operation.id, state: In(states) }, { state: TargetState.CANCELLED, finishedAt: now, updatedAt: now, deadlineAt: null });
      }
      await this.audit.record(principal, manager, {
        action: to === OperationState.CANCELLED && principal !== CONTROLLER_PRINCIPAL ? 'deviceOperation.cancel' : 'deviceOperation.state',
        objectType: 'deviceOperation',
        objectId: operation.id,
        groupId: operation.groupId,
        before: { state: operation.state },
        after: { state: to },
      });
      return true;
    });
    if (done) Object.assign(operation, changes);
    return done;
  }
}
