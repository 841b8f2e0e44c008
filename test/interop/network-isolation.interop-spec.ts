// Isolated GUEST/IOT networks against a real ovsdb-server with the full OpenSync schema: the
// app plans the rows, the server accepts them (schema, references, indexes), and the
// simulator's managers, attached over the server's unix socket, report Wifi_VIF_State and
// Wifi_Inet_State as a device would. Checked on the server itself: the bridge hangs off
// Open_vSwitch with its Port and Interface, the inet config and the Netfilter drops are
// there, the VIF is on the bridge with ap_bridge=false; removal leaves no row behind (the
// server collects the Bridge, Port and Interface) and never touches the device's own rows.

import { attachToOvsdbServer, DelayScheduler, defaultProfile, RealServerDevice } from '@lib/device-sim';
import { SouthboundService } from '../../src/southbound/southbound.service';
import { CLAIM_NODE, CREATE_NETWORK, createCustomer, DELETE_NETWORK, UPDATE_NETWORK } from '../e2e/provisioning/provisioning-ops';
import { createGroupWithAdmin, expectData, gql, startTestApp, TestApp } from '../e2e/support';
import { describeWithOvsdb, OvsdbServerProcess } from '../support/ovsdb-server-process';
import { selectRows, WireRow } from './support/device-rows';
import { until } from './support/until';

const DB = 'Open_vSwitch';
const SERIAL = 'SN-ISOLATION-1';
const STATUS = `query ($id: ID!) { wifiNetwork(id: $id) { id isolated status { overall nodes { status mismatches { ifName reason column } } } } }`;

type Uuid = [string, string];
const uuidOf = (row: WireRow): string => row._uuid[1];
const setOf = (value: unknown): string[] => {
  const v = value as ['set', Uuid[]] | Uuid;
  return v[0] === 'set' ? (v[1] as Uuid[]).map((u) => u[1]) : [(v as Uuid)[1]];
};
const mapOf = (value: unknown): Record<string, string> => Object.fromEntries((value as ['map', [string, string][]])[1]);

describeWithOvsdb('isolated networks on a real OpenSync ovsdb-server', () => {
  let app: TestApp;
  let device: OvsdbServerProcess;
  let admin: string;
  let locationId: string;
  let primaryId: string;
  let managers: RealServerDevice | undefined;
  const scheduler = new DelayScheduler();

  const rows = (table: string): Promise<WireRow[]> => selectRows(device, table);
  const named = async (table: string, column: string, name: string): Promise<WireRow | undefined> => (await rows(table)).find((r) => r[column] === name);
  const status = async (id: string) =>
    expectData(await gql<{ wifiNetwork: { isolated: boolean; status: { overall: string; nodes: { mismatches: { reason: string }[] }[] } } }>(app, STATUS, { id }, admin))
      .wifiNetwork;
  const createNetwork = async (input: Record<string, unknown>): Promise<string> =>
    expectData(await gql<{ createWifiNetwork: { id: string } }>(app, CREATE_NETWORK, { locationId, input }, admin)).createWifiNetwork.id;

  /** The bridge's Bridge row is referenced by Open_vSwitch and holds a Port holding an internal Interface, all named alike. */
  async function expectBridge(name: string): Promise<void> {
    const bridge = await named('Bridge', 'name', name);
    expect(bridge).toBeDefined();
    const [root] = await rows('Open_vSwitch');
    expect(setOf(root.bridges)).toContain(uuidOf(bridge!));
    const ports = await rows('Port');
    const portUuids = setOf(bridge!.ports);
    expect(portUuids).toHaveLength(1);
    const port = ports.find((p) => uuidOf(p) === portUuids[0])!;
    expect(port.name).toBe(name);
    const iface = (await rows('Interface')).find((i) => uuidOf(i) === setOf(port.interfaces)[0])!;
    expect(iface).toMatchObject({ name, type: 'internal' });
  }

  beforeAll(async () => {
    app = await startTestApp('sqlite');
    const port = app.app.get(SouthboundService).addresses[0].port;
    admin = (await createGroupWithAdmin(app)).adminToken;
    const customer = await createCustomer(app, admin);
    locationId = customer.locations[0].id;
    primaryId = customer.locations[0].wifiNetworks[0].id;
    device = await OvsdbServerProcess.start({ remotes: [`tcp:127.0.0.1:${port}`] });
    managers = await attachToOvsdbServer({ socketPath: device.socketPath, profile: defaultProfile(SERIAL), behaviour: { applyDelayMs: 200 }, scheduler, bootstrap: true });
    // The device's own LAN and firewall rows, which the controller must never touch.
    await device.transact(
      DB,
      { op: 'insert', table: 'Wifi_Inet_Config', row: { if_name: 'br-home', if_type: 'bridge', enabled: true, network: true, NAT: false, ip_assign_scheme: 'static', inet_addr: '192.168.40.1', netmask: '255.255.255.0' } },
      { op: 'insert', table: 'Netfilter', row: { name: 'lan_accept', enable: true, protocol: 'ipv4', table: 'filter', chain: 'NM_FORWARD', priority: 1, rule: '-i br-home', target: 'ACCEPT' } },
    );
    expectData(await gql(app, CLAIM_NODE, { locationId, serial: SERIAL }, admin));
    await until('PRIMARY applied', async () => (await status(primaryId)).status.overall === 'APPLIED');
  });

  afterAll(async () => {
    managers?.stop();
    scheduler.close();
    await device?.stop();
    await app?.close();
  });

  it('a GUEST network gets its bridge, subnet, DHCP and drops; its VIF joins the bridge with ap_bridge=false; APPLIED', async () => {
    const guestId = await createNetwork({ kind: 'GUEST', ssid: 'Guests', securityMode: 'WPA2_PSK', passphrase: 'guest passphrase', bands: ['BAND_2_4G'] });
    await until('guest APPLIED', async () => (await status(guestId)).status.overall === 'APPLIED');
    expect((await status(guestId)).isolated).toBe(true);
    await expectBridge('br-ctl2');
    const inet = (await named('Wifi_Inet_Config', 'if_name', 'br-ctl2'))!;
    expect(inet).toMatchObject({ if_type: 'bridge', enabled: true, network: true, NAT: false, ip_assign_scheme: 'static', inet_addr: '10.242.2.1', netmask: '255.255.255.0' });
    expect(mapOf(inet.dhcpd)).toEqual({ start: '10.242.2.10', stop: '10.242.2.250', lease_time: '12h' });
    expect((await named('Wifi_Inet_State', 'if_name', 'br-ctl2'))?.inet_config).toEqual(inet._uuid);
    const drops = (await rows('Netfilter')).filter((r) => String(r.name).startsWith('ctl-iso-'));
    expect(drops.map((r) => `${String(r.protocol)} ${String(r.table)} ${String(r.chain)} ${String(r.rule)} ${String(r.target)}`).sort()).toEqual([
      'ipv4 filter NM_FORWARD -i br-ctl2 -o br-home DROP',
      'ipv4 filter NM_FORWARD -i br-home -o br-ctl2 DROP',
      'ipv6 filter NM_FORWARD -i br-ctl2 -o br-home DROP',
      'ipv6 filter NM_FORWARD -i br-home -o br-ctl2 DROP',
    ]);
    expect(await named('Wifi_VIF_Config', 'if_name', 'ctl2-ap-24')).toMatchObject({ bridge: 'br-ctl2', ap_bridge: false });
    // PRIMARY is unchanged: on br-home, still applied.
    expect(await named('Wifi_VIF_Config', 'if_name', 'ctl1-ap-24')).toMatchObject({ bridge: 'br-home', ap_bridge: true });
    expect((await status(primaryId)).status.overall).toBe('APPLIED');
  });

  it('an IOT network is cut off from the guest bridge too; turning isolation off moves it to br-home and removes its rows', async () => {
    const iotId = await createNetwork({ kind: 'IOT', ssid: 'Things', securityMode: 'WPA2_PSK', passphrase: 'iot passphrase', bands: ['BAND_2_4G'] });
    await until('iot APPLIED', async () => (await status(iotId)).status.overall === 'APPLIED');
    await expectBridge('br-ctl3');
    const rules = (await rows('Netfilter')).map((r) => String(r.rule));
    expect(rules).toEqual(expect.arrayContaining(['-i br-ctl2 -o br-ctl3', '-i br-ctl3 -o br-ctl2', '-i br-ctl3 -o br-home', '-i br-home -o br-ctl3']));

    expectData(await gql(app, UPDATE_NETWORK, { id: iotId, input: { isolated: false } }, admin));
    await until('the IOT bridge to go', async () => (await named('Bridge', 'name', 'br-ctl3')) === undefined);
    await until('iot APPLIED on br-home', async () => (await status(iotId)).status.overall === 'APPLIED');
    expect(await named('Wifi_VIF_Config', 'if_name', 'ctl3-ap-24')).toMatchObject({ bridge: 'br-home', ap_bridge: true });
    expect(await named('Wifi_Inet_Config', 'if_name', 'br-ctl3')).toBeUndefined();
    expect((await rows('Netfilter')).filter((r) => String(r.rule).includes('br-ctl3'))).toEqual([]);
    expectData(await gql(app, DELETE_NETWORK, { id: iotId }, admin));
  });

  it('deleting the GUEST network removes every row it had; Port and Interface go with the Bridge; the device rows stay', async () => {
    const guest = (await named('Wifi_VIF_Config', 'if_name', 'ctl2-ap-24'))!;
    expect(guest).toBeDefined();
    const statusQuery = `query ($id: ID!) { location(id: $id) { wifiNetworks { id kind } } }`;
    const networks = expectData(await gql<{ location: { wifiNetworks: { id: string; kind: string }[] } }>(app, statusQuery, { id: locationId }, admin)).location.wifiNetworks;
    const guestId = networks.find((n) => n.kind === 'GUEST')!.id;
    expectData(await gql(app, DELETE_NETWORK, { id: guestId }, admin));
    await until('the guest rows to go', async () => (await rows('Bridge')).length === 0 && (await named('Wifi_VIF_Config', 'if_name', 'ctl2-ap-24')) === undefined);
    expect(await rows('Port')).toEqual([]);
    expect(await rows('Interface')).toEqual([]);
    expect(setOf((await rows('Open_vSwitch'))[0].bridges)).toEqual([]);
    expect((await rows('Wifi_Inet_Config')).map((r) => r.if_name)).toEqual(['br-home']);
    await until('the guest inet state to go', async () => (await rows('Wifi_Inet_State')).every((r) => r.if_name !== 'br-ctl2'));
    expect((await rows('Netfilter')).map((r) => r.name)).toEqual(['lan_accept']);
    expect(await named('Wifi_VIF_Config', 'if_name', 'ctl1-ap-24')).toMatchObject({ bridge: 'br-home' });
    expect((await status(primaryId)).status.overall).toBe('APPLIED');
  });
});
