// Records audit events inside the caller's transaction (the event exists exactly when the
// change does) and lists them scoped to the caller's groups.

import { Injectable } from '@nestjs/common';
import { AppError } from '../common/errors/app-error';
import { randomUUID } from 'node:crypto';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { isPlatformAdmin, Principal } from '../common/auth/principal';
import { Connection, emptyConnection } from '../common/pagination/connection.type';
import { keysetPage } from '../common/pagination/keyset-page';
import { PageArgs, pageRequest } from '../common/pagination/page.args';
import { AuditEvent } from './audit-event.entity';
import { redact } from './redact';

/** Rows per INSERT: 10 columns each stays far below every driver's bound on parameters. */
const EVENTS_PER_INSERT = 100;

export interface AuditRecord {
  /** `<objectType>.<verb>`, e.g. `customer.create`. */
  action: string;
  objectType: string;
  objectId: string;
  /** The tenant the object belongs to; null for platform-wide objects. */
  groupId: string | null;
  before?: object | null;
  after?: object | null;
}

export interface AuditQuery extends PageArgs {
  objectId?: string;
  /** Part of the actor's email, any case. */
  actor?: string | null;
  /** An action, or an object type's actions when it ends with a dot. */
  action?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** LIKE wildcards in a filter text match themselves. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  /** Writes the event with `manager`, the transaction that makes the change. */
  async record(principal: Principal, manager: EntityManager, record: AuditRecord): Promise<AuditEvent> {
    return manager.save(this.build(principal, manager, record));
  }

  private build(principal: Principal, manager: EntityManager, record: AuditRecord): AuditEvent {
    return manager.create(AuditEvent, {
      actorUserId: principal.userId,
      actorEmail: principal.email,
      action: record.action,
      objectType: record.objectType,
      objectId: record.objectId,
      groupId: record.groupId,
      before: record.before ? redact(record.before) : null,
      after: record.after ? redact(record.after) : null,
    });
  }

  /** Writes many events with `manager` in a few multi-row inserts (bulk changes). */
  async recordAll(principal: Principal, manager: EntityManager, records: readonly AuditRecord[]): Promise<void> {
    const at = new Date();
    // The JSON columns are typed unknown, which TypeORM's insert typing cannot express.
    const events = records.map((record) => Object.assign(this.build(principal, manager, record), { id: randomUUID(), at })) as QueryDeepPartialEntity<AuditEvent>[];
    for (let i = 0; i < events.length; i += EVENTS_PER_INSERT) await manager.insert(AuditEvent, events.slice(i, i + EVENTS_PER_INSERT));
  }

  /** Newest first; group members see their groups' events, platform admins all. */
  async list(principal: Principal, query: AuditQuery): Promise<Connection<AuditEvent>> {
    const qb = this.events.createQueryBuilder('e');
    pageRequest(query);
    if (!isPlatformAdmin(principal)) {
      if (principal.groupIds.length === 0) return emptyConnection();
      qb.andWhere('e.groupId IN (:...groupIds)', { groupIds: principal.groupIds });
    }
    if (query.objectId !== undefined) qb.andWhere('e.objectId = :objectId', { objectId: query.objectId });
    if (query.from != null && query.to != null && query.from.getTime() >= query.to.getTime()) {
      throw AppError.validation([{ field: 'to', message: 'must be after from' }]);
    }
    const actor = query.actor?.trim().toLowerCase();
    if (actor) qb.andWhere("LOWER(e.actorEmail) LIKE :actor ESCAPE '\\'", { actor: `%${escapeLike(actor)}%` });
    const action = query.action?.trim();
    if (action?.endsWith('.')) qb.andWhere("e.action LIKE :action ESCAPE '\\'", { action: `${escapeLike(action)}%` });
    else if (action) qb.andWhere('e.action = :action', { action });
    if (query.from != null) qb.andWhere('e.at >= :from', { from: query.from });
    if (query.to != null) qb.andWhere('e.at < :to', { to: query.to });
    return keysetPage(qb, { key: 'e.at', id: 'e.id', direction: 'DESC', positionOf, keyParam: (key) => new Date(key) }, query);
  }
}

function positionOf(event: AuditEvent): { key: string; id: string } {
  return { key: event.at.toISOString(), id: event.id };
}
