// The core reconciliation flow against a real ovsdb-server with the full OpenSync schema,
// dialling the real app's OVSDB listener, with the simulator's WiFi manager attached over
// the server's unix socket: the device shows up unclaimed, is claimed, gets the location's
// networks as VIFs, and wifiNetwork.status turns APPLIED only once Wifi_VIF_State reports
// them; SSID changes update in place; a deleted network's VIFs go. The device's own
// backhaul VIF is never touched.

import { attachToOvsdbServer, DelayScheduler, defaultProfile, RealServerDevice } from '@lib/device-sim';
import { SouthboundService } from '../../src/southbound/southbound.service';
import { CLAIM_NODE, CREATE_NETWORK, createCustomer, DELETE_NETWORK, UPDATE_NETWORK } from '../e2e/provisioning/provisioning-ops';
import { createGroupWithAdmin, expectData, gql, platformAdmin, startTestApp, TestApp } from '../e2e/support';
import { describeWithOvsdb, OvsdbServerProcess } from '../support/ovsdb-server-process';
import { selectRows } from './support/device-rows';
import { until } from './support/until';

const DB = 'Open_vSwitch';
const SERIAL = 'SN-RECON-1';
const STATUS = `query ($id: ID!) { wifiNetwork(id: $id) { id ssid status { overall nodes { serial status mismatches { ifName reason column } } } } }`;
const UPDATE_NETWORK_STATUS = `mutation ($id: ID!, $input: UpdateWifiNetworkInput!) { updateWifiNetwork(id: $id, input: $input) { id status { overall } } }`;
const UNCLAIMED = `query { unclaimedNodes { serial model firmwareVersion connected } }`;
const NODE_VIFS = `query ($id: ID!) { node(id: $id) { connected model firmwareVersion radios { band ifName } vifs { ifName band inSync config state } } }`;

interface StatusData {
  wifiNetwork: { id: string; ssid: string; status: { overall: string; nodes: { serial: string; status: string; mismatches: { ifName: string; reason: string }[] }[] } };
}

describeWithOvsdb('reconciliation with a real OpenSync ovsdb-server', () => {
  let app: TestApp;
  let device: OvsdbServerProcess;
  let admin: string;
  let locationId: string;
  let primaryId: string;
  let nodeId: string;
  let backhaulBefore: unknown;
  let wifiManager: RealServerDevice | undefined;
  const scheduler = new DelayScheduler();
  // Slow enough that a polling client sees PENDING before the device applies.
  const attachWifiManager = async (bootstrap: boolean): Promise<void> => {
    wifiManager = await attachToOvsdbServer({
      socketPath: device.socketPath,
      profile: defaultProfile(SERIAL, { model: 'PP203X', firmwareVersion: '5.6.0' }),
      behaviour: { applyDelayMs: 2500 },
      scheduler,
      bootstrap,
    });
  };

  const status = async (id: string): Promise<StatusData['wifiNetwork']> =>
    expectData(await gql<StatusData>(app, STATUS, { id }, admin)).wifiNetwork;
  const vifNames = async (): Promise<string[]> => (await selectRows(device, 'Wifi_VIF_Config')).map((r) => r.if_name as string).sort();
  const backhaul = async (): Promise<unknown> => {
    const row = (await selectRows(device, 'Wifi_VIF_Config')).find((r) => r.if_name === 'bhaul-ap-24');
    return row && { ...row, _version: undefined };
  };

  /** Every VIF of ours has a state row pointing at its config row. */
  const expectStateMatches = async (): Promise<void> => {
    const states = await selectRows(device, 'Wifi_VIF_State');
    for (const config of (await selectRows(device, 'Wifi_VIF_Config')).filter((r) => (r.if_name as string).startsWith('ctl'))) {
      expect(states.find((st) => st.if_name === config.if_name)?.vif_config).toEqual(config._uuid);
    }
  };

  beforeAll(async () => {
    app = await startTestApp('sqlite');
    const port = app.app.get(SouthboundService).addresses[0].port;
    const group = await createGroupWithAdmin(app);
    admin = group.adminToken;
    const customer = await createCustomer(app, admin);
    locationId = customer.locations[0].id;
    primaryId = customer.locations[0].wifiNetworks[0].id;
    // The device dials the controller like a Manager.target; its own rows are written as it boots.
    device = await OvsdbServerProcess.start({ remotes: [`tcp:127.0.0.1:${port}`] });
    await attachWifiManager(true);
    await device.transact(
      DB,
      { op: 'insert', table: 'Wifi_VIF_Config', row: { if_name: 'bhaul-ap-24', mode: 'ap', enabled: true, ssid: 'we.backhaul', vif_radio_idx: 1, bridge: 'br-home' }, 'uuid-name': 'bh' },
      { op: 'mutate', table: 'Wifi_Radio_Config', where: [['if_name', '==', 'wifi0']], mutations: [['vif_configs', 'insert', ['set', [['named-uuid', 'bh']]]]] },
    );
    backhaulBefore = await backhaul();
  });

  afterAll(async () => {
    wifiManager?.stop();
    scheduler.close();
    await device?.stop();
    await app?.close();
  });

  afterEach(async () => {
    const now = await backhaul();
    expect({ ...(now as object), _uuid: undefined }).toEqual({ ...(backhaulBefore as object), _uuid: undefined });
  });

  it('records the unknown device as an unclaimed node', async () => {
    const root = await platformAdmin(app);
    const entry = await until('the device to be listed', async () => {
      const data = expectData(await gql<{ unclaimedNodes: { serial: string; connected: boolean; model: string }[] }>(app, UNCLAIMED, {}, root));
      return data.unclaimedNodes.find((n) => n.serial === SERIAL && n.connected);
    });
    expect(entry).toMatchObject({ model: 'PP203X', firmwareVersion: '5.6.0' });
    expect(await vifNames()).toEqual(['bhaul-ap-24']);
  });

  it('claimed, the node gets the PRIMARY network on both radios; APPLIED only after Wifi_VIF_State reports it', async () => {
    nodeId = expectData(await gql<{ claimNode: { id: string } }>(app, CLAIM_NODE, { locationId, serial: SERIAL }, admin)).claimNode.id;
    await until('the VIFs on the device', async () => (await vifNames()).join() === 'bhaul-ap-24,ctl1-ap-24,ctl1-ap-50');
    const pending = await until('status PENDING', async () => {
      const s = await status(primaryId);
      return s.status.overall === 'PENDING' && s;
    });
    expect(pending.status.nodes[0]).toMatchObject({ serial: SERIAL, status: 'PENDING' });
    expect(pending.status.nodes[0].mismatches.map((m) => m.reason)).toContain('STATE_DIFFERS');
    await until('status APPLIED', async () => (await status(primaryId)).status.overall === 'APPLIED');
    await expectStateMatches();
    type Vif = { ifName: string; inSync: boolean; config: Record<string, unknown>; state: Record<string, unknown> };
    const node = expectData(await gql<{ node: { connected: boolean; radios: unknown[]; vifs: Vif[] } }>(app, NODE_VIFS, { id: nodeId }, admin)).node;
    expect(node.connected).toBe(true);
    expect(node.radios).toEqual([
      { band: 'BAND_2_4G', ifName: 'wifi0' },
      { band: 'BAND_5G', ifName: 'wifi1' },
    ]);
    expect(node.vifs.map((v) => [v.ifName, v.inSync])).toEqual([
      ['ctl1-ap-24', true],
      ['ctl1-ap-50', true],
    ]);
    // Whole rows, read from the device: columns the controller neither sets nor replicates too.
    const [config, state] = await Promise.all(['Wifi_VIF_Config', 'Wifi_VIF_State'].map((t) => selectRows(device, t)));
    const deviceRow = (rows: typeof config) => rows.find((r) => r.if_name === 'ctl1-ap-24') as Record<string, unknown>;
    expect(Object.keys(node.vifs[0].config).sort()).toEqual(Object.keys(deviceRow(config)).filter((c) => c !== '_version').sort());
    expect(Object.keys(node.vifs[0].state).sort()).toEqual(Object.keys(deviceRow(state)).filter((c) => c !== '_version').sort());
    expect(node.vifs[0].state).toMatchObject({ if_name: 'ctl1-ap-24' });
    expect(node.vifs[0].state).toHaveProperty('mac');
  });

  it('an SSID change updates the rows in place and goes PENDING -> APPLIED', async () => {
    const uuidsBefore = (await selectRows(device, 'Wifi_VIF_Config')).filter((r) => r.if_name === 'ctl1-ap-24').map((r) => r._uuid[1]);
    expectData(await gql(app, UPDATE_NETWORK, { id: primaryId, input: { ssid: 'Renamed Home' } }, admin));
    await until('the new SSID on the device', async () =>
      (await selectRows(device, 'Wifi_VIF_Config')).filter((r) => r.ssid === 'Renamed Home').length === 2,
    );
    expect((await status(primaryId)).status.overall).toBe('PENDING');
    const uuidsAfter = (await selectRows(device, 'Wifi_VIF_Config')).filter((r) => r.if_name === 'ctl1-ap-24').map((r) => r._uuid[1]);
    expect(uuidsAfter).toEqual(uuidsBefore);
    await until('status APPLIED', async () => (await status(primaryId)).status.overall === 'APPLIED');
    await expectStateMatches();
  });

  it('right after a change is answered, the status is not APPLIED until the device has it', async () => {
    await until('status APPLIED', async () => (await status(primaryId)).status.overall === 'APPLIED');
    // The device stops answering (its ovsdb-server is stopped, the connection stays open): the
    // pass for the change cannot finish, so the status kept from the last pass is the old one.
    device.pause();
    try {
      const changed = expectData(await gql<{ updateWifiNetwork: { status: { overall: string } } }>(app, UPDATE_NETWORK_STATUS, { id: primaryId, input: { ssid: 'Frozen Device' } }, admin));
      expect(changed.updateWifiNetwork.status.overall).toBe('PENDING');
      const after = await status(primaryId);
      expect(after.status.overall).toBe('PENDING');
      expect(after.status.nodes).toEqual([expect.objectContaining({ serial: SERIAL, status: 'PENDING' })]);
    } finally {
      device.resume();
    }
    await until('status APPLIED', async () => (await status(primaryId)).status.overall === 'APPLIED');
    expect((await selectRows(device, 'Wifi_VIF_State')).filter((r) => r.ssid === 'Frozen Device')).toHaveLength(2);
    expectData(await gql(app, UPDATE_NETWORK, { id: primaryId, input: { ssid: 'Renamed Home' } }, admin));
    await until('status APPLIED', async () => (await status(primaryId)).status.overall === 'APPLIED' && (await selectRows(device, 'Wifi_VIF_State')).filter((r) => r.ssid === 'Renamed Home').length === 2);
  });

  it('a second network gets slot 2; deleting it removes its VIFs and leaves the rest', async () => {
    const input = { kind: 'GUEST', ssid: 'Guests', securityMode: 'WPA2_PSK', passphrase: 'guest passphrase', bands: ['BAND_2_4G'] };
    const guest = expectData(await gql<{ createWifiNetwork: { id: string } }>(app, CREATE_NETWORK, { locationId, input }, admin)).createWifiNetwork;
    await until('the guest VIF', async () => (await vifNames()).includes('ctl2-ap-24'));
    await until('guest APPLIED', async () => (await status(guest.id)).status.overall === 'APPLIED');
    expectData(await gql(app, DELETE_NETWORK, { id: guest.id }, admin));
    await until('the guest VIF to go', async () => (await vifNames()).join() === 'bhaul-ap-24,ctl1-ap-24,ctl1-ap-50');
    const radio = (await selectRows(device, 'Wifi_Radio_Config')).find((r) => r.if_name === 'wifi0') as unknown as { vif_configs: [string, unknown[]] };
    expect(radio.vif_configs[1]).toHaveLength(2);
    expect((await status(primaryId)).status.overall).toBe('APPLIED');
  });

  it('a config row changed on the device is corrected', async () => {
    await device.transact(DB, { op: 'update', table: 'Wifi_VIF_Config', where: [['if_name', '==', 'ctl1-ap-50']], row: { ssid: 'tampered' } });
    await until('the SSID to be restored', async () =>
      (await selectRows(device, 'Wifi_VIF_Config')).some((r) => r.if_name === 'ctl1-ap-50' && r.ssid === 'Renamed Home'),
    );
  });

  it('reads OFFLINE while the device is down, and converges again after it comes back', async () => {
    wifiManager?.stop();
    await device.kill();
    await until('status OFFLINE', async () => (await status(primaryId)).status.overall === 'OFFLINE');
    // While it is away the model changes; the reconnect's full reconcile brings it over.
    expectData(await gql(app, UPDATE_NETWORK, { id: primaryId, input: { ssid: 'While Away' } }, admin));
    await device.restart();
    await attachWifiManager(false);
    await until('the new SSID after the reconnect', async () =>
      (await selectRows(device, 'Wifi_VIF_Config')).filter((r) => r.ssid === 'While Away').length === 2,
    );
    await until('status APPLIED', async () => (await status(primaryId)).status.overall === 'APPLIED');
    await expectStateMatches();
  });
});
