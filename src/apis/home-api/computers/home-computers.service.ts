// The gateway's store of computers (COMPUTER): kept per site of the MSO's group, audited
// like every change. Lookups see the caller's group only; DNS names are global, as a DNS
// name is. A DNS name or MSO key taken meanwhile by a concurrent request fails on the
// unique index and is reported as taken.

import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { groupScope } from '../../../access/group-scope';
import { AuditService } from '../../../audit/audit.service';
import { Principal } from '../../../common/auth/principal';
import { TransactionRunner } from '../../../database/transaction-runner';
import { Location } from '../../../locations/location.entity';
import { HomeComputer } from './home-computer.entity';

/** What the MSO describes of a computer (Attachment A); undefined leaves a field as it is. */
export interface ComputerFacts {
  os?: string;
  cpu?: string;
  ram?: string;
  hardDiskSize?: string;
  availableSpace?: string;
  soundCard?: string;
  compliant?: string;
  macAddress?: string;
}

export interface NewComputer extends ComputerFacts {
  os: string;
  cpeDnsName: string;
  msoComputerKey?: string;
  preProvisioned: boolean;
}

function summary(c: HomeComputer): Record<string, unknown> {
  return {
    locationId: c.locationId,
    msoComputerKey: c.msoComputerKey,
    cpeDnsName: c.cpeDnsName,
    macAddress: c.macAddress,
    os: c.os,
    cpu: c.cpu,
    ram: c.ram,
    hardDiskSize: c.hardDiskSize,
    availableSpace: c.availableSpace,
    soundCard: c.soundCard,
    compliant: c.compliant,
    preProvisioned: c.preProvisioned,
  };
}

function defined<T extends object>(facts: T): Partial<T> {
  return Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined)) as Partial<T>;
}

@Injectable()
export class HomeComputers {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  byId(principal: Principal, id: string): Promise<HomeComputer | null> {
    const scope = groupScope(principal);
    return this.dataSource.manager.findOneBy(HomeComputer, { id, ...(scope ? { groupId: scope } : {}) });
  }

  byMsoKey(principal: Principal, msoKey: string): Promise<HomeComputer | null> {
    const scope = groupScope(principal);
    return this.dataSource.manager.findOneBy(HomeComputer, { msoComputerKey: msoKey, ...(scope ? { groupId: scope } : {}) });
  }

  /** The computer holding a DNS name, in any group. */
  byDnsName(name: string): Promise<HomeComputer | null> {
    return this.dataSource.manager.findOneBy(HomeComputer, { cpeDnsName: name });
  }

  /** A site's computers, oldest first. */
  listOf(locationId: string): Promise<HomeComputer[]> {
    return this.dataSource.manager.find(HomeComputer, { where: { locationId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  create(principal: Principal, location: Location, computer: NewComputer): Promise<HomeComputer> {
    return this.tx.run(async (manager) => {
      const row = manager.create(HomeComputer, {
        groupId: location.groupId,
        locationId: location.id,
        msoComputerKey: computer.msoComputerKey ?? null,
        cpeDnsName: computer.cpeDnsName,
        macAddress: computer.macAddress ?? null,
        os: computer.os,
        cpu: computer.cpu ?? null,
        ram: computer.ram ?? null,
        hardDiskSize: computer.hardDiskSize ?? null,
        availableSpace: computer.availableSpace ?? null,
        soundCard: computer.soundCard ?? null,
        compliant: computer.compliant ?? null,
        preProvisioned: computer.preProvisioned,
      });
      const saved = await manager.save(row);
      const action = computer.preProvisioned ? 'home-api-computer.preprovision' : 'home-api-computer.create';
      await this.audit.record(principal, manager, { action, objectType: 'home-api-computer', objectId: saved.id, groupId: saved.groupId, after: summary(saved) });
      return saved;
    });
  }

  update(principal: Principal, row: HomeComputer, facts: ComputerFacts, msoKey: string | undefined): Promise<HomeComputer> {
    return this.tx.run(async (manager) => {
      const before = summary(row);
      Object.assign(row, defined(facts), msoKey !== undefined ? { msoComputerKey: msoKey } : {});
      const saved = await manager.save(row);
      await this.audit.record(principal, manager, { action: 'home-api-computer.update', objectType: 'home-api-computer', objectId: row.id, groupId: row.groupId, before, after: summary(saved) });
      return saved;
    });
  }

  /** CONVERT (6.4.14): the pre-provisioned computer becomes active, with any facts sent beside. */
  convert(principal: Principal, row: HomeComputer, facts: ComputerFacts): Promise<HomeComputer> {
    return this.tx.run(async (manager) => {
      const before = summary(row);
      Object.assign(row, defined(facts), { preProvisioned: false });
      const saved = await manager.save(row);
      await this.audit.record(principal, manager, { action: 'home-api-computer.convert', objectType: 'home-api-computer', objectId: row.id, groupId: row.groupId, before, after: summary(saved) });
      return saved;
    });
  }

  remove(principal: Principal, row: HomeComputer): Promise<void> {
    return this.tx.run(async (manager) => {
      await manager.delete(HomeComputer, { id: row.id });
      await this.audit.record(principal, manager, { action: 'home-api-computer.delete', objectType: 'home-api-computer', objectId: row.id, groupId: row.groupId, before: summary(row) });
    });
  }

  /** SITE and SUBSCRIBER DELETE: the sites' computers go with them (6.4.4, 6.4.6). */
  async removeAllOf(principal: Principal, locationIds: string[]): Promise<void> {
    if (locationIds.length === 0) return;
    const rows = await this.dataSource.manager.findBy(HomeComputer, { locationId: In(locationIds) });
    for (const row of rows) await this.remove(principal, row);
  }
}
