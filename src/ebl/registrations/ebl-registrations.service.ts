// A provider's registrations (REST /ebl/vendorids and /ebl/mac-addresses): validated with
// the registration rules, written in one transaction (all or nothing), and put in the
// matcher's index after the commit (and, in a cluster, told to the other instances' indexes).
// A provider sees and removes only its own.

import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { AppError, ErrorCode } from '../../common/errors/app-error';
import { isUniqueViolation } from '../../database/database-errors';
import { TransactionRunner } from '../../database/transaction-runner';
import { parseMacKeys, parseMacRegistrations, parseVendorIdKeys, parseVendorIdRegistrations } from '../domain/registration-rules';
import { MacRegistration, VendorIdRegistration } from '../domain/registration-types';
import { EBL_CONFIG, EblConfig } from '../ebl-config';
import type { EblCaller } from '../http/ebl-caller';
import { EblMatchingService } from '../matching/ebl-matching.service';
import { indexedMac } from '../matching/registration-index';
import { EblProvidersService } from '../providers/ebl-providers.service';
import { EblMacRow, EblVendorIdRow } from '../store/ebl-registration.entities';

@Injectable()
export class EblRegistrationsService {
  constructor(
    @Inject(EBL_CONFIG) private readonly config: EblConfig,
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly providers: EblProvidersService,
    private readonly matching: EblMatchingService,
  ) {}

  async registerVendorIds(caller: EblCaller, body: unknown): Promise<VendorIdRegistration[]> {
    const providerId = await this.providerIdOf(caller);
    const wanted = parseVendorIdRegistrations(body, this.config.deniedVendorIds);
    const rows = await this.transactions
      .run(async (m) => {
        const taken = await m.find(EblVendorIdRow, { where: { vendorId: In(wanted.map((w) => w.vendorId)) } });
        if (taken.length > 0) throw conflict(taken.map((t) => t.vendorId));
        const now = new Date();
        const rows = wanted.map((w): EblVendorIdRow => ({ id: randomUUID(), providerId, vendorId: w.vendorId, matchType: w.matchType, serviceType: w.serviceType, createdAt: now }));
        await m.insert(EblVendorIdRow, rows);
        return rows;
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw conflict(wanted.map((w) => w.vendorId));
        throw error;
      });
    for (const row of rows) this.matching.index.putVendorId({ id: row.id, providerId, vendorId: row.vendorId, matchType: row.matchType });
    this.matching.registrationsChanged(providerId, [], rows.map((r) => r.vendorId));
    return rows.map(vendorIdOf);
  }

  async unregisterVendorIds(caller: EblCaller, body: unknown): Promise<VendorIdRegistration[]> {
    const providerId = await this.providerIdOf(caller);
    const ids = parseVendorIdKeys(body, true)!;
    const rows = await this.transactions.run(async (m) => {
      const found = await m.find(EblVendorIdRow, { where: { providerId, vendorId: In(ids) } });
      const missing = ids.filter((id) => !found.some((f) => f.vendorId === id));
      if (missing.length > 0) throw notRegistered('vendorids', 'vendorid', ids, missing);
      await m.delete(EblVendorIdRow, found.map((f) => f.id));
      return found;
    });
    for (const row of rows) this.matching.index.removeVendorId(providerId, row.vendorId);
    this.matching.registrationsChanged(providerId, [], rows.map((r) => r.vendorId));
    return sortBy(ids, rows, (r) => r.vendorId).map(vendorIdOf);
  }

  async listVendorIds(caller: EblCaller, body: unknown): Promise<VendorIdRegistration[]> {
    const providerId = await this.providerIdOf(caller);
    const filter = parseVendorIdKeys(body, false);
    const rows = await this.dataSource.manager.find(EblVendorIdRow, {
      where: filter === null ? { providerId } : { providerId, vendorId: In(filter) },
      order: { vendorId: 'ASC' },
    });
    return rows.map(vendorIdOf);
  }

  async registerMacs(caller: EblCaller, body: unknown): Promise<MacRegistration[]> {
    const providerId = await this.providerIdOf(caller);
    const wanted = parseMacRegistrations(body, { now: new Date(), defaultValidityMs: this.config.defaultMacValidityMs });
    const rows = await this.transactions.run(async (m) => {
      const now = new Date();
      const existing = await findMacs(m, providerId, wanted.map((w) => w.mac));
      // A registration made again replaces the old one (a new id: a notification queued for
      // the old one, delete_on_match, removes that one only).
      if (existing.size > 0) await m.delete(EblMacRow, [...existing.values()].map((e) => e.id));
      const rows = wanted.map((w): EblMacRow => ({
        id: randomUUID(),
        providerId,
        mac: w.mac,
        deleteOnMatch: w.deleteOnMatch,
        validUntil: w.validUntil,
        serviceType: w.serviceType,
        createdAt: existing.get(w.mac)?.createdAt ?? now,
      }));
      for (let i = 0; i < rows.length; i += 100) await m.insert(EblMacRow, rows.slice(i, i + 100));
      return rows;
    });
    for (const row of rows) this.matching.index.putMac(indexedMac(row));
    this.matching.registrationsChanged(providerId, rows.map((r) => r.mac), []);
    return rows.map(macOf);
  }

  async unregisterMacs(caller: EblCaller, body: unknown): Promise<MacRegistration[]> {
    const providerId = await this.providerIdOf(caller);
    const macs = parseMacKeys(body, true)!;
    const rows = await this.transactions.run(async (m) => {
      const found = await findMacs(m, providerId, macs);
      const missing = macs.filter((mac) => !found.has(mac));
      if (missing.length > 0) throw notRegistered('macs', 'mac', macs, missing);
      await m.delete(EblMacRow, [...found.values()].map((f) => f.id));
      return [...found.values()];
    });
    for (const row of rows) this.matching.index.removeMac(providerId, row.mac);
    this.matching.registrationsChanged(providerId, rows.map((r) => r.mac), []);
    return sortBy(macs, rows, (r) => r.mac).map(macOf);
  }

  async listMacs(caller: EblCaller, body: unknown): Promise<MacRegistration[]> {
    const providerId = await this.providerIdOf(caller);
    const filter = parseMacKeys(body, false);
    const rows = await this.dataSource.manager.find(EblMacRow, {
      where: filter === null ? { providerId } : { providerId, mac: In(filter) },
      order: { mac: 'ASC' },
    });
    const now = Date.now();
    return rows.filter((r) => r.validUntil === null || r.validUntil.getTime() > now).map(macOf);
  }

  /** The caller's provider id; FORBIDDEN when the operator has not set the provider up. */
  async providerIdOf(caller: EblCaller): Promise<string> {
    const provider = await this.providers.find(caller.apiClientId);
    if (provider === undefined || provider.groupId !== caller.groupId) {
      throw new AppError(ErrorCode.FORBIDDEN, 'this API client is not set up for equipment-based localisation; ask the operator');
    }
    return provider.apiClientId;
  }
}

async function findMacs(m: EntityManager, providerId: string, macs: readonly string[]): Promise<Map<string, EblMacRow>> {
  const found = new Map<string, EblMacRow>();
  for (let i = 0; i < macs.length; i += 500) {
    const rows = await m.find(EblMacRow, { where: { providerId, mac: In(macs.slice(i, i + 500)) } });
    for (const row of rows) found.set(row.mac, row);
  }
  return found;
}

function conflict(vendorIds: readonly string[]): AppError {
  return new AppError(
    ErrorCode.CONFLICT,
    `already registered: ${vendorIds.join(', ')}`,
    vendorIds.map((v) => ({ field: 'vendorids', message: `"${v}" is already registered` })),
  );
}

function notRegistered(list: string, key: string, all: readonly string[], missing: readonly string[]): AppError {
  return new AppError(
    ErrorCode.NOT_FOUND,
    `not registered: ${missing.join(', ')}`,
    missing.map((value) => ({ field: `${list}[${all.indexOf(value)}].${key}`, message: `${value} is not registered` })),
  );
}

function sortBy<T>(order: readonly string[], rows: readonly T[], key: (row: T) => string): T[] {
  return [...rows].sort((a, b) => order.indexOf(key(a)) - order.indexOf(key(b)));
}


function vendorIdOf(row: EblVendorIdRow): VendorIdRegistration {
  return { vendorId: row.vendorId, matchType: row.matchType, serviceType: row.serviceType };
}

function macOf(row: EblMacRow): MacRegistration {
  return { mac: row.mac, deleteOnMatch: row.deleteOnMatch, validUntil: row.validUntil, serviceType: row.serviceType };
}
