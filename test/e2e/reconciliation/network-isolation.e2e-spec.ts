// Isolated GUEST/IOT networks end to end with a simulated device: creating a GUEST network
// yields its bridge (Bridge/Port/Interface off Open_vSwitch), the bridge's Wifi_Inet_Config
// with subnet and DHCP, the Netfilter drops towards br-home, and its VIF on the bridge with
// ap_bridge=false; the status is APPLIED only once the device reports the bridge applied
// (Wifi_Inet_State). Deleting it removes every row; PRIMARY stays on br-home throughout.
// A device without the isolation tables gets no guest VIF at all (FAILED, with the reason).

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPENSYNC_SUBSET_SCHEMA_PATH, SimulatedDevice } from '@lib/device-sim';
import { CLAIM_NODE, CREATE_NETWORK, createCustomer, DELETE_NETWORK, UPDATE_NETWORK } from '../provisioning/provisioning-ops';
import { createGroupWithAdmin, describeEachDatabase, expectData, gql, useTestApp } from '../support';
import { foreignRows, ownedNames, SimHandle, startSimDevice, until, vifConfigs } from './sim-device';

const STATUS = `query ($id: ID!) { wifiNetwork(id: $id) { isolated isolatedSubnet status { overall nodes { status mismatches { ifName reason column } } } } }`;

interface NetworkStatus {
  isolated: boolean;
  isolatedSubnet: string | null;
  status: { overall: string; nodes: { status: string; mismatches: { ifName: string; reason: string; column: string | null }[] }[] };
}

const rowsNamed = (device: SimulatedDevice, table: string, column: string, name: string) => device.database.rows(table).filter((r) => r[column] === name);
const ownedRules = (device: SimulatedDevice) => device.database.rows('Netfilter').filter((r) => String(r.name).startsWith('ctl-iso-'));

/** The simulator's schema without the tables a bridge needs: firmware that cannot isolate. */
function noBridgeSchemaFile(dir: string): string {
  const schema = JSON.parse(readFileSync(OPENSYNC_SUBSET_SCHEMA_PATH, 'utf8')) as { tables: Record<string, { columns: Record<string, unknown> }> };
  for (const table of ['Bridge', 'Port', 'Interface', 'Netfilter']) delete schema.tables[table];
  delete schema.tables.Open_vSwitch.columns.bridges;
  const file = join(dir, 'no-bridge-subset.ovsschema');
  writeFileSync(file, JSON.stringify(schema));
  return file;
}

describeEachDatabase('isolated networks with a simulated device', (db) => {
  const t = useTestApp(db);
  let admin: string;
  let locationId: string;
  let primaryId: string;
  let sim: SimHandle;
  let ownRows: string;
  const serial = `ISO${db.toUpperCase()}01`;

  const status = async (id: string): Promise<NetworkStatus> =>
    expectData(await gql<{ wifiNetwork: NetworkStatus }>(t.current, STATUS, { id }, admin)).wifiNetwork;

  beforeAll(async () => {
    admin = (await createGroupWithAdmin(t.current)).adminToken;
    const customer = await createCustomer(t.current, admin);
    locationId = customer.locations[0].id;
    primaryId = customer.locations[0].wifiNetworks[0].id;
    sim = await startSimDevice(t.current, serial, { behaviour: { applyDelayMs: 300 } });
    ownRows = foreignRows(sim.device);
    expectData(await gql(t.current, CLAIM_NODE, { locationId, serial }, admin));
    await until('PRIMARY applied', async () => (await status(primaryId)).status.overall === 'APPLIED');
  });

  afterAll(async () => {
    await sim?.stop();
  });

  afterEach(() => {
    expect(foreignRows(sim.device)).toBe(ownRows);
  });

  it('a GUEST network is isolated by default: bridge, inet config, drops, VIF on the bridge; APPLIED once the device reports it', async () => {
    const input = { kind: 'GUEST', ssid: 'Guests', securityMode: 'OPEN', bands: ['BAND_2_4G'] };
    const guest = expectData(await gql<{ createWifiNetwork: { id: string; isolated: boolean } }>(t.current, CREATE_NETWORK, { locationId, input }, admin)).createWifiNetwork;
    await until('the guest VIF', () => ownedNames(sim.device).includes('ctl2-ap-24'));
    await until('guest APPLIED', async () => (await status(guest.id)).status.overall === 'APPLIED');
    expect(await status(guest.id)).toMatchObject({ isolated: true, isolatedSubnet: '10.242.2.0/24' });
    expect(await status(primaryId)).toMatchObject({ isolated: false, isolatedSubnet: null });

    const [bridge] = rowsNamed(sim.device, 'Bridge', 'name', 'br-ctl2');
    expect((sim.device.database.rows('Open_vSwitch')[0].bridges as string[]) ?? []).toContain(bridge._uuid);
    const [port] = rowsNamed(sim.device, 'Port', 'name', 'br-ctl2');
    expect(bridge.ports).toEqual([port._uuid]);
    expect(rowsNamed(sim.device, 'Interface', 'name', 'br-ctl2')[0]).toMatchObject({ _uuid: (port.interfaces as string[])[0], type: 'internal' });
    const [inet] = rowsNamed(sim.device, 'Wifi_Inet_Config', 'if_name', 'br-ctl2');
    expect(inet).toMatchObject({ if_type: 'bridge', enabled: true, NAT: false, ip_assign_scheme: 'static', inet_addr: '10.242.2.1', netmask: '255.255.255.0' });
    expect(Object.fromEntries(inet.dhcpd as Map<string, string>)).toEqual({ start: '10.242.2.10', stop: '10.242.2.250', lease_time: '12h' });
    expect(rowsNamed(sim.device, 'Wifi_Inet_State', 'if_name', 'br-ctl2')[0]).toMatchObject({ inet_config: inet._uuid, inet_addr: '10.242.2.1' });
    expect(ownedRules(sim.device).map((r) => `${String(r.protocol)} ${String(r.rule)} ${String(r.target)}`).sort()).toEqual([
      'ipv4 -i br-ctl2 -o br-home DROP',
      'ipv4 -i br-home -o br-ctl2 DROP',
      'ipv6 -i br-ctl2 -o br-home DROP',
      'ipv6 -i br-home -o br-ctl2 DROP',
    ]);
    expect(vifConfigs(sim.device).find((r) => r.if_name === 'ctl2-ap-24')).toMatchObject({ bridge: 'br-ctl2', ap_bridge: false });
    expect(vifConfigs(sim.device).find((r) => r.if_name === 'ctl1-ap-24')).toMatchObject({ bridge: 'br-home', ap_bridge: true });

    expectData(await gql(t.current, DELETE_NETWORK, { id: guest.id }, admin));
    await until('the guest rows to go', () => sim.device.database.rows('Bridge').length === 0 && !ownedNames(sim.device).includes('ctl2-ap-24'));
    expect(sim.device.database.rows('Port')).toEqual([]);
    expect(sim.device.database.rows('Interface')).toEqual([]);
    expect(sim.device.database.rows('Wifi_Inet_Config')).toEqual([]);
    expect(ownedRules(sim.device)).toEqual([]);
    await until('the inet state to go', () => sim.device.database.rows('Wifi_Inet_State').length === 0);
    expect(ownedNames(sim.device)).toEqual(['ctl1-ap-24', 'ctl1-ap-50']);
    expect((await status(primaryId)).status.overall).toBe('APPLIED');
  });

  it('an IOT network is isolated too; turning isolation off moves its VIF to br-home and removes its rows', async () => {
    const input = { kind: 'IOT', ssid: 'Things', securityMode: 'OPEN', bands: ['BAND_2_4G'] };
    const iot = expectData(await gql<{ createWifiNetwork: { id: string } }>(t.current, CREATE_NETWORK, { locationId, input }, admin)).createWifiNetwork;
    await until('iot APPLIED', async () => (await status(iot.id)).status.overall === 'APPLIED');
    expect(vifConfigs(sim.device).find((r) => r.if_name === 'ctl2-ap-24')).toMatchObject({ bridge: 'br-ctl2', ap_bridge: false });

    expectData(await gql(t.current, UPDATE_NETWORK, { id: iot.id, input: { isolated: false } }, admin));
    await until('the iot VIF on br-home', () => vifConfigs(sim.device).find((r) => r.if_name === 'ctl2-ap-24')?.bridge === 'br-home');
    await until('iot APPLIED without isolation', async () => (await status(iot.id)).status.overall === 'APPLIED');
    await until('the iot bridge to go', () => sim.device.database.rows('Bridge').length === 0);
    expect(sim.device.database.rows('Wifi_Inet_Config')).toEqual([]);
    expect(ownedRules(sim.device)).toEqual([]);
    expect(await status(iot.id)).toMatchObject({ isolated: false, isolatedSubnet: null });
    expectData(await gql(t.current, DELETE_NETWORK, { id: iot.id }, admin));
  });

  it('refuses isolating the PRIMARY network, and writes nothing', async () => {
    const result = await gql(t.current, UPDATE_NETWORK, { id: primaryId, input: { isolated: true } }, admin);
    expect(result.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(vifConfigs(sim.device).find((r) => r.if_name === 'ctl1-ap-24')).toMatchObject({ bridge: 'br-home' });
  });

  it('on a device that cannot isolate, a GUEST network gets no VIF and is FAILED with the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iso-'));
    const old = await startSimDevice(t.current, `${serial}B`, { schemaPath: noBridgeSchemaFile(dir), behaviour: { applyDelayMs: 50 } });
    try {
      expectData(await gql(t.current, CLAIM_NODE, { locationId, serial: `${serial}B` }, admin));
      const input = { kind: 'GUEST', ssid: 'Guests2', securityMode: 'OPEN', bands: ['BAND_2_4G'] };
      const guest = expectData(await gql<{ createWifiNetwork: { id: string } }>(t.current, CREATE_NETWORK, { locationId, input }, admin)).createWifiNetwork;
      const failed = await until('FAILED on the old device', async () => {
        const s = await status(guest.id);
        return s.status.overall === 'FAILED' && s;
      });
      expect(failed.status.nodes.flatMap((n) => n.mismatches.map((m) => m.reason))).toContain('ISOLATION_UNSUPPORTED');
      await until('the guest VIF on the capable device', () => ownedNames(sim.device).includes('ctl2-ap-24'));
      expect(ownedNames(old.device)).toEqual(['ctl1-ap-24', 'ctl1-ap-50']);
      expectData(await gql(t.current, DELETE_NETWORK, { id: guest.id }, admin));
      await until('the guest rows to go', () => sim.device.database.rows('Bridge').length === 0);
    } finally {
      await old.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
