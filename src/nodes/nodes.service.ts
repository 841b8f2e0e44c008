// Claiming ties a node (by serial) to a location; unclaiming (RMA, termination) frees it.
// Serials are global: a serial claimed anywhere else is a CONFLICT, whichever group holds
// it, and the message never says which.

import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { Principal } from '../common/auth/principal';
import { assertReadable, assertWritable } from '../access/group-scope';
import { requireUuid, writableLocation } from '../access/location-access';
import { AuditRecord, AuditService } from '../audit/audit.service';
import { isUniqueViolation } from '../database/database-errors';
import { CompiledFinder } from '../database/compiled-finder';
import { TransactionRunner } from '../database/transaction-runner';
import { DomainEvent } from '../domain-events/domain-event';
import { DomainEvents } from '../domain-events/domain-events.service';
import { Customer } from '../customers/customer.entity';
import { Location } from '../locations/location.entity';
import { UpdateNodeInput } from './dto/update-node.input';
import { checkNodeDescription, checkNodeDetails, checkSerial, checkUnclaimReason, normaliseSerial } from './node-rules';
import { Node } from './node.entity';

function summary(node: Node): Record<string, unknown> {
  return { serial: node.serialNumber, locationId: node.locationId, description: node.description, claimedAt: node.claimedAt, externalKey: node.externalKey };
}

/** The canonical serial (trimmed, upper case: src/validation/serial.ts), or VALIDATION_FAILED. */
function requireSerial(field: string, raw: string): string {
  const serial = normaliseSerial(raw);
  if (serial === undefined) throw AppError.validation(checkSerial(field, raw));
  return serial;
}

/** What a provisioning system knows of the hardware it claims (the legacy gateway's MODEM). */
export interface NodeDetails {
  model?: string;
  macAddress?: string;
  externalKey?: string;
}

@Injectable()
export class NodesService {
  private readonly byId: CompiledFinder<Node>;

  private readonly logger = new Logger(NodesService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {
    this.byId = new CompiledFinder(dataSource, Node, { where: 'id' });
  }

  async get(principal: Principal, id: string): Promise<Node> {
    requireUuid('id', id);
    return assertReadable(principal, await this.byId.findOne(id), 'node', id);
  }

  async bySerial(principal: Principal, raw: string): Promise<Node> {
    const serial = requireSerial('serial', raw);
    return assertReadable(principal, await this.dataSource.manager.findOneBy(Node, { serialNumber: serial }), 'node with serial', serial);
  }

  /** Where a node the caller was already allowed to read is claimed (null while unclaimed). */
  locationOf(node: Node): Promise<Location | null> {
    return node.locationId === null ? Promise.resolve(null) : this.dataSource.manager.findOneBy(Location, { id: node.locationId });
  }

  async customerOf(node: Node): Promise<Customer | null> {
    const location = await this.locationOf(node);
    return location === null ? null : this.dataSource.manager.findOneBy(Customer, { id: location.customerId });
  }

  /**
   * Creates the node row for a serial never seen; claiming again to the same location changes
   * nothing but the `details` given (a provisioning system's hardware facts and key).
   */
  async claim(principal: Principal, locationId: string, raw: string, details: NodeDetails = {}): Promise<Node> {
    requireUuid('locationId', locationId);
    const detailErrors = checkNodeDetails(details);
    if (detailErrors.length > 0) throw AppError.validation(detailErrors);
    const serial = requireSerial('serial', raw);
    // Two first claims of a new serial race on its unique index; the retry then sees the
    // winner's row and answers as for any claimed serial (same location: no change).
    const attempt = () => this.transactions.run(async (manager) => {
      const { location } = await writableLocation(manager, principal, locationId, 'locationId');
      const existing = await manager.findOneBy(Node, { serialNumber: serial });
      if (existing?.locationId === location.id) {
        const changes = Object.fromEntries(Object.entries(details).filter(([k, v]) => v !== undefined && existing[k as keyof NodeDetails] !== v));
        if (Object.keys(changes).length === 0) return { node: existing, changed: false };
        const before = summary(existing);
        Object.assign(existing, changes, { updatedAt: new Date() });
        const saved = await manager.save(existing);
        await this.audit.record(principal, manager, this.record('update', saved, before, summary(saved)));
        return { node: saved, changed: false };
      }
      if (existing !== null && existing.locationId !== null) throw AppError.conflict(`node ${serial} is claimed to another location`);
      const before = existing === null ? null : summary(existing);
      const now = new Date();
      const node = existing ?? manager.create(Node, { serialNumber: serial, connected: false });
      const facts = Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined));
      Object.assign(node, facts, { locationId: location.id, groupId: location.groupId, claimedAt: now, updatedAt: now });
      const saved = await manager.save(node);
      await this.audit.record(principal, manager, this.record('claim', saved, before, summary(saved)));
      return { node: saved, changed: true };
    });
    const { node, changed } = await attempt().catch((error: unknown) => (isUniqueViolation(error) ? attempt() : Promise.reject(error)));
    if (changed) {
      this.logger.log(`node ${serial} claimed to location ${locationId} by ${principal.email}`);
      this.events.publish([{ type: 'node-claimed', locationId, nodeIds: [node.id] }]);
    }
    return node;
  }

  async unclaim(principal: Principal, id: string, reason: string): Promise<Node> {
    requireUuid('id', id);
    const errors = checkUnclaimReason('reason', reason);
    if (errors.length > 0) throw AppError.validation(errors);
    const { node, event } = await this.transactions.run(async (manager) => {
      const current = assertWritable(principal, await manager.findOneBy(Node, { id }), 'node', id);
      if (current.locationId === null) throw AppError.precondition(`node ${current.serialNumber} is not claimed`);
      const event = await this.release(manager, principal, current, reason);
      return { node: current, event };
    });
    this.logger.log(`node ${node.serialNumber} unclaimed from location ${event.locationId} by ${principal.email}: ${reason}`);
    this.events.publish([event]);
    return node;
  }

  async update(principal: Principal, id: string, input: UpdateNodeInput): Promise<Node> {
    requireUuid('id', id);
    const errors = checkNodeDescription('description', input.description);
    if (errors.length > 0) throw AppError.validation(errors);
    return this.transactions.run(async (manager) => {
      const current = assertWritable(principal, await manager.findOneBy(Node, { id }), 'node', id);
      if (current.locationId !== null) await writableLocation(manager, principal, current.locationId, 'id');
      const before = summary(current);
      if (input.description !== undefined) current.description = input.description;
      current.updatedAt = new Date();
      const saved = await manager.save(current);
      await this.audit.record(principal, manager, this.record('update', saved, before, summary(saved)));
      return saved;
    });
  }

  /** Inside the caller's transaction: unclaims every node of the locations (service cancellation). */
  async releaseAllOf(manager: EntityManager, principal: Principal, locationIds: string[], reason: string): Promise<DomainEvent[]> {
    if (locationIds.length === 0) return [];
    const nodes = await manager.findBy(Node, { locationId: In(locationIds) });
    const events: DomainEvent[] = [];
    for (const node of nodes) events.push(await this.release(manager, principal, node, reason));
    return events;
  }

  private async release(manager: EntityManager, principal: Principal, node: Node, reason: string): Promise<DomainEvent> {
    const before = summary(node);
    // The event keeps the former group so the tenant still sees it in its audit trail.
    const formerGroupId = node.groupId;
    const event: DomainEvent = { type: 'node-unclaimed', locationId: node.locationId as string, nodeIds: [node.id] };
    Object.assign(node, { locationId: null, groupId: null, claimedAt: null, externalKey: null, updatedAt: new Date() });
    await manager.save(node);
    await this.audit.record(principal, manager, { ...this.record('unclaim', node, before, { ...summary(node), reason }), groupId: formerGroupId });
    return event;
  }

  private record(verb: string, node: Node, before: Record<string, unknown> | null, after: Record<string, unknown> | null): AuditRecord {
    return { action: `node.${verb}`, objectType: 'node', objectId: node.id, groupId: node.groupId, before, after };
  }
}
