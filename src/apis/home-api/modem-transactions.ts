// MODEM transactions (sections 6.4.7, 6.4.9, 6.4.10) onto the site's gateway node: CREATE
// claims the serial to the location with its model and MAC (mso_modem_key kept as the
// node's externalKey), UPDATE with another serial swaps the hardware (the old node is
// unclaimed and the new key returned, as 6.4.9 says), DELETE unclaims. Our node id is the
// modem_key. Pre-provisioning (net_class V2) and CONVERT are not offered yet.

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
import { SiteTransactions } from './site-transactions';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Attachment B, Table B.3. */
const MANUFACTURERS = ['MOTOROLA', 'LAN CITY', '3COM', 'TERAYON', 'COM21', 'OTHER'];
const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i;

interface Hardware {
  serial: string;
  model?: string;
  macAddress?: string;
}

@Injectable()
export class ModemTransactions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly nodes: NodesService,
    private readonly sites: SiteTransactions,
  ) {}

  async create(t: HomeTransaction): Promise<HomeResponse> {
    const location = await this.sites.resolve(t.principal, t.fields);
    const hardware = readHardware(t.fields, true) as Hardware & { model: string };
    if (t.fields.optional('net_class') !== undefined) throw new HomeApiError(HomeErrorCode.GENERIC, { note: 'pre-provisioning (net_class) is not offered by this server yet' });
    const msoKey = t.fields.optional('mso_modem_key');
    if (msoKey !== undefined && (await this.byMsoKey(t.principal, msoKey)) !== null) throw new HomeApiError(HomeErrorCode.MODEM_EXISTS_FOR_MSO_KEY);
    await this.assertFree(t.principal, hardware);
    const node = await this.claim(t.principal, location.id, hardware, msoKey);
    return successResponse(t.request, [['modem_key', node.id]]);
  }

  async update(t: HomeTransaction): Promise<HomeResponse> {
    const current = await this.resolve(t.principal, t.fields);
    const hardware = readHardware(t.fields, false);
    // The MSO's key stays with the modem unless a new one comes beside modem_key (6.4.9).
    const newMsoKey = t.fields.optional('modem_key') !== undefined ? t.fields.optional('mso_modem_key') : undefined;
    if (newMsoKey !== undefined && newMsoKey !== current.externalKey && (await this.byMsoKey(t.principal, newMsoKey)) !== null) {
      throw new HomeApiError(HomeErrorCode.MODEM_EXISTS_FOR_MSO_KEY);
    }
    const msoKey = newMsoKey ?? current.externalKey ?? undefined;
    const locationId = current.locationId as string;
    await this.assertFree(t.principal, hardware, current.id);
    if (hardware.serial === current.serialNumber) {
      const node = await this.claim(t.principal, locationId, hardware, msoKey);
      return successResponse(t.request, [['modem_key', node.id]]);
    }
    await this.nodes.unclaim(t.principal, current.id, 'modem replaced by the MSO');
    const node = await this.claim(t.principal, locationId, hardware, msoKey);
    return successResponse(t.request, [['modem_key', node.id]]);
  }

  async delete(t: HomeTransaction): Promise<HomeResponse> {
    const node = await this.resolve(t.principal, t.fields);
    await this.nodes.unclaim(t.principal, node.id, 'modem deleted by the MSO');
    return successResponse(t.request);
  }

  /** The claimed node named by modem_key or mso_modem_key; an unclaimed one is deleted. */
  private async resolve(principal: Principal, f: RequestFields): Promise<Node> {
    const key = f.optional('modem_key');
    const msoKey = f.optional('mso_modem_key');
    if (key === undefined && msoKey === undefined) throw new HomeApiError(HomeErrorCode.MUST_SPECIFY_MODEM_KEY);
    let node: Node | null = null;
    if (key !== undefined) {
      node = UUID.test(key) ? await this.nodes.get(principal, key.toLowerCase()).catch(notFound) : null;
      if (node === null || node.locationId === null) throw new HomeApiError(HomeErrorCode.INVALID_KEY);
    }
    // Beside modem_key, mso_modem_key is the new key an UPDATE keeps (6.4.9), not a lookup.
    if (msoKey !== undefined && node === null) {
      node = await this.byMsoKey(principal, msoKey);
      if (node === null) throw new HomeApiError(HomeErrorCode.INVALID_KEY);
    }
    return node as Node;
  }

  /** The serial and MAC may not be claimed anywhere else (-20053, -20054). */
  private async assertFree(principal: Principal, hardware: Hardware, exceptId?: string): Promise<void> {
    const bySerial = await this.dataSource.manager.findOneBy(Node, { serialNumber: hardware.serial });
    if (bySerial !== null && bySerial.locationId !== null && bySerial.id !== exceptId) {
      throw new HomeApiError(HomeErrorCode.SERIAL_ASSIGNED, { 'serial#': hardware.serial, site_key: siteKeyFor(principal, bySerial) });
    }
    if (hardware.macAddress === undefined) return;
    const mac = hardware.macAddress.toLowerCase();
    const byMac = await this.dataSource.manager.findOneBy(Node, { macAddress: mac });
    if (byMac !== null && byMac.locationId !== null && byMac.id !== exceptId && byMac.serialNumber !== hardware.serial) {
      throw new HomeApiError(HomeErrorCode.MAC_ASSIGNED, { mac_address: mac, site_key: siteKeyFor(principal, byMac) });
    }
  }

  private async claim(principal: Principal, locationId: string, hardware: Hardware, msoKey: string | undefined): Promise<Node> {
    try {
      return await this.nodes.claim(principal, locationId, hardware.serial, { model: hardware.model, macAddress: hardware.macAddress?.toLowerCase(), externalKey: msoKey });
    } catch (error) {
      // Claimed elsewhere between the check and the claim.
      if (error instanceof AppError && error.code === ErrorCode.CONFLICT) throw new HomeApiError(HomeErrorCode.SERIAL_ASSIGNED, { 'serial#': hardware.serial, site_key: 'another site' });
      throw error;
    }
  }

  private byMsoKey(principal: Principal, msoKey: string): Promise<Node | null> {
    const scope = groupScope(principal);
    return this.dataSource.manager.findOneBy(Node, { externalKey: msoKey, ...(scope ? { groupId: scope } : {}) });
  }
}

function readHardware(f: RequestFields, create: boolean): Hardware {
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
  return { serial: canonical, model, macAddress };
}

/** The site key the MSO may be told: its own location's id, nothing of another tenant. */
function siteKeyFor(principal: Principal, node: Node): string {
  return node.groupId !== null && principal.groupIds.includes(node.groupId) ? (node.locationId as string) : 'another site';
}

function notFound(error: unknown): null {
  if (error instanceof AppError && error.code === ErrorCode.NOT_FOUND) return null;
  throw error;
}
