// Clients on a simulated device as OneWifi and NM2 write them (operations.md section 5): a
// Wifi_Associated_Clients row linked from its VIF's Wifi_VIF_State.associated_clients, a
// DHCP_leased_IP row; on leaving, the client row is deleted (the weak link goes with it).

import { SimulatedDevice } from '@lib/device-sim';

export interface SimClient {
  ifName: string;
  mac: string;
  keyId?: string;
  ip?: string;
  hostname?: string;
  vendorClass?: string;
  fingerprint?: string;
}

export async function associateClient(device: SimulatedDevice, c: SimClient): Promise<void> {
  const row: Record<string, unknown> = { mac: c.mac, state: 'active' };
  if (c.keyId !== undefined) row.key_id = c.keyId;
  await device.database.transact([
    { op: 'insert', table: 'Wifi_Associated_Clients', 'uuid-name': 'sta', row },
    { op: 'mutate', table: 'Wifi_VIF_State', where: [['if_name', '==', c.ifName]], mutations: [['associated_clients', 'insert', ['set', [['named-uuid', 'sta']]]]] },
    ...(c.ip === undefined
      ? []
      : [{ op: 'insert', table: 'DHCP_leased_IP', row: { hwaddr: c.mac, inet_addr: c.ip, hostname: c.hostname ?? '', vendor_class: c.vendorClass ?? '', fingerprint: c.fingerprint ?? '', lease_time: Math.floor(Date.now() / 1000) + 3600 } }]),
  ]);
}

export async function disassociateClient(device: SimulatedDevice, mac: string): Promise<void> {
  const rows = device.database.rows('Wifi_Associated_Clients').filter((r) => String(r.mac).toLowerCase() === mac.toLowerCase());
  await device.database.transact(rows.map((r) => ({ op: 'delete', table: 'Wifi_Associated_Clients', where: [['_uuid', '==', ['uuid', String(r._uuid)]]] })));
}
