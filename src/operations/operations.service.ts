// Device operations as the API sees them: create (targets resolved and checked, everything
// written in one transaction with its audit event), read with progress counts, list with
// filters, cancel, pause and resume. The runner does the rest.

import { Inject, Injectable } from '@nestjs/common';
import { canonicalMac } from '@lib/opensync';
import { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { randomUUID } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import { canReadGroup, canWriteGroup, isPlatformAdmin, Principal, Role } from '../common/auth/principal';
import { AppError, ErrorCode } from '../common/errors/app-error';
import { Connection, emptyConnection } from '../common/pagination/connection.type';
import { keysetPage } from '../common/pagination/keyset-page';
import { TransactionRunner } from '../database/transaction-runner';
import { Location } from '../locations/location.entity';
import { DeviceOperation, OperationParams } from './device-operation.entity';
import { DeviceOperationTarget, TargetAttempt } from './device-operation-target.entity';
import { CreateFirmwareUpgradeInput, CreateRebootInput, RescheduleInput } from './dto/create-reboot.input';
import { FirmwareCatalogueService } from './firmware/firmware-catalogue.service';
import { CreateClientKickInput } from './kick/create-client-kick.input';
import { DeviceOperationsArgs, OperationTargetsArgs } from './dto/operations.args';
import { OperationKind, OperationState, TargetState } from './operation-states';
import { OPERATIONS_CONFIG, OperationsConfig } from './operations-config';
import { OperationsRunner } from './runner/operations-runner.service';
import { StateCount, TargetStore } from './runner/target-store';
import { ResolvedTargets, resolveTargets } from './target-resolution';
import { zonedLocalTime } from './zoned-time';

const TARGETS_PER_INSERT = 50;
/** A start this close to now counts as now (clock skew, request time). */
const PAST_TOLERANCE_MS = 60_000;

@Injectable()
export class OperationsService {
  constructor(
    @Inject(OPERATIONS_CONFIG) private readonly config: OperationsConfig,
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly store: TargetStore,
    private readonly runner: OperationsRunner,
    private readonly catalogue: FirmwareCatalogueService,
  ) {}

  async createReboot(principal: Principal, input: CreateRebootInput): Promise<DeviceOperation> {
    const targets = await this.targetsOf(principal, input, 'reboot');
    const startAt = await this.startTime(input, targets.nodes.map((n) => n.locationId));
    const params = { rebootDelaySeconds: this.config.rebootDelaySeconds };
    return this.create(principal, OperationKind.REBOOT, targets.groupId, targets.nodes.map((n) => ({ ...n, attempt: null })), startAt, input.waveSize ?? this.config.defaultWaveSize, params);
  }

  async createFirmwareUpgrade(principal: Principal, input: CreateFirmwareUpgradeInput): Promise<DeviceOperation> {
    const targets = await this.targetsOf(principal, input, 'upgrade');
    if (!(await this.catalogue.versionExists(input.firmwareVersion))) {
      throw new AppError(ErrorCode.FIRMWARE_UNKNOWN, `no firmware image of version ${input.firmwareVersion} is in the catalogue`);
    }
    const models = [...new Set(targets.nodes.map((n) => n.model ?? ''))];
    const images = new Map((await this.catalogue.forVersion(input.firmwareVersion, models)).map((i) => [i.model, i]));
    const mismatched = targets.nodes.filter((n) => !images.has(n.model ?? ''));
    if (mismatched.length > 0) {
      const named = mismatched.slice(0, 20).map((n) => `${n.serialNumber} (${n.model ?? 'model unknown'})`);
      throw new AppError(ErrorCode.MODEL_MISMATCH, `the catalogue has no ${input.firmwareVersion} image for: ${named.join(', ')}${mismatched.length > 20 ? ` and ${mismatched.length - 20} more` : ''}`);
    }
    const startAt = await this.startTime(input, targets.nodes.map((n) => n.locationId));
    const params = {
      firmwareVersion: input.firmwareVersion,
      images: Object.fromEntries([...images.values()].map((i) => [i.model, { url: i.url, md5: i.md5, sha256: i.sha256 }])),
      canaryFailurePercent: input.canaryFailurePercent ?? this.config.canaryFailurePercent,
    };
    const nodes = targets.nodes.map((n) => ({ ...n, attempt: { imageUrl: images.get(n.model ?? '')?.url } }));
    return this.create(principal, OperationKind.FIRMWARE_UPGRADE, targets.groupId, nodes, startAt, input.waveSize ?? this.config.defaultWaveSize, params);
  }

  async createLogPull(principal: Principal, input: CreateRebootInput): Promise<DeviceOperation> {
    if (this.config.publicUrl === undefined) throw AppError.precondition('log pull needs OPERATIONS_PUBLIC_URL, the address devices upload to');
    const targets = await this.targetsOf(principal, input, 'pull logs from');
    const startAt = await this.startTime(input, targets.nodes.map((n) => n.locationId));
    return this.create(principal, OperationKind.LOG_PULL, targets.groupId, targets.nodes.map((n) => ({ ...n, attempt: null })), startAt, input.waveSize ?? this.config.defaultWaveSize, {});
  }

  /**
   * Kicks one client from nodes (or every node of locations), at once. Group support may kick
   * from a whole location: a kick undoes itself when its block ends (docs/operations.md).
   */
  async createClientKick(principal: Principal, input: CreateClientKickInput): Promise<DeviceOperation> {
    const mac = canonicalMac(input.mac);
    if (mac === undefined) throw AppError.validation([{ field: 'mac', message: 'must be a MAC address like aa:bb:cc:dd:ee:ff' }]);
    if (input.targets.groupId !== undefined) throw AppError.validation([{ field: 'targets.groupId', message: 'a kick names nodeIds or locationIds, not a whole group' }]);
    const targets = await resolveTargets(this.dataSource, principal, input.targets);
    if (!canWriteGroup(principal, targets.groupId) && principal.role !== Role.GROUP_SUPPORT) throw AppError.forbidden('kicking a client needs group admin or group support');
    if (targets.nodes.length > this.config.maxTargets) {
      throw new AppError(ErrorCode.TOO_MANY_TARGETS, `${targets.nodes.length} nodes; one operation covers at most ${this.config.maxTargets} (OPERATIONS_MAX_TARGETS)`);
    }
    const params = { mac, blockForSeconds: input.blockForSeconds ?? this.config.kickBlockSeconds };
    const nodes = targets.nodes.map((n) => ({ ...n, attempt: null }));
    return this.create(principal, OperationKind.CLIENT_KICK, targets.groupId, nodes, null, Math.max(1, nodes.length), params);
  }

  /** Targets resolved and checked; group support acts on a single node, bulk is for group admins. */
  private async targetsOf(principal: Principal, input: CreateRebootInput, verb: string): Promise<ResolvedTargets> {
    const targets = await resolveTargets(this.dataSource, principal, input.targets);
    if (!canWriteGroup(principal, targets.groupId) && (targets.bulk || principal.role !== Role.GROUP_SUPPORT)) {
      throw AppError.forbidden(`group support may ${verb} a single node; bulk operations need a group admin`);
    }
    if (targets.nodes.length > this.config.maxTargets) {
      throw new AppError(ErrorCode.TOO_MANY_TARGETS, `${targets.nodes.length} nodes; one operation covers at most ${this.config.maxTargets} (OPERATIONS_MAX_TARGETS)`);
    }
    return targets;
  }

  /** Moves the start of an operation that has not started (SCHEDULED, or PAUSED before its start). */
  async reschedule(principal: Principal, id: string, input: RescheduleInput): Promise<DeviceOperation> {
    const operation = await this.changeable(principal, id);
    const started = operation.startAt === null || operation.startAt.getTime() <= Date.now() || (await this.store.countOpen(operation.id)) < operation.targetCount;
    if (operation.state !== OperationState.SCHEDULED && !(operation.state === OperationState.PAUSED && !started)) {
      throw AppError.precondition(`device operation ${id} has started; only a scheduled one can be rescheduled`);
    }
    if (input.startAt === undefined && input.localStartTime === undefined) throw AppError.validation([{ field: 'startAt', message: 'give startAt or localStartTime' }]);
    const locations = await this.dataSource
      .createQueryBuilder(DeviceOperationTarget, 't')
      .select('DISTINCT t.locationId', 'locationId')
      .where('t.operationId = :id', { id: operation.id })
      .getRawMany<{ locationId: string | null }>();
    const startAt = await this.startTime(input, locations.map((l) => l.locationId));
    const before = operation.startAt?.toISOString() ?? null;
    await this.tx.run(async (manager) => {
      await manager.update(DeviceOperation, { id: operation.id }, { startAt, updatedAt: new Date() });
      await this.audit.record(principal, manager, {
        action: 'deviceOperation.reschedule',
        objectType: 'deviceOperation',
        objectId: operation.id,
        groupId: operation.groupId,
        before: { startAt: before },
        after: { startAt: startAt?.toISOString() ?? null },
      });
    });
    operation.startAt = startAt;
    this.runner.started(operation);
    return operation;
  }

  private async startTime(input: RescheduleInput, locationIds: (string | null)[]): Promise<Date | null> {
    if (input.startAt !== undefined && input.localStartTime !== undefined) {
      throw AppError.validation([{ field: 'localStartTime', message: 'give startAt or localStartTime, not both' }]);
    }
    let startAt = input.startAt ?? null;
    if (input.localStartTime !== undefined) {
      const ids = [...new Set(locationIds.filter((id): id is string => id !== null))];
      const zones = new Set<string>();
      for (let i = 0; i < ids.length; i += 500) {
        for (const l of await this.dataSource.manager.find(Location, { where: ids.slice(i, i + 500).map((id) => ({ id })), select: { id: true, timezone: true } })) zones.add(l.timezone);
      }
      if (zones.size !== 1) throw AppError.validation([{ field: 'localStartTime', message: 'the nodes are not all in one time zone; give startAt' }]);
      startAt = zonedLocalTime(input.localStartTime, [...zones][0]) ?? null;
      if (startAt === null) throw AppError.validation([{ field: 'localStartTime', message: 'not a local date-time YYYY-MM-DDTHH:MM[:SS]' }]);
    }
    if (startAt !== null && startAt.getTime() < Date.now() - PAST_TOLERANCE_MS) {
      throw AppError.validation([{ field: input.localStartTime !== undefined ? 'localStartTime' : 'startAt', message: 'is in the past' }]);
    }
    return startAt;
  }

  private async create(
    principal: Principal,
    kind: OperationKind,
    groupId: string,
    nodes: { id: string; serialNumber: string; locationId: string | null; attempt: TargetAttempt | null }[],
    startAt: Date | null,
    waveSize: number,
    params: OperationParams,
  ): Promise<DeviceOperation> {
    const operation = await this.tx.run(async (manager) => {
      const saved = await manager.save(
        manager.create(DeviceOperation, {
          kind,
          state: OperationState.SCHEDULED,
          groupId,
          createdBy: principal.userId,
          createdByEmail: principal.email,
          startAt,
          waveSize,
          targetCount: nodes.length,
          params,
          finishedAt: null,
        }),
      );
      const now = new Date();
      const rows = nodes.map((node, position) => ({
        id: randomUUID(),
        operationId: saved.id,
        position,
        nodeId: node.id,
        serialNumber: node.serialNumber,
        locationId: node.locationId,
        state: TargetState.PENDING,
        attempt: node.attempt,
        updatedAt: now,
      })) as QueryDeepPartialEntity<DeviceOperationTarget>[];
      for (let i = 0; i < rows.length; i += TARGETS_PER_INSERT) await manager.insert(DeviceOperationTarget, rows.slice(i, i + TARGETS_PER_INSERT));
      await this.audit.record(principal, manager, {
        action: 'deviceOperation.create',
        objectType: 'deviceOperation',
        objectId: saved.id,
        groupId,
        after: { kind, ...params, startAt: startAt?.toISOString() ?? null, waveSize, targetCount: nodes.length, serials: nodes.slice(0, 100).map((n) => n.serialNumber) },
      });
      return saved;
    });
    this.runner.started(operation);
    return operation;
  }

  async get(principal: Principal, id: string): Promise<DeviceOperation> {
    const operation = /^[0-9a-f-]{36}$/i.test(id) ? await this.store.operation(id) : null;
    if (operation === null || !canReadGroup(principal, operation.groupId)) throw AppError.notFound('device operation', id);
    return operation;
  }

  progress(operation: DeviceOperation): Promise<StateCount[]> {
    return this.store.counts(operation.id);
  }

  async targets(operation: DeviceOperation, args: OperationTargetsArgs): Promise<Connection<DeviceOperationTarget>> {
    const qb = this.dataSource.createQueryBuilder(DeviceOperationTarget, 't').where('t.operationId = :id', { id: operation.id });
    if (args.state !== undefined) qb.andWhere('t.state = :state', { state: args.state });
    return keysetPage(qb, { key: 't.position', id: 't.id', direction: 'ASC', positionOf: (t) => ({ key: String(t.position), id: t.id }), keyParam: (key) => Number(key) || 0 }, args);
  }

  async list(principal: Principal, args: DeviceOperationsArgs): Promise<Connection<DeviceOperation>> {
    const qb = this.dataSource.createQueryBuilder(DeviceOperation, 'o');
    if (!isPlatformAdmin(principal)) {
      if (principal.groupIds.length === 0) return emptyConnection();
      qb.andWhere('o.groupId IN (:...groupIds)', { groupIds: principal.groupIds });
    }
    const f = args.filter ?? {};
    if (f.kind !== undefined) qb.andWhere('o.kind = :kind', { kind: f.kind });
    if (f.state !== undefined) qb.andWhere('o.state = :state', { state: f.state });
    if (f.createdBy !== undefined) qb.andWhere('o.createdBy = :createdBy', { createdBy: f.createdBy });
    if (f.nodeId !== undefined) {
      qb.andWhere('EXISTS (SELECT 1 FROM device_operation_targets t WHERE t.operation_id = o.id AND t.node_id = :nodeId)', { nodeId: f.nodeId });
    }
    if (f.locationId !== undefined) {
      qb.andWhere('EXISTS (SELECT 1 FROM device_operation_targets t WHERE t.operation_id = o.id AND t.location_id = :locationId)', { locationId: f.locationId });
    }
    return keysetPage(qb, { key: 'o.createdAt', id: 'o.id', direction: 'DESC', positionOf, keyParam: (key) => new Date(key) }, args);
  }

  async cancel(principal: Principal, id: string): Promise<DeviceOperation> {
    const operation = await this.changeable(principal, id);
    const from = [OperationState.SCHEDULED, OperationState.RUNNING, OperationState.PAUSED];
    if (!(await this.store.operationState(operation, from, OperationState.CANCELLED, principal))) {
      throw AppError.precondition(`device operation ${id} is ${operation.state}; only a scheduled, running or paused one can be cancelled`);
    }
    this.runner.cancelled(operation.id);
    return operation;
  }

  async pause(principal: Principal, id: string): Promise<DeviceOperation> {
    const operation = await this.changeable(principal, id);
    if (!(await this.store.operationState(operation, [OperationState.RUNNING, OperationState.SCHEDULED], OperationState.PAUSED, principal))) {
      throw AppError.precondition(`device operation ${id} is ${operation.state}; only a running or scheduled one can be paused`);
    }
    return operation;
  }

  async resume(principal: Principal, id: string): Promise<DeviceOperation> {
    const operation = await this.changeable(principal, id);
    const to = operation.startAt !== null && operation.startAt.getTime() > Date.now() ? OperationState.SCHEDULED : OperationState.RUNNING;
    if (!(await this.store.operationState(operation, [OperationState.PAUSED], to, principal))) {
      throw AppError.precondition(`device operation ${id} is ${operation.state}; only a paused one can be resumed`);
    }
    this.runner.started(operation);
    return operation;
  }

  /** Group admins change their groups' operations; group support only single-node ones and kicks. */
  private async changeable(principal: Principal, id: string): Promise<DeviceOperation> {
    const operation = await this.get(principal, id);
    const supportMay = operation.targetCount === 1 || operation.kind === OperationKind.CLIENT_KICK;
    if (!canWriteGroup(principal, operation.groupId) && !(principal.role === Role.GROUP_SUPPORT && supportMay)) {
      throw AppError.forbidden('group support may change single-node operations only');
    }
    return operation;
  }
}

function positionOf(operation: DeviceOperation): { key: string; id: string } {
  return { key: operation.createdAt.toISOString(), id: operation.id };
}
