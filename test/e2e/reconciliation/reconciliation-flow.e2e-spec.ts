// The heart of the controller, end to end: a simulated OpenSync device dials the real app,
// is listed unclaimed, is claimed, and follows the location's networks; status goes
// PENDING -> APPLIED only once the device's Wifi_VIF_State matches. Changes of SSID,
// passphrase and security mode are updates in place; disabling and deleting remove VIFs.
// The device's own rows never change.

import { CLAIM_NODE, CREATE_NETWORK, createCustomer, DELETE_NETWORK, UPDATE_NETWORK } from '../provisioning/provisioning-ops';
import { createGroupWithAdmin, createSupportUser, describeEachDatabase, expectData, gql, platformAdmin, useTestApp } from '../support';
import { foreignRows, ownedNames, SimHandle, startSimDevice, until, vifConfigs } from './sim-device';

const STATUS = `query ($id: ID!) { wifiNetwork(id: $id) { status { overall nodes { serial status mismatches { ifName reason column } } } } }`;
const UNCLAIMED = `query { unclaimedNodes { serial model firmwareVersion connected lastSeenAt } }`;
const NODE = `query ($id: ID!) { node(id: $id) { connected connectedSince remoteAddress model firmwareVersion radios { band channel ifName } vifs { ifName band inSync desired config state mismatches { reason } } } }`;

interface Status {
  overall: string;
  nodes: { serial: string; status: string; mismatches: { ifName: string; reason: string; column: string | null }[] }[];
}

describeEachDatabase('reconciliation with a simulated device', (db) => {
  const t = useTestApp(db);
  let admin: string;
  let support: string;
  let locationId: string;
  let primaryId: string;
  let nodeId: string;
  let sim: SimHandle;
  let ownRows: string;
  const serial = `SIM${db.toUpperCase()}01`;

  const status = async (id: string): Promise<Status> =>
    expectData(await gql<{ wifiNetwork: { status: Status } }>(t.current, STATUS, { id }, admin)).wifiNetwork.status;
  /** Waits for PENDING (proved to be waiting for the device) and then APPLIED. */
  const convergence = async (id: string): Promise<void> => {
    await until('APPLIED', async () => (await status(id)).overall === 'APPLIED');
    const states = sim.device.database.rows('Wifi_VIF_State');
    for (const config of vifConfigs(sim.device).filter((r) => (r.if_name as string).startsWith('ctl'))) {
      expect(states.find((s) => s.if_name === config.if_name)?.vif_config).toBe(config._uuid);
    }
  };

  beforeAll(async () => {
    const group = await createGroupWithAdmin(t.current);
    admin = group.adminToken;
    support = (await createSupportUser(t.current, group.groupId)).token;
    const customer = await createCustomer(t.current, admin);
    locationId = customer.locations[0].id;
    primaryId = customer.locations[0].wifiNetworks[0].id;
    // Slow enough that the PENDING phase is seen by a polling client.
    sim = await startSimDevice(t.current, serial, { behaviour: { applyDelayMs: 2500 } });
    ownRows = foreignRows(sim.device);
  });

  afterAll(async () => {
    await sim?.stop();
  });

  afterEach(() => {
    expect(foreignRows(sim.device)).toBe(ownRows);
  });

  it('lists the connected device as unclaimed; nothing is written to it', async () => {
    const root = await platformAdmin(t.current);
    const entry = await until('the device in unclaimedNodes', async () => {
      const list = expectData(await gql<{ unclaimedNodes: { serial: string; connected: boolean }[] }>(t.current, UNCLAIMED, {}, root)).unclaimedNodes;
      return list.find((n) => n.serial === serial && n.connected);
    });
    expect(entry).toMatchObject({ model: 'SIM-AP-1', firmwareVersion: '1.0.0' });
    expect(ownedNames(sim.device)).toEqual([]);
  });

  it('claimed, it gets the PRIMARY network: PENDING while the device applies, then APPLIED', async () => {
    nodeId = expectData(await gql<{ claimNode: { id: string } }>(t.current, CLAIM_NODE, { locationId, serial }, admin)).claimNode.id;
    const pending = await until('PENDING', async () => {
      const s = await status(primaryId);
      return s.overall === 'PENDING' && s;
    });
    expect(pending.nodes[0].serial).toBe(serial);
    await until('the rows on the device', () => ownedNames(sim.device).join() === 'ctl1-ap-24,ctl1-ap-50');
    await convergence(primaryId);
    const node = expectData(await gql<{ node: Record<string, unknown> & { vifs: { ifName: string; inSync: boolean; desired: Record<string, unknown> }[] } }>(t.current, NODE, { id: nodeId }, admin)).node;
    expect(node).toMatchObject({ connected: true, model: 'SIM-AP-1', firmwareVersion: '1.0.0', remoteAddress: '127.0.0.1' });
    expect(node.radios).toEqual([
      { band: 'BAND_2_4G', channel: 6, ifName: 'wifi0' },
      { band: 'BAND_5G', channel: 36, ifName: 'wifi1' },
    ]);
    expect(node.vifs.map((v) => [v.ifName, v.inSync])).toEqual([
      ['ctl1-ap-24', true],
      ['ctl1-ap-50', true],
    ]);
    expect(node.vifs[0].desired).toMatchObject({ ssid: 'Home WiFi', mode: 'ap', wpa_psks: { 'key--1': 'correct horse battery' } });
    // Support staff read the same VIFs through an allow-list of columns: no passphrase at all.
    type Vif = { desired: Record<string, unknown>; config: Record<string, unknown>; state: Record<string, unknown> };
    const seen = expectData(await gql<{ node: { vifs: Vif[] } }>(t.current, NODE, { id: nodeId }, support)).node.vifs;
    for (const vif of seen) {
      for (const row of [vif.desired, vif.config, vif.state]) {
        expect(row).toMatchObject({ ssid: 'Home WiFi' });
        expect(row).not.toHaveProperty('wpa_psks');
      }
    }
  });

  it.each([
    ['SSID', { ssid: 'Renamed' }, (r: Record<string, unknown>) => r.ssid === 'Renamed'],
    ['passphrase', { passphrase: 'another long secret' }, (r: Record<string, unknown>) => (r.wpa_psks as Map<string, string>).get('key--1') === 'another long secret'],
    ['security mode', { securityMode: 'WPA3_SAE' }, (r: Record<string, unknown>) => JSON.stringify(r.wpa_key_mgmt) === '["sae"]'],
  ])('a %s change updates both rows in place, then converges', async (_what, input, applied) => {
    const before = vifConfigs(sim.device).filter((r) => (r.if_name as string).startsWith('ctl')).map((r) => r._uuid).sort();
    expectData(await gql(t.current, UPDATE_NETWORK, { id: primaryId, input }, admin));
    await until('the change on the device', () => vifConfigs(sim.device).filter((r) => (r.if_name as string).startsWith('ctl') && applied(r)).length === 2);
    expect((await status(primaryId)).overall).toBe('PENDING');
    await convergence(primaryId);
    expect(vifConfigs(sim.device).filter((r) => (r.if_name as string).startsWith('ctl')).map((r) => r._uuid).sort()).toEqual(before);
  });

  it('a GUEST network gets slot 2; disabling removes its VIF, deleting keeps it gone', async () => {
    const input = { kind: 'GUEST', ssid: 'Guests', securityMode: 'OPEN', bands: ['BAND_2_4G'], clientIsolation: true };
    const guest = expectData(await gql<{ createWifiNetwork: { id: string } }>(t.current, CREATE_NETWORK, { locationId, input }, admin)).createWifiNetwork;
    await until('the guest VIF', () => ownedNames(sim.device).includes('ctl2-ap-24'));
    await convergence(guest.id);
    expect(vifConfigs(sim.device).find((r) => r.if_name === 'ctl2-ap-24')).toMatchObject({ ap_bridge: false, vif_radio_idx: 3 });
    expectData(await gql(t.current, UPDATE_NETWORK, { id: guest.id, input: { enabled: false } }, admin));
    await until('the guest VIF to go', () => !ownedNames(sim.device).includes('ctl2-ap-24'));
    await until('disabled network APPLIED (nothing left on the node)', async () => (await status(guest.id)).overall === 'APPLIED');
    expectData(await gql(t.current, DELETE_NETWORK, { id: guest.id }, admin));
    expect(ownedNames(sim.device)).toEqual(['ctl1-ap-24', 'ctl1-ap-50']);
    expect((await status(primaryId)).overall).toBe('APPLIED');
  });

  it('unclaiming removes every VIF the controller owns', async () => {
    expectData(await gql(t.current, `mutation ($id: ID!) { unclaimNode(id: $id, reason: "RMA") { id } }`, { id: nodeId }, admin));
    await until('no owned VIFs', () => ownedNames(sim.device).length === 0);
  });
});
