// Per-key isolation end to end with a simulated device at the lobby of a venue: a pool
// created with isolateKeys tags each key on the pool VIF (wpa_oftags), creates its
// Openflow_Tag row and the ebtables rules, and the network reads APPLIED only with them; a
// revoked key's tag and rules leave; turning isolation off removes them all and clears the
// tags. Support staff cannot change a pool; a bad change is refused and writes nothing.

import { DataSource } from 'typeorm';
import { SimulatedDevice } from '@lib/device-sim';
import { CLAIM_NODE, CREATE_NETWORK, createCustomer } from '../provisioning/provisioning-ops';
import { createGroupWithAdmin, createSupportUser, describeEachDatabase, expectData, expectErrorCode, gql, useTestApp } from '../support';
import { SimHandle, startSimDevice, until, vifConfigs } from '../reconciliation/sim-device';
import { associateClient, disassociateClient } from '../clients/sim-clients';

const CREATE_VENUE = `mutation ($input: CreateVenueInput!) { createVenue(input: $input) { id } }`;
const CREATE_UNIT = `mutation ($input: CreateVenueUnitInput!) { createVenueUnit(input: $input) { id } }`;
const CREATE_POOL = `mutation ($input: CreateKeyPoolInput!) { createKeyPool(input: $input) { id isolateKeys } }`;
const UPDATE_POOL = `mutation ($input: UpdateKeyPoolInput!) { updateKeyPool(input: $input) { id name isolateKeys } }`;
const ISSUE = `mutation ($input: IssuePersonalKeyInput!) { issuePersonalKey(input: $input) { id keyName } }`;
const REVOKE = `mutation ($id: ID!) { revokePersonalKey(id: $id) { state } }`;
const STATUS = `query ($id: ID!) { wifiNetwork(id: $id) { status { overall nodes { status mismatches { ifName reason column } } } } }`;

const tags = (device: SimulatedDevice): string[] =>
  device.database
    .rows('Openflow_Tag')
    .map((r) => String(r.name))
    .sort();
const keyRules = (device: SimulatedDevice): string[] =>
  device.database
    .rows('Netfilter')
    .map((r) => String(r.name))
    .filter((n) => n.startsWith('ctl-key-'))
    .sort();
const oftags = (device: SimulatedDevice): Record<string, string> | undefined => {
  const row = vifConfigs(device).find((r) => r.if_name === 'ctl2-ap-24');
  return row?.wpa_oftags instanceof Map ? Object.fromEntries(row.wpa_oftags as Map<string, string>) : undefined;
};
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

describeEachDatabase('per-key isolation on a venue with a simulated device', (db) => {
  const t = useTestApp(db);
  let admin: string;
  let groupId: string;
  let poolId: string;
  let subscriberId: string;
  let lobbyNetworkId: string;
  let sim: SimHandle;
  let sim2: SimHandle;
  let lobby: SimulatedDevice;
  let lobby2: SimulatedDevice;
  const keyIds: string[] = [];

  const overall = async () =>
    expectData(await gql<{ wifiNetwork: { status: { overall: string } } }>(t.current, STATUS, { id: lobbyNetworkId }, admin)).wifiNetwork.status.overall;

  beforeAll(async () => {
    ({ adminToken: admin, groupId } = await createGroupWithAdmin(t.current));
    const [resident, lobbyCustomer] = [await createCustomer(t.current, admin), await createCustomer(t.current, admin)];
    subscriberId = resident.id;
    const venue = expectData(await gql<{ createVenue: { id: string } }>(t.current, CREATE_VENUE, { input: { name: 'Canal Lofts', timeZone: 'Europe/Amsterdam' } }, admin)).createVenue;
    const lobbyLocation = lobbyCustomer.locations[0].id;
    expectData(await gql(t.current, CREATE_UNIT, { input: { venueId: venue.id, locationId: lobbyLocation, name: 'Lobby', kind: 'COMMON_AREA' } }, admin));
    const input = { kind: 'IOT', isolated: false, ssid: 'Canal Residents', securityMode: 'WPA2_PSK', passphrase: 'network passphrase', bands: ['BAND_2_4G'] };
    lobbyNetworkId = expectData(await gql<{ createWifiNetwork: { id: string } }>(t.current, CREATE_NETWORK, { locationId: lobbyLocation, input }, admin)).createWifiNetwork.id;
    const pool = expectData(await gql<{ createKeyPool: { id: string; isolateKeys: boolean } }>(t.current, CREATE_POOL, { input: { venueId: venue.id, name: 'Residents', networkIds: [lobbyNetworkId], isolateKeys: true } }, admin)).createKeyPool;
    expect(pool.isolateKeys).toBe(true);
    poolId = pool.id;
    // Two access points in the lobby (a mesh): a frame between their clients crosses the backhaul.
    const serial = `KISO${db.toUpperCase()}`;
    const serial2 = `KIS2${db.toUpperCase()}`;
    sim = await startSimDevice(t.current, serial, { behaviour: { applyDelayMs: 20 } });
    sim2 = await startSimDevice(t.current, serial2, { behaviour: { applyDelayMs: 20 } });
    lobby = sim.device;
    lobby2 = sim2.device;
    expectData(await gql(t.current, CLAIM_NODE, { locationId: lobbyLocation, serial }, admin));
    expectData(await gql(t.current, CLAIM_NODE, { locationId: lobbyLocation, serial: serial2 }, admin));
  });

  afterAll(async () => {
    await sim?.stop();
    await sim2?.stop();
  });

  it('tags each key, creates its tag row and rules, and the network is APPLIED with them', async () => {
    for (let i = 0; i < 2; i++) {
      keyIds.push(expectData(await gql<{ issuePersonalKey: { id: string } }>(t.current, ISSUE, { input: { poolId, customerId: subscriberId } }, admin)).issuePersonalKey.id);
    }
    await until('the tagged pool VIF', () => same(oftags(lobby), { 'key-1': 'ctl-k2-1', 'key-2': 'ctl-k2-2' }));
    await until('the tag rows', () => same(tags(lobby), ['ctl-k2-1', 'ctl-k2-2']));
    expect(keyRules(lobby)).toEqual(['ctl-key-2-1-ctl2-ap-24', 'ctl-key-2-1-own', 'ctl-key-2-2-ctl2-ap-24', 'ctl-key-2-2-own']);
    const drop = lobby.database.rows('Netfilter').find((r) => r.name === 'ctl-key-2-2-ctl2-ap-24');
    expect(drop).toMatchObject({ protocol: 'eth', table: 'filter', chain: 'FORWARD', rule: '-s ${ctl-k2-2} -d Unicast -o ctl2-ap-24', target: 'DROP' });
    expect(vifConfigs(lobby).find((r) => r.if_name === 'ctl2-ap-24')?.ap_bridge).toBe(false);
    await until('the pool network APPLIED', async () => (await overall()) === 'APPLIED');
  });

  it('a revoked key\'s tag and rules leave the device; the other key keeps its own', async () => {
    expectData(await gql(t.current, REVOKE, { id: keyIds[0] }, admin));
    await until('only key-2 tagged', () => same(oftags(lobby), { 'key-2': 'ctl-k2-2' }) && same(tags(lobby), ['ctl-k2-2']));
    await until('only key-2 rules', () => same(keyRules(lobby), ['ctl-key-2-2-ctl2-ap-24', 'ctl-key-2-2-own']));
    await until('APPLIED again', async () => (await overall()) === 'APPLIED');
  });

  it('a client of a key on one access point is in that key\'s tag on the other (cloud values), and leaves it', async () => {
    const cloud = (device: SimulatedDevice) => device.database.rows('Openflow_Tag').find((r) => r.name === 'ctl-k2-2')?.cloud_value;
    await until('both nodes carry the key-2 tag', () => tags(lobby2).includes('ctl-k2-2'));
    await associateClient(lobby, { ifName: 'ctl2-ap-24', mac: 'aa:bb:cc:00:22:01', keyId: 'key-2' });
    await until('the client in the other node\'s tag', () => same(cloud(lobby2), ['aa:bb:cc:00:22:01']));
    expect(cloud(lobby)).toEqual([]);
    await disassociateClient(lobby, 'aa:bb:cc:00:22:01');
    await until('the client out of it', () => same(cloud(lobby2), []));
  });

  it('refuses a pool change from support staff and a bad name, writing nothing', async () => {
    const support = await createSupportUser(t.current, groupId);
    expectErrorCode(await gql(t.current, UPDATE_POOL, { input: { id: poolId, isolateKeys: false } }, support.token), 'FORBIDDEN');
    const dataSource = t.current.app.get(DataSource);
    const audits = () => dataSource.createQueryBuilder().from('audit_events', 'a').getCount();
    const before = await audits();
    expectErrorCode(await gql(t.current, UPDATE_POOL, { input: { id: poolId, name: ' ', isolateKeys: false } }, admin), 'VALIDATION_FAILED');
    expectErrorCode(await gql(t.current, UPDATE_POOL, { input: { id: 'not-a-uuid' } }, admin), 'VALIDATION_FAILED');
    expect(await audits()).toBe(before);
    expect(tags(lobby)).toEqual(['ctl-k2-2']);
  });

  it('turning isolation off removes every tag and rule and clears the VIF\'s tags', async () => {
    const updated = expectData(await gql<{ updateKeyPool: { name: string; isolateKeys: boolean } }>(t.current, UPDATE_POOL, { input: { id: poolId, name: 'Residents 2026', isolateKeys: false } }, admin)).updateKeyPool;
    expect(updated).toEqual({ id: poolId, name: 'Residents 2026', isolateKeys: false });
    await until('no tag left', () => tags(lobby).length === 0 && keyRules(lobby).length === 0);
    await until('the VIF untagged', () => same(oftags(lobby), {}));
    expect(vifConfigs(lobby).find((r) => r.if_name === 'ctl2-ap-24')?.ap_bridge).toBe(true);
    await until('APPLIED without isolation', async () => (await overall()) === 'APPLIED');
  });
});
