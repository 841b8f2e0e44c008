// Reading and renaming clients for GraphQL, scoped like every provisioning object: the
// location is checked against the caller's groups first (another group's is NOT_FOUND), and
// only writers of the group (admins) rename. A rename is audited and then pushed to the
// location's nodes as Client_Nickname_Config by the reconcile pass.

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, MoreThanOrEqual } from 'typeorm';
import { groupScope } from '../../access/group-scope';
import { readableLocation, writableLocation } from '../../access/location-access';
import { AuditService } from '../../audit/audit.service';
import { Principal } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { TransactionRunner } from '../../database/transaction-runner';
import { NicknamesService } from '../live/nicknames.service';
import { checkClientMac, checkNickname, normalizeClientMac } from './client-rules';
import { ClientSession } from './client-session.entity';
import { ClientRecord } from './client.entity';

export const RECENT_CLIENTS_MS = 24 * 3600_000;
export const MAX_SESSIONS = 500;
/** clientsByMac answers at most this many locations (one MAC seen at many is rare). */
export const MAX_CLIENTS_BY_MAC = 50;

@Injectable()
export class ClientsQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly nicknames: NicknamesService,
  ) {}

  /** Clients of a location already authorised by the caller's path: connected, and seen since `seenSince`. */
  listOf(locationId: string, options: { connectedOnly: boolean; seenSince?: Date }): Promise<ClientRecord[]> {
    const m = this.dataSource.manager;
    if (options.connectedOnly) return m.find(ClientRecord, { where: { locationId, connected: true }, order: { mac: 'ASC' } });
    const since = options.seenSince ?? new Date(Date.now() - RECENT_CLIENTS_MS);
    return m.find(ClientRecord, {
      where: [
        { locationId, connected: true },
        { locationId, lastSeenAt: MoreThanOrEqual(since) },
      ],
      order: { mac: 'ASC' },
    });
  }

  async get(principal: Principal, locationId: string, mac: string): Promise<ClientRecord> {
    const normalized = this.checkMac(mac);
    await readableLocation(this.dataSource.manager, principal, locationId, 'locationId');
    const client = await this.dataSource.manager.findOneBy(ClientRecord, { locationId, mac: normalized });
    if (client === null) throw AppError.notFound('client', normalized);
    return client;
  }

  /** The clients with this MAC at any location of the caller's groups, most recently seen first. */
  byMac(principal: Principal, mac: string): Promise<ClientRecord[]> {
    const normalized = this.checkMac(mac);
    const scope = groupScope(principal);
    return this.dataSource.manager.find(ClientRecord, {
      where: scope === undefined ? { mac: normalized } : { mac: normalized, groupId: scope },
      order: { lastSeenAt: 'DESC', locationId: 'ASC' },
      take: MAX_CLIENTS_BY_MAC,
    });
  }

  sessionsOf(client: ClientRecord, first: number): Promise<ClientSession[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_SESSIONS) {
      throw AppError.validation([{ field: 'first', message: `must be 1..${MAX_SESSIONS}` }]);
    }
    return this.dataSource.manager.find(ClientSession, {
      where: { locationId: client.locationId, mac: client.mac },
      order: { startedAt: 'DESC', id: 'ASC' },
      take: first,
    });
  }

  async rename(principal: Principal, locationId: string, mac: string, nickname: string | null): Promise<ClientRecord> {
    const normalized = this.checkMac(mac);
    const errors = checkNickname('nickname', nickname);
    if (errors.length > 0) throw AppError.validation(errors);
    const value = nickname === null || nickname.trim() === '' ? null : nickname.trim();
    const saved = await this.transactions.run(async (m) => {
      await writableLocation(m, principal, locationId, 'locationId');
      return this.setNickname(m, principal, locationId, normalized, value);
    });
    this.nicknames.changed(locationId);
    return saved;
  }

  /**
   * A resident renames one of their own devices: the venues module has checked that the
   * client used one of the resident's keys (the location is not theirs to write).
   */
  async renameOwnDevice(resident: Principal, locationId: string, mac: string, nickname: string | null): Promise<ClientRecord> {
    const normalized = this.checkMac(mac);
    const errors = checkNickname('nickname', nickname);
    if (errors.length > 0) throw AppError.validation(errors);
    const value = nickname === null || nickname.trim() === '' ? null : nickname.trim();
    const saved = await this.transactions.run((m) => this.setNickname(m, resident, locationId, normalized, value));
    this.nicknames.changed(locationId);
    return saved;
  }

  /**
   * Forgets a device of a resident: the sessions it made with their keys (`keyIds` on
   * `networkIds`) and its nickname; the venues module has checked that the device is theirs.
   * A device still connected shows up again with its next session.
   */
  async forgetOwnDevice(resident: Principal, locationId: string, mac: string, keys: { networkIds: string[]; keyIds: string[] }): Promise<number> {
    const normalized = this.checkMac(mac);
    if (keys.networkIds.length === 0 || keys.keyIds.length === 0) return 0;
    const { removed, named } = await this.transactions.run(async (m) => {
      const result = await m.delete(ClientSession, { locationId, mac: normalized, networkId: In(keys.networkIds), keyId: In(keys.keyIds) });
      const client = await m.findOneBy(ClientRecord, { locationId, mac: normalized });
      const named = client !== null && client.nickname !== null;
      if (named) await m.update(ClientRecord, { locationId, mac: normalized }, { nickname: null });
      await this.audit.record(resident, m, {
        action: 'client.forget',
        objectType: 'client',
        objectId: normalized,
        groupId: client?.groupId ?? resident.residentGroupId ?? null,
        before: { locationId, sessions: result.affected ?? 0, nickname: client?.nickname ?? null },
        after: null,
      });
      return { removed: result.affected ?? 0, named };
    });
    if (named) this.nicknames.changed(locationId);
    return removed;
  }

  private async setNickname(m: EntityManager, principal: Principal, locationId: string, normalized: string, value: string | null): Promise<ClientRecord> {
    const client = await m.findOneBy(ClientRecord, { locationId, mac: normalized });
    if (client === null) throw AppError.notFound('client', normalized);
    const before = client.nickname;
    client.nickname = value;
    await m.update(ClientRecord, { locationId, mac: normalized }, { nickname: value });
    await this.audit.record(principal, m, {
      action: 'client.rename',
      objectType: 'client',
      objectId: normalized,
      groupId: client.groupId,
      before: { locationId, nickname: before },
      after: { locationId, nickname: value },
    });
    return client;
  }

  private checkMac(mac: string): string {
    const errors = checkClientMac('mac', mac);
    if (errors.length > 0) throw AppError.validation(errors);
    return normalizeClientMac(mac);
  }
}
