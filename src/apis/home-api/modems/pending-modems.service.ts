// The gateway's store of pre-provisioned modems (net_class V2, 6.4.8): kept per site of the
// MSO's group, audited like every change, never claimed here (CONVERT does it through the
// nodes service). Lookups see the caller's group only, except the serial and MAC checks,
// which are global as a node's serial is.

import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import { groupScope } from '../../../access/group-scope';
import { AuditService } from '../../../audit/audit.service';
import { Principal } from '../../../common/auth/principal';
import { TransactionRunner } from '../../../database/transaction-runner';
import { Location } from '../../../locations/location.entity';
import { PendingModem } from './pending-modem.entity';

export interface ModemHardware {
  serial: string;
  model?: string;
  macAddress?: string;
}

function summary(m: PendingModem): Record<string, unknown> {
  return { serial: m.serialNumber, model: m.model, macAddress: m.macAddress, msoModemKey: m.msoModemKey, locationId: m.locationId, nodeId: m.nodeId };
}

@Injectable()
export class PendingModems {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /** A row of the caller's groups by modem_key, pre-provisioned or converted. */
  byId(principal: Principal, id: string): Promise<PendingModem | null> {
    const scope = groupScope(principal);
    return this.dataSource.manager.findOneBy(PendingModem, { id, ...(scope ? { groupId: scope } : {}) });
  }

  /** A still pre-provisioned modem of the caller's groups by mso_modem_key. */
  byMsoKey(principal: Principal, msoKey: string): Promise<PendingModem | null> {
    const scope = groupScope(principal);
    return this.dataSource.manager.findOneBy(PendingModem, { msoModemKey: msoKey, nodeId: IsNull(), ...(scope ? { groupId: scope } : {}) });
  }

  /** A still pre-provisioned modem, in any group, with this serial or MAC. */
  holding(field: 'serialNumber' | 'macAddress', value: string): Promise<PendingModem | null> {
    return this.dataSource.manager.findOneBy(PendingModem, { [field]: value, nodeId: IsNull() });
  }

  create(principal: Principal, location: Location, hardware: ModemHardware, msoKey: string | undefined): Promise<PendingModem> {
    return this.tx.run(async (manager) => {
      const row = manager.create(PendingModem, {
        groupId: location.groupId,
        locationId: location.id,
        serialNumber: hardware.serial,
        model: hardware.model ?? null,
        macAddress: hardware.macAddress ?? null,
        msoModemKey: msoKey ?? null,
      });
      const saved = await manager.save(row);
      await this.audit.record(principal, manager, { action: 'home-api-modem.preprovision', objectType: 'home-api-modem', objectId: saved.id, groupId: saved.groupId, after: summary(saved) });
      return saved;
    });
  }

  /** New hardware facts for a modem still pre-provisioned (its key stays: nothing is replaced on a device). */
  update(principal: Principal, row: PendingModem, hardware: ModemHardware, msoKey: string | undefined): Promise<PendingModem> {
    return this.tx.run(async (manager) => {
      const before = summary(row);
      Object.assign(row, {
        serialNumber: hardware.serial,
        ...(hardware.model !== undefined ? { model: hardware.model } : {}),
        ...(hardware.macAddress !== undefined ? { macAddress: hardware.macAddress } : {}),
        ...(msoKey !== undefined ? { msoModemKey: msoKey } : {}),
      });
      const saved = await manager.save(row);
      await this.audit.record(principal, manager, { action: 'home-api-modem.update', objectType: 'home-api-modem', objectId: row.id, groupId: row.groupId, before, after: summary(saved) });
      return saved;
    });
  }

  remove(principal: Principal, row: PendingModem): Promise<void> {
    return this.tx.run(async (manager) => {
      await manager.delete(PendingModem, { id: row.id });
      await this.audit.record(principal, manager, { action: 'home-api-modem.delete', objectType: 'home-api-modem', objectId: row.id, groupId: row.groupId, before: summary(row) });
    });
  }

  /** After CONVERT claimed the node: the key now names that node. */
  converted(principal: Principal, row: PendingModem, nodeId: string): Promise<void> {
    return this.tx.run(async (manager) => {
      const before = summary(row);
      await manager.update(PendingModem, { id: row.id }, { nodeId, convertedAt: new Date() });
      await this.audit.record(principal, manager, { action: 'home-api-modem.convert', objectType: 'home-api-modem', objectId: row.id, groupId: row.groupId, before, after: { ...before, nodeId } });
    });
  }

  /** SUBSCRIBER DELETE: the subscriber's modems not yet converted go with it (6.4.4). */
  async removeAllOf(principal: Principal, locationIds: string[]): Promise<void> {
    if (locationIds.length === 0) return;
    const rows = await this.dataSource.manager.findBy(PendingModem, { locationId: In(locationIds), nodeId: IsNull() });
    for (const row of rows) await this.remove(principal, row);
  }
}
