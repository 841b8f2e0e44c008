// createdBy / modifiedBy of isolated networks, from the audit trail (every change of a WiFi
// network is audited in its transaction, whoever makes it: an API client through this API,
// or the operator's staff through GraphQL). An API client is named by its client_id (it
// acts as `api-client:<client_id>`, as for reboot requests); a person of the operator by
// `user:<user id>`, never by email: the API's callers are third parties. A network with no
// audited creation (older data) has no createdBy; one never changed since, its creator as
// modifiedBy.

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository } from 'typeorm';
import { AuditEvent } from '../../audit/audit-event.entity';

export interface NetworkAuthors {
  createdBy?: string;
  modifiedBy?: string;
}

const CLIENT_PREFIX = 'api-client:';
/** Ids per query: far below every driver's bound on parameters. */
const IDS_PER_QUERY = 500;

/** How an audit actor is named to API callers. */
export function authorName(actorEmail: string, actorUserId: string): string {
  return actorEmail.startsWith(CLIENT_PREFIX) ? actorEmail.slice(CLIENT_PREFIX.length).slice(0, 100) : `user:${actorUserId}`;
}

@Injectable()
export class NetworkAuthorsService {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  /** For each network id: who created it and who changed it last (creation counts as a change). */
  async of(networkIds: readonly string[]): Promise<Map<string, NetworkAuthors>> {
    const authors = new Map<string, NetworkAuthors>();
    for (let i = 0; i < networkIds.length; i += IDS_PER_QUERY) {
      const ids = networkIds.slice(i, i + IDS_PER_QUERY);
      // Per network, its creation and its latest update: the events at the newest time of
      // their action (an update and its creation in one millisecond: the update is later).
      const rows = await this.events
        .createQueryBuilder('e')
        .select(['e.objectId', 'e.action', 'e.actorEmail', 'e.actorUserId', 'e.at'])
        .where('e.objectType = :type', { type: 'wifiNetwork' })
        .andWhere('e.objectId IN (:...ids)', { ids })
        .andWhere(
          new Brackets((w) =>
            w
              .where("e.action = 'wifiNetwork.create'")
              .orWhere(
                "e.action = 'wifiNetwork.update' AND e.at = (SELECT MAX(l.at) FROM audit_events l WHERE l.object_id = e.object_id AND l.action = 'wifiNetwork.update')",
              ),
          ),
        )
        .orderBy('e.at', 'ASC')
        .getMany();
      for (const row of rows) {
        const entry = authors.get(row.objectId) ?? {};
        const name = authorName(row.actorEmail, row.actorUserId);
        if (row.action === 'wifiNetwork.create') {
          entry.createdBy = name;
          entry.modifiedBy ??= name;
        } else {
          entry.modifiedBy = name;
        }
        authors.set(row.objectId, entry);
      }
    }
    return authors;
  }
}
