// Scripted WiFi clients: what OpenSync's WiFi manager and DHCP snooping write when a station
// associates (Wifi_Associated_Clients, linked from Wifi_VIF_State.associated_clients, and a
// DHCP_leased_IP lease) and remove when it leaves.
import { OvsdbError } from '@lib/ovsdb';
import { DeviceDbPort, transactionError } from './device-db-port';

export interface ScriptedClient {
  readonly mac: string;
  readonly ifName: string;
  readonly keyId?: string;
  readonly ip?: string;
  readonly hostname?: string;
}

export async function associateClient(port: DeviceDbPort, client: ScriptedClient): Promise<void> {
  const row: Record<string, unknown> = { mac: client.mac, state: 'active' };
  if (client.keyId !== undefined) row.key_id = client.keyId;
  const ops: object[] = [
    { op: 'insert', table: 'Wifi_Associated_Clients', 'uuid-name': 'client', row },
    {
      op: 'mutate',
      table: 'Wifi_VIF_State',
      where: [['if_name', '==', client.ifName]],
      mutations: [['associated_clients', 'insert', ['set', [['named-uuid', 'client']]]]],
    },
  ];
  if (client.ip) {
    ops.push({
      op: 'insert',
      table: 'DHCP_leased_IP',
      row: { hwaddr: client.mac, inet_addr: client.ip, hostname: client.hostname ?? '', fingerprint: '', vendor_class: '', lease_time: 86400 },
    });
  }
  const error = transactionError(await port.transact(ops));
  if (error) throw new OvsdbError('TRANSACTION_FAILED', `associating ${client.mac} failed: ${error}`);
}

export async function disassociateClient(port: DeviceDbPort, mac: string): Promise<void> {
  const error = transactionError(
    await port.transact([
      { op: 'delete', table: 'Wifi_Associated_Clients', where: [['mac', '==', mac]] },
      { op: 'delete', table: 'DHCP_leased_IP', where: [['hwaddr', '==', mac]] },
    ]),
  );
  if (error) throw new OvsdbError('TRANSACTION_FAILED', `disassociating ${mac} failed: ${error}`);
}
