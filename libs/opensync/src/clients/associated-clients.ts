// Who is associated to a node, from its Wifi_Associated_Clients rows and the
// Wifi_VIF_State.associated_clients links (operations.md section 5): OneWifi deletes a
// client's row on disconnect and re-inserts it on roaming between VIFs, so the set of
// (mac, VIF) pairs at one instant is the whole truth. DHCP_leased_IP adds the IP, hostname,
// option 55 fingerprint and option 60 vendor class by MAC (newest lease wins on the device).

import { CachedRow } from '../desired/desired-network';

export interface AssociatedClient {
  /** Lower-case colon-separated MAC. */
  mac: string;
  /** if_name of the VIF the client is on. */
  ifName: string;
  /** The multi-PSK key the client used (Wifi_VIF_Config.wpa_psks key), when the device says. */
  keyId?: string;
}

export interface ClientLease {
  ip: string;
  hostname?: string;
  fingerprint?: string;
  vendorClass?: string;
  /** Absolute expiry, epoch seconds (-1: unknown). */
  leaseTime?: number;
}

export function normalizeMac(mac: string): string {
  return mac.trim().toLowerCase();
}

const MAC_PATTERN = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;

export function isMac(value: unknown): value is string {
  return typeof value === 'string' && MAC_PATTERN.test(normalizeMac(value));
}

/**
 * The associated clients by MAC. A row no VIF links (a moment during roaming, or a device
 * that does not link) is left out; a MAC linked from two VIFs keeps the first in if_name order.
 */
export function associatedClients(vifStates: readonly CachedRow[], clientRows: readonly CachedRow[]): Map<string, AssociatedClient> {
  const byUuid = new Map(clientRows.map((row) => [row._uuid, row]));
  const result = new Map<string, AssociatedClient>();
  const vifs = [...vifStates].sort((a, b) => String(a.if_name).localeCompare(String(b.if_name)));
  for (const vif of vifs) {
    const ifName = vif.if_name;
    const links = vif.associated_clients;
    if (typeof ifName !== 'string' || !Array.isArray(links)) continue;
    for (const uuid of links) {
      const row = typeof uuid === 'string' ? byUuid.get(uuid) : undefined;
      if (row === undefined || !isMac(row.mac)) continue;
      const mac = normalizeMac(row.mac);
      if (result.has(mac)) continue;
      const keyId = typeof row.key_id === 'string' && row.key_id.length > 0 ? row.key_id : undefined;
      result.set(mac, keyId === undefined ? { mac, ifName } : { mac, ifName, keyId });
    }
  }
  return result;
}

/** One DHCP lease per MAC; with several, the one expiring last (-1, unknown, counts as newest). */
export function leasesByMac(rows: readonly CachedRow[]): Map<string, ClientLease> {
  const result = new Map<string, ClientLease>();
  for (const row of rows) {
    if (!isMac(row.hwaddr) || typeof row.inet_addr !== 'string') continue;
    const mac = normalizeMac(row.hwaddr);
    const leaseTime = typeof row.lease_time === 'number' ? row.lease_time : undefined;
    const current = result.get(mac);
    if (current !== undefined && rank(current.leaseTime) > rank(leaseTime)) continue;
    result.set(mac, {
      ip: row.inet_addr,
      hostname: nonEmpty(row.hostname),
      fingerprint: nonEmpty(row.fingerprint),
      vendorClass: nonEmpty(row.vendor_class),
      leaseTime,
    });
  }
  return result;
}

function rank(leaseTime: number | undefined): number {
  return leaseTime === undefined ? -Infinity : leaseTime < 0 ? Infinity : leaseTime;
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 && value !== '*' ? value : undefined;
}
