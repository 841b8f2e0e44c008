// COMPUTER transactions (sections 6.4.11 to 6.4.14) onto the gateway's record of a computer
// of the site's location (computers/): CREATE registers it with the descriptive fields and a
// DNS name (generated, or sent to restore a computer, 6.4.13), active at once or, with
// net_class V2 (6.4.12), pre-provisioned until CONVERT; UPDATE changes the description;
// DELETE forgets it. Our record id is the computer_key. The addresses and servers 6.4.11
// lists as outputs are not assigned by a WiFi controller and are not returned (as MODEM's
// cdm_ip_address). mac_address is this gateway's extension: the client device it names.

import { Injectable } from '@nestjs/common';
import { isUniqueViolation } from '../../database/database-errors';
import { HomeApiError, HomeErrorCode } from './wire/error-catalogue';
import { RequestFields } from './wire/request-fields';
import { HomeResponse, successResponse } from './wire/transaction-codec';
import { HomeTransaction } from './home-transaction';
import { dnsPrefix, nextDnsName, restoredDnsName } from './computers/dns-names';
import { HomeComputer } from './computers/home-computer.entity';
import { ComputerFacts, HomeComputers } from './computers/home-computers.service';
import { SiteTransactions } from './site-transactions';
import { Principal } from '../../common/auth/principal';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A MAC with colons or hyphens, or twelve hex digits. */
const MAC = /^[0-9a-f]{2}([:-]?)[0-9a-f]{2}(\1[0-9a-f]{2}){4}$/i;
/** Generated names tried before giving up (a random number already taken elsewhere). */
const NAME_ATTEMPTS = 5;

@Injectable()
export class ComputerTransactions {
  constructor(
    private readonly computers: HomeComputers,
    private readonly sites: SiteTransactions,
  ) {}

  async create(t: HomeTransaction): Promise<HomeResponse> {
    const location = await this.sites.resolve(t.principal, t.fields);
    const os = t.fields.required('os', HomeErrorCode.MUST_SPECIFY_OS);
    const facts = readFacts(t.fields);
    const preProvisioned = readNetClass(t.fields);
    // No address plan: a pre-assigned cpe_ip_address (6.4.12) is accepted and not kept.
    t.fields.optional('cpe_ip_address');
    const sentName = t.fields.optional('cpe_dns_name');
    const restored = sentName === undefined ? undefined : restoredDnsName(sentName);
    if (sentName !== undefined && restored === undefined) throw new HomeApiError(HomeErrorCode.BAD_REQUEST);
    const msoKey = t.fields.optional('mso_computer_key');
    if (msoKey !== undefined && (await this.computers.byMsoKey(t.principal, msoKey)) !== null) throw new HomeApiError(HomeErrorCode.COMPUTER_EXISTS_FOR_MSO_KEY);
    const siteComputers = await this.computers.listOf(location.id);
    assertMacFree(siteComputers, facts.macAddress);
    if (restored !== undefined && (await this.computers.byDnsName(restored)) !== null) {
      throw new HomeApiError(HomeErrorCode.GENERIC, { note: `cpe_dns_name ${restored} is held by an active computer` });
    }
    const name = restored ?? (await this.freshName(dnsPrefix(t.fields.optional('mso_name') ?? ''), siteComputers));
    try {
      const saved = await this.computers.create(t.principal, location, { ...facts, os, cpeDnsName: name, msoComputerKey: msoKey, preProvisioned });
      return successResponse(t.request, [['computer_key', saved.id], ['cpe_dns_name', saved.cpeDnsName]]);
    } catch (error) {
      // A concurrent create took the MSO key or the name between the checks and the insert.
      if (!isUniqueViolation(error)) throw error;
      if (msoKey !== undefined && (await this.computers.byMsoKey(t.principal, msoKey)) !== null) throw new HomeApiError(HomeErrorCode.COMPUTER_EXISTS_FOR_MSO_KEY);
      throw new HomeApiError(HomeErrorCode.GENERIC, { note: `cpe_dns_name ${name} is held by an active computer` });
    }
  }

  async update(t: HomeTransaction): Promise<HomeResponse> {
    const computer = await this.resolve(t.principal, t.fields);
    const facts = { ...readFacts(t.fields), os: t.fields.optional('os') };
    // The MSO's key stays unless a new one comes beside computer_key (as MODEM UPDATE, 6.4.9).
    const newMsoKey = t.fields.optional('computer_key') !== undefined ? t.fields.optional('mso_computer_key') : undefined;
    if (newMsoKey !== undefined && newMsoKey !== computer.msoComputerKey && (await this.computers.byMsoKey(t.principal, newMsoKey)) !== null) {
      throw new HomeApiError(HomeErrorCode.COMPUTER_EXISTS_FOR_MSO_KEY);
    }
    assertMacFree(await this.computers.listOf(computer.locationId), facts.macAddress, computer.id);
    await this.computers.update(t.principal, computer, facts, newMsoKey);
    return successResponse(t.request);
  }

  async delete(t: HomeTransaction): Promise<HomeResponse> {
    const computer = await this.resolve(t.principal, t.fields);
    // net_class V2 on a delete returns the computer's address to a pool (Attachment A): no pool here.
    readNetClass(t.fields);
    await this.computers.remove(t.principal, computer);
    return successResponse(t.request);
  }

  /** CONVERT (6.4.14): a pre-provisioned computer becomes active; known computer data may come with it. */
  async convert(t: HomeTransaction): Promise<HomeResponse> {
    const computer = await this.resolve(t.principal, t.fields);
    if (!computer.preProvisioned) throw new HomeApiError(HomeErrorCode.COMPUTER_NOT_CONVERTIBLE);
    const facts = { ...readFacts(t.fields), os: t.fields.optional('os') };
    assertMacFree(await this.computers.listOf(computer.locationId), facts.macAddress, computer.id);
    await this.computers.convert(t.principal, computer, facts);
    return successResponse(t.request);
  }

  /** The computer named by computer_key, else by mso_computer_key (6.3.3). */
  private async resolve(principal: Principal, f: RequestFields): Promise<HomeComputer> {
    const key = f.optional('computer_key');
    const msoKey = f.optional('mso_computer_key');
    if (key === undefined && msoKey === undefined) throw new HomeApiError(HomeErrorCode.MUST_SPECIFY_COMPUTER_KEY);
    // Beside computer_key, mso_computer_key is the new key an UPDATE keeps, not a lookup.
    const found = key !== undefined ? (UUID.test(key) ? await this.computers.byId(principal, key.toLowerCase()) : null) : await this.computers.byMsoKey(principal, msoKey as string);
    if (found === null) throw new HomeApiError(HomeErrorCode.INVALID_KEY);
    return found;
  }

  private async freshName(prefix: string, siteComputers: HomeComputer[]): Promise<string> {
    const names = siteComputers.map((c) => c.cpeDnsName);
    for (let attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
      const name = nextDnsName(prefix, names);
      if ((await this.computers.byDnsName(name)) === null) return name;
      // Held elsewhere (a restored name, or another site's number): count it as used here.
      names.push(name);
    }
    throw new HomeApiError(HomeErrorCode.GENERIC, { note: 'no free cpe_dns_name was found; send the request again' });
  }
}

/** The descriptive fields (Attachment A, no validation) and the MAC. */
function readFacts(f: RequestFields): ComputerFacts {
  const mac = f.optional('mac_address');
  if (mac !== undefined && !MAC.test(mac)) throw new HomeApiError(HomeErrorCode.BAD_MAC);
  return {
    cpu: f.optional('cpu'),
    ram: f.optional('ram'),
    hardDiskSize: f.optional('hard_disk_size'),
    availableSpace: f.optional('available_space'),
    soundCard: f.optional('sound_card'),
    compliant: f.optional('compliant')?.toUpperCase(),
    macAddress: mac === undefined ? undefined : normaliseMac(mac),
  };
}

export function normaliseMac(mac: string): string {
  const hex = mac.replace(/[:-]/g, '').toLowerCase();
  return (hex.match(/../g) as string[]).join(':');
}

/** One computer per MAC within a site: the MAC names one client of the location. */
function assertMacFree(siteComputers: HomeComputer[], mac: string | undefined, exceptId?: string): void {
  if (mac === undefined) return;
  const holder = siteComputers.find((c) => c.macAddress === mac && c.id !== exceptId);
  if (holder !== undefined) throw new HomeApiError(HomeErrorCode.GENERIC, { note: `mac_address ${mac} is registered to another computer of this site` });
}

/** net_class: V2 (pre-provisioning) is the only value the document defines. */
function readNetClass(f: RequestFields): boolean {
  const netClass = f.optional('net_class');
  if (netClass === undefined) return false;
  if (netClass.toUpperCase() !== 'V2') throw new HomeApiError(HomeErrorCode.BAD_REQUEST);
  return true;
}
