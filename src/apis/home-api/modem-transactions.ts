// MODEM transactions (sections 6.4.7 to 6.4.10) onto the site's gateway node: CREATE claims
// the serial to the location with its model and MAC (mso_modem_key kept as the node's
// externalKey), UPDATE with another serial swaps the hardware (the old node is unclaimed
// and the new key returned, as 6.4.9 says), DELETE unclaims. Our node id is the modem_key.
// With net_class V2 (6.4.8) CREATE only stores the modem (modems/pending-modems): nothing
// reaches a device until CONVERT claims it; its key then names the node.

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { groupScope } from '../../access/group-scope';
import { Principal } from '../../common/auth/principal';
import { AppError, ErrorCode } from '../../common/errors/app-error';
import { normaliseSerial } from '../../nodes/node-rules';
import { Node } from '../../nodes/node.entity';
import { NodesService } from '../../nodes/nodes.service';
import { HomeApiError, HomeErrorCode } from './wire/error-catalogue';
import { RequestFields } from './wire/request-fields';
import { HomeResponse, successResponse } from './wire/transaction-codec';
import { HomeTransaction } from './home-transaction';
import { PendingModem } from './modems/pending-modem.entity';
import { ModemHardware, PendingModems } from './modems/pending-modems.service';
import { SiteTransactions } from './site-transactions';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Attachment B, Table B.3. */
const MANUFACTURERS = ['MOTOROLA', 'LAN CITY', '3COM', 'TERAYON', 'COM21', 'OTHER'];
const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i;

/** What a modem key names: a claimed node, or a modem still pre-provisioned. */
type Modem = { node: Node } | { pending: PendingModem };

@Injectable()
export class ModemTransactions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly nodes: NodesService,
    private readonly pending: PendingModems,
    private readonly sites: SiteTransactions,
  ) {}

  async create(t: HomeTransaction): Promise<HomeResponse> {
    const location = await this.sites.resolve(t.principal, t.fields);
    const hardware = readHardware(t.fields, true);
    const preProvision = readNetClass(t.fields);
    // No IP plan: a pre-assigned cdm_ip_address is accepted and not kept.
    t.fields.optional('cdm_ip_address');
    const msoKey = t.fields.optional('mso_modem_key');
    if (msoKey !== undefined && (await this.msoKeyUsed(t.principal, msoKey))) throw new HomeApiError(HomeErrorCode.MODEM_EXISTS_FOR_MSO_KEY);
    await this.assertFree(t.principal, hardware);
    if (preProvision) {
      const stored = await this.pending.create(t.principal, location, hardware, msoKey);
      return successResponse(t.request, [['modem_key', stored.id]]);
    }
    const node = await this.claim(t.principal, location.id, hardware, msoKey);
    return successResponse(t.request, [['modem_key', node.id]]);
  }

  async update(t: HomeTransaction): Promise<HomeResponse> {
    const modem = await this.resolve(t.principal, t.fields);
    const hardware = readHardware(t.fields, false);
    const current = 'node' in modem ? { id: modem.node.id, msoKey: modem.node.externalKey } : { id: modem.pending.id, msoKey: modem.pending.msoModemKey };
    // The MSO's key stays with the modem unless a new one comes beside modem_key (6.4.9).
    const newMsoKey = t.fields.optional('modem_key') !== undefined ? t.fields.optional('mso_modem_key') : undefined;
    if (newMsoKey !== undefined && newMsoKey !== current.msoKey && (await this.msoKeyUsed(t.principal, newMsoKey))) throw new HomeApiError(HomeErrorCode.MODEM_EXISTS_FOR_MSO_KEY);
    await this.assertFree(t.principal, hardware, current.id);
    if ('pending' in modem) {
      await this.pending.update(t.principal, modem.pending, hardware, newMsoKey);
      return successResponse(t.request, [['modem_key', modem.pending.id]]);
    }
    const msoKey = newMsoKey ?? current.msoKey ?? undefined;
    const locationId = modem.node.locationId as string;
    if (hardware.serial !== modem.node.serialNumber) await this.nodes.unclaim(t.principal, modem.node.id, 'modem replaced by the MSO');
    const node = await this.claim(t.principal, locationId, hardware, msoKey);
    return successResponse(t.request, [['modem_key', node.id]]);
  }

  async delete(t: HomeTransaction): Promise<HomeResponse> {
    const modem = await this.resolve(t.principal, t.fields);
    // net_class V2 on a delete returns the modem's address to a pool (Attachment A): no pool here.
    readNetClass(t.fields);
    if ('pending' in modem) await this.pending.remove(t.principal, modem.pending);
    else await this.nodes.unclaim(t.principal, modem.node.id, 'modem deleted by the MSO');
    return successResponse(t.request);
  }

  /** CONVERT (6.4.10): a pre-provisioned modem is claimed, so its site's networks reach it. */
  async convert(t: HomeTransaction): Promise<HomeResponse> {
    const modem = await this.resolve(t.principal, t.fields);
    if (!('pending' in modem)) throw new HomeApiError(HomeErrorCode.MODEM_NOT_CONVERTIBLE);
    const row = modem.pending;
    const hardware: ModemHardware = { serial: row.serialNumber, model: row.model ?? undefined, macAddress: row.macAddress ?? undefined };
    await this.assertFree(t.principal, hardware, row.id);
    const node = await this.claim(t.principal, row.locationId, hardware, row.msoModemKey ?? undefined);
    await this.pending.converted(t.principal, row, node.id);
    return successResponse(t.request);
  }

  /**
   * The modem named by modem_key or mso_modem_key: a claimed node (an unclaimed one is
   * deleted), or a pre-provisioned modem; a converted modem's key names its node.
   */
  private async resolve(principal: Principal, f: RequestFields): Promise<Modem> {
    const key = f.optional('modem_key');
    const msoKey = f.optional('mso_modem_key');
    if (key === undefined && msoKey === undefined) throw new HomeApiError(HomeErrorCode.MUST_SPECIFY_MODEM_KEY);
    if (key !== undefined) {
      const modem = UUID.test(key) ? await this.byKey(principal, key.toLowerCase()) : null;
      if (modem === null) throw new HomeApiError(HomeErrorCode.INVALID_KEY);
      return modem;
    }
    // Beside modem_key, mso_modem_key is the new key an UPDATE keeps (6.4.9), not a lookup.
    const node = await this.nodeByMsoKey(principal, msoKey as string);
    if (node !== null) return { node };
    const pending = await this.pending.byMsoKey(principal, msoKey as string);
    if (pending === null) throw new HomeApiError(HomeErrorCode.INVALID_KEY);
    return { pending };
  }

  private async byKey(principal: Principal, key: string): Promise<Modem | null> {
    const node = await this.nodes.get(principal, key).catch(notFound);
    if (node !== null) return node.locationId === null ? null : { node };
    const pending = await this.pending.byId(principal, key);
    if (pending === null) return null;
    if (pending.nodeId === null) return { pending };
    const converted = await this.nodes.get(principal, pending.nodeId).catch(notFound);
    return converted === null || converted.locationId === null ? null : { node: converted };
  }

  /** The serial and MAC may not be claimed, nor pre-provisioned, anywhere else (-20053, -20054). */
  private async assertFree(principal: Principal, hardware: ModemHardware, exceptId?: string): Promise<void> {
    const bySerial = await this.dataSource.manager.findOneBy(Node, { serialNumber: hardware.serial });
    if (bySerial !== null && bySerial.locationId !== null && bySerial.id !== exceptId) {
      throw new HomeApiError(HomeErrorCode.SERIAL_ASSIGNED, { 'serial#': hardware.serial, site_key: siteKeyFor(principal, bySerial) });
    }
    const pendingSerial = await this.pending.holding('serialNumber', hardware.serial);
    if (pendingSerial !== null && pendingSerial.id !== exceptId) {
      throw new HomeApiError(HomeErrorCode.SERIAL_ASSIGNED, { 'serial#': hardware.serial, site_key: siteKeyFor(principal, pendingSerial) });
    }
    if (hardware.macAddress === undefined) return;
    const mac = hardware.macAddress;
    const byMac = await this.dataSource.manager.findOneBy(Node, { macAddress: mac });
    if (byMac !== null && byMac.locationId !== null && byMac.id !== exceptId && byMac.serialNumber !== hardware.serial) {
      throw new HomeApiError(HomeErrorCode.MAC_ASSIGNED, { mac_address: mac, site_key: siteKeyFor(principal, byMac) });
    }
    const pendingMac = await this.pending.holding('macAddress', mac);
    if (pendingMac !== null && pendingMac.id !== exceptId && pendingMac.serialNumber !== hardware.serial) {
      throw new HomeApiError(HomeErrorCode.MAC_ASSIGNED, { mac_address: mac, site_key: siteKeyFor(principal, pendingMac) });
    }
  }

  private async claim(principal: Principal, locationId: string, hardware: ModemHardware, msoKey: string | undefined): Promise<Node> {
    try {
      return await this.nodes.claim(principal, locationId, hardware.serial, { model: hardware.model, macAddress: hardware.macAddress, externalKey: msoKey });
    } catch (error) {
      // Claimed elsewhere between the check and the claim.
      if (error instanceof AppError && error.code === ErrorCode.CONFLICT) throw new HomeApiError(HomeErrorCode.SERIAL_ASSIGNED, { 'serial#': hardware.serial, site_key: 'another site' });
      throw error;
    }
  }

  private async msoKeyUsed(principal: Principal, msoKey: string): Promise<boolean> {
    return (await this.nodeByMsoKey(principal, msoKey)) !== null || (await this.pending.byMsoKey(principal, msoKey)) !== null;
  }

  private nodeByMsoKey(principal: Principal, msoKey: string): Promise<Node | null> {
    const scope = groupScope(principal);
    return this.dataSource.manager.findOneBy(Node, { externalKey: msoKey, ...(scope ? { groupId: scope } : {}) });
  }
}

function readHardware(f: RequestFields, create: boolean): ModemHardware {
  const manufacturer = f.optional('manufacturer')?.toUpperCase();
  const model = f.optional('model');
  const serial = f.optional('serial_number');
  // 6.4.7 needs all three on a create; 6.4.9 needs manufacturer and serial number.
  if (manufacturer === undefined || serial === undefined || (create && model === undefined)) throw new HomeApiError(HomeErrorCode.MUST_SPECIFY_MODEM);
  if (!MANUFACTURERS.includes(manufacturer)) throw new HomeApiError(HomeErrorCode.BAD_MANUFACTURER);
  // Canonical (trimmed, upper case), as every serial is stored: lookups and comparisons below match it.
  const canonical = normaliseSerial(serial);
  if (canonical === undefined) throw new HomeApiError(HomeErrorCode.BAD_REQUEST);
  const macAddress = f.optional('mac_address');
  if (macAddress !== undefined && !MAC.test(macAddress)) throw new HomeApiError(HomeErrorCode.BAD_MAC);
  if (manufacturer === 'LAN CITY' && macAddress === undefined) throw new HomeApiError(HomeErrorCode.LAN_CITY_NEEDS_MAC);
  return { serial: canonical, model, macAddress: macAddress?.toLowerCase() };
}

/** net_class: V2 (pre-provisioning) is the only value the document defines. */
function readNetClass(f: RequestFields): boolean {
  const netClass = f.optional('net_class');
  if (netClass === undefined) return false;
  if (netClass.toUpperCase() !== 'V2') throw new HomeApiError(HomeErrorCode.BAD_REQUEST);
  return true;
}

/** The site key the MSO may be told: its own location's id, nothing of another tenant. */
function siteKeyFor(principal: Principal, row: { groupId: string | null; locationId: string | null }): string {
  return row.groupId !== null && principal.groupIds.includes(row.groupId) ? (row.locationId as string) : 'another site';
}

function notFound(error: unknown): null {
  if (error instanceof AppError && error.code === ErrorCode.NOT_FOUND) return null;
  throw error;
}
