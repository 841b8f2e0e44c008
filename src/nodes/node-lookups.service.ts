// The support portal's node lookups: the node list with its filters (scoped to the caller's
// groups; unclaimed nodes only for platform admins, as in assertReadable), and deleting a
// node record that was created by a claim but never connected (a mistyped serial). A node
// that has connected stays: it is the device's history; unclaim it instead.

import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertWritable } from '../access/group-scope';
import { requireUuid } from '../access/location-access';
import { AuditService } from '../audit/audit.service';
import { isPlatformAdmin, Principal } from '../common/auth/principal';
import { AppError, ErrorCode } from '../common/errors/app-error';
import { Connection, emptyConnection } from '../common/pagination/connection.type';
import { keysetPage } from '../common/pagination/keyset-page';
import { pageRequest } from '../common/pagination/page.args';
import { TransactionRunner } from '../database/transaction-runner';
import { DomainEvents } from '../domain-events/domain-events.service';
import { NodesArgs, NodesFilter } from './dto/nodes.args';
import { Node } from './node.entity';

/** LIKE wildcards in the prefix match themselves. */
export function prefixPattern(prefix: string): string {
  return `${prefix.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

@Injectable()
export class NodeLookupsService {
  private readonly logger = new Logger(NodeLookupsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  async list(principal: Principal, args: NodesArgs): Promise<Connection<Node>> {
    pageRequest(args);
    const filter: NodesFilter = args.filter ?? {};
    const admin = isPlatformAdmin(principal);
    if (!admin && principal.groupIds.length === 0) return emptyConnection();
    // A group the caller cannot see is reported as one that does not exist.
    if (filter.groupId != null && !admin && !principal.groupIds.includes(filter.groupId)) throw AppError.notFound('group', filter.groupId);
    const qb = this.dataSource.manager.createQueryBuilder(Node, 'n');
    if (!admin) qb.andWhere('n.groupId IN (:...scope)', { scope: principal.groupIds });
    if (filter.groupId != null) qb.andWhere('n.groupId = :groupId', { groupId: filter.groupId });
    if (filter.locationId != null) qb.andWhere('n.locationId = :locationId', { locationId: filter.locationId });
    if (filter.connected != null) qb.andWhere('n.connected = :connected', { connected: filter.connected });
    if (filter.model != null) qb.andWhere('n.model = :model', { model: filter.model });
    if (filter.firmwareVersion != null) qb.andWhere('n.firmwareVersion = :firmware', { firmware: filter.firmwareVersion });
    if (filter.serialPrefix != null && filter.serialPrefix.trim() !== '') {
      qb.andWhere("LOWER(n.serialNumber) LIKE :prefix ESCAPE '\\'", { prefix: prefixPattern(filter.serialPrefix) });
    }
    return keysetPage(qb, { key: 'n.serialNumber', id: 'n.id', direction: 'ASC', positionOf: (n) => ({ key: n.serialNumber, id: n.id }) }, args);
  }

  /** Deletes a node that never connected; returns its id. */
  async delete(principal: Principal, id: string): Promise<string> {
    requireUuid('id', id);
    const node = await this.transactions.run(async (manager) => {
      const current = assertWritable(principal, await manager.findOneBy(Node, { id }), 'node', id);
      if (current.connected || current.lastSeenAt !== null) {
        throw new AppError(ErrorCode.NODE_HAS_CONNECTED, `node ${current.serialNumber} has connected to the controller: unclaim it instead of deleting it`);
      }
      await manager.delete(Node, { id });
      await this.audit.record(principal, manager, {
        action: 'node.delete',
        objectType: 'node',
        objectId: id,
        groupId: current.groupId,
        before: { serial: current.serialNumber, locationId: current.locationId, description: current.description },
        after: null,
      });
      return current;
    });
    this.logger.log(`node ${node.serialNumber} (never connected) deleted by ${principal.email}`);
    if (node.locationId !== null) this.events.publish([{ type: 'node-unclaimed', locationId: node.locationId, nodeIds: [id] }]);
    return id;
  }
}
