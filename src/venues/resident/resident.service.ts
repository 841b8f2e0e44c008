// The residents' own face: who the resident is (the customer an OAuth token acts for), their
// keys, the devices that used them, and what they may do with both. Thin: the rules are the
// venue services' and src/access/venue-scope.ts's; this file only finds the resident's own
// objects and hands over.

import { Injectable } from '@nestjs/common';
import { keyName } from '@lib/opensync';
import { DataSource, In, IsNull, Not } from 'typeorm';
import { Principal, Role } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { ClientSession } from '../../clients/store/client-session.entity';
import { ClientRecord } from '../../clients/store/client.entity';
import { ClientsQueryService } from '../../clients/store/clients-query.service';
import { CustomerStatus } from '../../customers/customer-status';
import { Customer } from '../../customers/customer.entity';
import { ApiPrincipal } from '../../oauth/api-principal';
import { KeyPoolNetwork } from '../key-pool.entity';
import { keyState } from '../key-rules';
import { PersonalKey, PersonalKeyStatus } from '../personal-key.entity';
import { PersonalKeysService } from '../personal-keys.service';

export interface ResidentKeyView {
  id: string;
  keyName: string;
  passphrase: string;
  state: string;
  poolId: string;
  unitId: string | null;
  validFrom: string | null;
  validUntil: string | null;
  guestOfKeyId: string | null;
}

export interface ResidentDeviceView {
  locationId: string;
  mac: string;
  nickname: string | null;
  connected: boolean;
  keyId: string;
  lastSeenAt: string;
}

/** Sessions read per key for the device list: the newest ones. */
const SESSIONS_PER_KEY = 500;

export function keyView(key: PersonalKey, now = new Date()): ResidentKeyView {
  return {
    id: key.id,
    keyName: keyName(key.slot),
    passphrase: key.passphrase,
    state: keyState(key, now),
    poolId: key.poolId,
    unitId: key.unitId,
    validFrom: key.validFrom?.toISOString() ?? null,
    validUntil: key.validUntil?.toISOString() ?? null,
    guestOfKeyId: key.guestOfKeyId,
  };
}

@Injectable()
export class ResidentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: PersonalKeysService,
    private readonly clients: ClientsQueryService,
  ) {}

  /**
   * The resident an access token acts for: a customer who signed in (or to whom the client is
   * bound), of the client's group, not terminated. A group's own client acting for no
   * customer is refused.
   */
  async residentOf(api: ApiPrincipal): Promise<Principal> {
    if (api.subject.kind !== 'customer') throw AppError.forbidden('this API acts for a resident: sign the resident in');
    const customer = await this.dataSource.manager.findOneBy(Customer, { id: api.subject.customerId });
    if (customer === null || customer.groupId !== api.groupId || customer.status === CustomerStatus.TERMINATED) throw AppError.unauthenticated('the resident no longer exists');
    // Named by id in logs and the audit trail: a customer's email is theirs, not the operator's log's.
    return { userId: customer.id, email: `resident:${customer.id}`, role: Role.RESIDENT, groupIds: [], customerId: customer.id, residentGroupId: customer.groupId };
  }

  /** The resident's keys (revoked ones left out), by pool and slot, with their passphrases. */
  async ownKeys(resident: Principal): Promise<ResidentKeyView[]> {
    const keys = await this.dataSource.manager.find(PersonalKey, {
      where: { customerId: resident.customerId, groupId: resident.residentGroupId, status: Not(PersonalKeyStatus.REVOKED), batchId: IsNull() },
      order: { poolId: 'ASC', slot: 'ASC' },
    });
    return keys.map((k) => keyView(k));
  }

  async rotate(resident: Principal, keyId: string): Promise<ResidentKeyView> {
    return keyView(await this.keys.rotate(resident, keyId, {}, true));
  }

  async guestKey(resident: Principal, keyId: string, validForHours: unknown): Promise<ResidentKeyView> {
    if (typeof validForHours !== 'number') throw AppError.validation([{ field: 'validForHours', message: 'is required (hours, an integer)' }]);
    return keyView(await this.keys.issueGuestKey(resident, keyId, validForHours));
  }

  /**
   * The devices that used the resident's keys, their guest keys included (each key's name on
   * its pool's networks since it was issued), most recent first.
   */
  async ownDevices(resident: Principal): Promise<ResidentDeviceView[]> {
    const m = this.dataSource.manager;
    const keys = await m.findBy(PersonalKey, { customerId: resident.customerId, groupId: resident.residentGroupId, batchId: IsNull() });
    const seen = new Map<string, { session: ClientSession; keyId: string }>();
    for (const key of keys) {
      for (const session of await this.keys.sessions(key, SESSIONS_PER_KEY)) {
        const id = `${session.locationId}/${session.mac}`;
        const known = seen.get(id);
        if (known === undefined || known.session.startedAt < session.startedAt) seen.set(id, { session, keyId: key.id });
      }
    }
    if (seen.size === 0) return [];
    const records = await m.findBy(ClientRecord, { mac: In([...new Set([...seen.values()].map((s) => s.session.mac))]) });
    const byId = new Map(records.map((r) => [`${r.locationId}/${r.mac}`, r]));
    return [...seen.entries()]
      .map(([id, { session, keyId }]) => {
        const record = byId.get(id);
        return {
          locationId: session.locationId,
          mac: session.mac,
          nickname: record?.nickname ?? null,
          connected: record !== undefined && record.connected && record.keyId === session.keyId,
          keyId,
          lastSeenAt: (session.endedAt ?? session.startedAt).toISOString(),
        };
      })
      .sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt) || a.mac.localeCompare(b.mac));
  }

  async renameDevice(resident: Principal, locationId: string, mac: string, nickname: unknown): Promise<ResidentDeviceView> {
    if (nickname !== null && typeof nickname !== 'string') throw AppError.validation([{ field: 'nickname', message: 'must be a text or null' }]);
    const device = await this.ownDevice(resident, locationId, mac);
    const saved = await this.clients.renameOwnDevice(resident, device.locationId, device.mac, nickname);
    return { ...device, nickname: saved.nickname };
  }

  async forgetDevice(resident: Principal, locationId: string, mac: string): Promise<void> {
    const device = await this.ownDevice(resident, locationId, mac);
    const keys = await this.dataSource.manager.findBy(PersonalKey, { customerId: resident.customerId, groupId: resident.residentGroupId, batchId: IsNull() });
    const networks = await this.dataSource.manager.findBy(KeyPoolNetwork, { poolId: In([...new Set(keys.map((k) => k.poolId))]), locationId: device.locationId });
    // Per pool: a key name means one key only on its own pool's networks.
    for (const network of networks) {
      const keyIds = keys.filter((k) => k.poolId === network.poolId).map((k) => keyName(k.slot));
      await this.clients.forgetOwnDevice(resident, device.locationId, device.mac, { networkIds: [network.networkId], keyIds });
    }
  }

  /** One of the resident's devices, or NOT_FOUND (another resident's device does not exist for them). */
  private async ownDevice(resident: Principal, locationId: string, mac: string): Promise<ResidentDeviceView> {
    const wanted = mac.trim().toLowerCase().replace(/-/g, ':');
    const device = (await this.ownDevices(resident)).find((d) => d.locationId === locationId && d.mac === wanted);
    if (device === undefined) throw AppError.notFound('device', mac);
    return device;
  }
}
