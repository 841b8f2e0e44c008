// Clients and telemetry settings against a real ovsdb-server with the full OpenSync schema,
// dialling the real app: the server accepts the controller's mqtt_settings,
// Wifi_Stats_Config and Client_Nickname_Config writes, and client rows inserted with
// ovsdb-client (as OneWifi and NM2 write them) appear as connected clients in GraphQL.

import { attachToOvsdbServer, DelayScheduler, defaultProfile, RealServerDevice } from '@lib/device-sim';
import { SouthboundService } from '../../src/southbound/southbound.service';
import { CLAIM_NODE, createCustomer } from '../e2e/provisioning/provisioning-ops';
import { createGroupWithAdmin, expectData, gql, startTestApp, TestApp } from '../e2e/support';
import { describeWithOvsdb, OvsdbServerProcess } from '../support/ovsdb-server-process';
import { selectRows } from './support/device-rows';
import { until } from './support/until';

const DB = 'Open_vSwitch';
const SERIAL = 'SN-CLIENTS-1';
const CLIENTS = `query ($id: ID!) { location(id: $id) { clients { mac connected band keyId ip hostname vendorClass networkId } } }`;
const RENAME = `mutation ($loc: ID!, $mac: String!, $name: String) { renameClient(locationId: $loc, mac: $mac, nickname: $name) { nickname } }`;

describeWithOvsdb('clients and telemetry settings with a real OpenSync ovsdb-server', () => {
  let app: TestApp;
  let device: OvsdbServerProcess;
  let wifiManager: RealServerDevice | undefined;
  let admin: string;
  let locationId: string;
  let nodeId: string;
  const scheduler = new DelayScheduler();

  const clients = async (): Promise<{ mac: string; connected: boolean; band: string; keyId: string; ip: string; hostname: string; vendorClass: string; networkId: string }[]> =>
    expectData(await gql<{ location: { clients: [] } }>(app, CLIENTS, { id: locationId }, admin)).location.clients;

  beforeAll(async () => {
    process.env.MQTT_DEVICE_BROKER = 'mqtt.isp.example:8883';
    process.env.MQTT_EMBEDDED_PORT = '0';
    app = await startTestApp('sqlite');
    const port = app.app.get(SouthboundService).addresses[0].port;
    const group = await createGroupWithAdmin(app);
    admin = group.adminToken;
    locationId = (await createCustomer(app, admin)).locations[0].id;
    device = await OvsdbServerProcess.start({ remotes: [`tcp:127.0.0.1:${port}`] });
    wifiManager = await attachToOvsdbServer({ socketPath: device.socketPath, profile: defaultProfile(SERIAL), behaviour: { applyDelayMs: 50 }, scheduler, bootstrap: true });
    await until('the device connected', async () => (await selectRows(device, 'AWLAN_Node')).length > 0 && app.app.get(SouthboundService).addresses.length > 0);
    nodeId = await until('the claim', async () => {
      const res = await gql<{ claimNode: { id: string } }>(app, CLAIM_NODE, { locationId, serial: SERIAL }, admin);
      return res.data?.claimNode.id;
    });
    await until('the PRIMARY VIF in Wifi_VIF_State', async () => (await selectRows(device, 'Wifi_VIF_State')).some((r) => r.if_name === 'ctl1-ap-24'));
  });

  afterAll(async () => {
    wifiManager?.stop();
    scheduler.close();
    await device?.stop();
    await app?.close();
    delete process.env.MQTT_DEVICE_BROKER;
    delete process.env.MQTT_EMBEDDED_PORT;
  });

  it('the server holds the mqtt_settings and Wifi_Stats_Config the controller wrote', async () => {
    const settings = await until('mqtt_settings', async () => {
      const [node] = await selectRows(device, 'AWLAN_Node');
      const pairs = (node?.mqtt_settings as ['map', [string, string][]] | undefined)?.[1] ?? [];
      return pairs.length > 0 && Object.fromEntries(pairs);
    });
    expect(settings).toMatchObject({ broker: 'mqtt.isp.example', port: '8883', topics: `opensync/${nodeId}`, compress: 'zlib' });
    const stats = await until('Wifi_Stats_Config', async () => {
      const rows = await selectRows(device, 'Wifi_Stats_Config');
      return rows.some((r) => r.stats_type === 'device') && rows;
    });
    expect(stats.map((r) => r.stats_type).sort()).toEqual(expect.arrayContaining(['client', 'device', 'survey']));
  });

  it('client rows inserted with ovsdb-client appear as connected clients; a rename reaches the server', async () => {
    await device.transact(
      DB,
      { op: 'insert', table: 'Wifi_Associated_Clients', 'uuid-name': 'sta', row: { mac: 'de:ad:be:ef:00:01', state: 'active', key_id: 'key--1', wpa_key_mgmt: 'wpa-psk', pmf: false } },
      { op: 'mutate', table: 'Wifi_VIF_State', where: [['if_name', '==', 'ctl1-ap-24']], mutations: [['associated_clients', 'insert', ['set', [['named-uuid', 'sta']]]]] },
      { op: 'insert', table: 'DHCP_leased_IP', row: { hwaddr: 'de:ad:be:ef:00:01', inet_addr: '192.168.1.23', hostname: 'printer', fingerprint: '1,3,6', vendor_class: 'HP LaserJet', lease_time: 1900000000 } },
    );
    const client = await until('the client connected', async () => (await clients()).find((c) => c.connected && c.ip !== null));
    expect(client).toMatchObject({ mac: 'de:ad:be:ef:00:01', band: '2.4G', keyId: 'key--1', ip: '192.168.1.23', hostname: 'printer', vendorClass: 'HP LaserJet' });
    expect(client.networkId).not.toBeNull();
    expectData(await gql(app, RENAME, { loc: locationId, mac: 'de:ad:be:ef:00:01', name: 'Printer' }, admin));
    await until('the nickname on the server', async () => (await selectRows(device, 'Client_Nickname_Config')).some((r) => r.mac === 'de:ad:be:ef:00:01' && r.nickname === 'Printer'));
    await device.transact(DB, { op: 'delete', table: 'Wifi_Associated_Clients', where: [['mac', '==', 'de:ad:be:ef:00:01']] });
    await until('the client disconnected', async () => (await clients()).some((c) => !c.connected));
  });
});
