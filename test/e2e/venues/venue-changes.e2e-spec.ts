// Changing a venue after it is set up, end to end with a simulated device at the lobby: a
// pooled network refuses OPEN, WPA3_SAE and 6 GHz (NETWORK_IN_KEY_POOL, nothing written);
// deleting a unit's location takes its keys off the lobby at once; a unit turned into a
// common area (and back) moves keys; a network taken out of its pool carries its own
// passphrase again; deleting the pool, then the venue, leaves the locations and networks.
// Support staff cannot change any of it; bad input is refused with nothing written.

import { DataSource } from 'typeorm';
import { SimulatedDevice } from '@lib/device-sim';
import { CLAIM_NODE, CREATE_LOCATION, CREATE_NETWORK, createCustomer, DELETE_LOCATION, locationInput, NETWORK, UPDATE_NETWORK } from '../provisioning/provisioning-ops';
import { createGroupWithAdmin, createSupportUser, describeEachDatabase, expectData, expectErrorCode, gql, useTestApp } from '../support';
import { SimHandle, startSimDevice, until, vifConfigs } from '../reconciliation/sim-device';

const CREATE_VENUE = `mutation ($input: CreateVenueInput!) { createVenue(input: $input) { id } }`;
const UPDATE_VENUE = `mutation ($input: UpdateVenueInput!) { updateVenue(input: $input) { id name address timeZone } }`;
const DELETE_VENUE = `mutation ($id: ID!) { deleteVenue(id: $id) { id } }`;
const CREATE_UNIT = `mutation ($input: CreateVenueUnitInput!) { createVenueUnit(input: $input) { id } }`;
const UPDATE_UNIT = `mutation ($input: UpdateVenueUnitInput!) { updateVenueUnit(input: $input) { id name kind } }`;
const CREATE_POOL = `mutation ($input: CreateKeyPoolInput!) { createKeyPool(input: $input) { id } }`;
const DELETE_POOL = `mutation ($id: ID!) { deleteKeyPool(id: $id) { id } }`;
const REMOVE_NETWORK = `mutation ($poolId: ID!, $networkId: ID!) { removeKeyPoolNetwork(poolId: $poolId, networkId: $networkId) { id networks { networkId } } }`;
const ADD_NETWORKS = `mutation ($poolId: ID!, $networkIds: [ID!]!) { addKeyPoolNetworks(poolId: $poolId, networkIds: $networkIds) { id networks { networkId } } }`;
const ISSUE = `mutation ($input: IssuePersonalKeyInput!) { issuePersonalKey(input: $input) { id keyName passphrase } }`;

const psks = (device: SimulatedDevice): Record<string, string> | undefined => {
  const row = vifConfigs(device).find((r) => r.if_name === 'ctl2-ap-24');
  return row === undefined ? undefined : Object.fromEntries(row.wpa_psks as Map<string, string>);
};
const keyNames = (device: SimulatedDevice): string[] => Object.keys(psks(device) ?? {}).sort();
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

describeEachDatabase('changing a venue, its units and pools', (db) => {
  const t = useTestApp(db);
  let admin: string;
  let groupId: string;
  let venueId: string;
  let poolId: string;
  let subscriberId: string;
  let unitA: string;
  let lobbyUnit: string;
  let unitBLocation: string;
  let lobbyNetwork: string;
  let unitANetwork: string;
  let sim: SimHandle;
  let lobby: SimulatedDevice;

  const networkAt = async (locationId: string) =>
    expectData(await gql<{ createWifiNetwork: { id: string } }>(t.current, CREATE_NETWORK, { locationId, input: { kind: 'IOT', isolated: false, ssid: 'Mill Residents', securityMode: 'WPA2_PSK', passphrase: 'own network passphrase', bands: ['BAND_2_4G'] } }, admin)).createWifiNetwork.id;
  const issue = async (unitId: string | null) => expectData(await gql<{ issuePersonalKey: { keyName: string } }>(t.current, ISSUE, { input: { poolId, customerId: subscriberId, unitId } }, admin)).issuePersonalKey;

  beforeAll(async () => {
    ({ adminToken: admin, groupId } = await createGroupWithAdmin(t.current));
    const [a, b, hall] = [await createCustomer(t.current, admin), await createCustomer(t.current, admin), await createCustomer(t.current, admin)];
    subscriberId = a.id;
    // Unit B is the second location of its customer, so it can be deleted.
    unitBLocation = expectData(await gql<{ createLocation: { id: string } }>(t.current, CREATE_LOCATION, { customerId: b.id, input: locationInput({ name: 'Flat B' }) }, admin)).createLocation.id;
    venueId = expectData(await gql<{ createVenue: { id: string } }>(t.current, CREATE_VENUE, { input: { name: 'The Mill', timeZone: 'Europe/London' } }, admin)).createVenue.id;
    const unit = async (locationId: string, name: string, kind: string) => expectData(await gql<{ createVenueUnit: { id: string } }>(t.current, CREATE_UNIT, { input: { venueId, locationId, name, kind } }, admin)).createVenueUnit.id;
    unitA = await unit(a.locations[0].id, 'Flat A', 'UNIT');
    const unitB = await unit(unitBLocation, 'Flat B', 'UNIT');
    lobbyUnit = await unit(hall.locations[0].id, 'Hall', 'COMMON_AREA');
    unitANetwork = await networkAt(a.locations[0].id);
    const unitBNetwork = await networkAt(unitBLocation);
    lobbyNetwork = await networkAt(hall.locations[0].id);
    poolId = expectData(await gql<{ createKeyPool: { id: string } }>(t.current, CREATE_POOL, { input: { venueId, name: 'Residents', networkIds: [unitANetwork, unitBNetwork, lobbyNetwork] } }, admin)).createKeyPool.id;
    expect(await issue(unitA)).toMatchObject({ keyName: 'key-1' });
    expect(await issue(unitB)).toMatchObject({ keyName: 'key-2' });
    const serial = `VCHG${db.toUpperCase()}`;
    sim = await startSimDevice(t.current, serial, { behaviour: { applyDelayMs: 20 } });
    lobby = sim.device;
    expectData(await gql(t.current, CLAIM_NODE, { locationId: hall.locations[0].id, serial }, admin));
    await until('the lobby carries both keys', () => same(keyNames(lobby), ['key-1', 'key-2']));
  });

  afterAll(async () => {
    await sim?.stop();
  });

  it('refuses to switch a pooled network to OPEN, WPA3_SAE or 6 GHz, and writes nothing', async () => {
    const dataSource = t.current.app.get(DataSource);
    const audits = () => dataSource.createQueryBuilder().from('audit_events', 'a').getCount();
    const before = await audits();
    for (const input of [{ securityMode: 'OPEN' }, { securityMode: 'WPA3_SAE' }, { securityMode: 'WPA2_WPA3', bands: ['BAND_2_4G', 'BAND_6G'] }]) {
      const refused = expectErrorCode(await gql(t.current, UPDATE_NETWORK, { id: lobbyNetwork, input }, admin), 'NETWORK_IN_KEY_POOL');
      expect(refused.message).toContain(poolId);
    }
    expect(expectData(await gql<{ wifiNetwork: { securityMode: string; bands: string[] } }>(t.current, NETWORK, { id: lobbyNetwork }, admin)).wifiNetwork).toMatchObject({ securityMode: 'WPA2_PSK', bands: ['BAND_2_4G'] });
    expect(await audits()).toBe(before);
    // WPA2_WPA3 still carries personal keys; a change of the SSID is none of the pool's business.
    expectData(await gql(t.current, UPDATE_NETWORK, { id: lobbyNetwork, input: { securityMode: 'WPA2_WPA3' } }, admin));
  });

  it('deleting a unit\'s location takes its keys off the lobby at once', async () => {
    expectData(await gql(t.current, DELETE_LOCATION, { id: unitBLocation }, admin));
    await until('key-2 gone from the lobby', () => same(keyNames(lobby), ['key-1']));
  });

  it('a unit turned into a common area and back moves the keys', async () => {
    const support = await createSupportUser(t.current, groupId);
    expectErrorCode(await gql(t.current, UPDATE_UNIT, { input: { id: lobbyUnit, kind: 'UNIT' } }, support.token), 'FORBIDDEN');
    expectErrorCode(await gql(t.current, UPDATE_UNIT, { input: { id: lobbyUnit, name: '' } }, admin), 'VALIDATION_FAILED');
    expect(expectData(await gql<{ updateVenueUnit: { kind: string } }>(t.current, UPDATE_UNIT, { input: { id: lobbyUnit, kind: 'UNIT' } }, admin)).updateVenueUnit.kind).toBe('UNIT');
    // Key-1 belongs to flat A: a hall that is a unit of its own no longer carries it, and no key is left there.
    await until('the hall offers no pool VIF', () => psks(lobby) === undefined);
    expectData(await gql(t.current, UPDATE_UNIT, { input: { id: lobbyUnit, name: 'Main hall', kind: 'COMMON_AREA' } }, admin));
    await until('key-1 back at the hall', () => same(keyNames(lobby), ['key-1']));
  });

  it('a network taken out of its pool carries its own passphrase again', async () => {
    const pool = expectData(await gql<{ removeKeyPoolNetwork: { networks: { networkId: string }[] } }>(t.current, REMOVE_NETWORK, { poolId, networkId: lobbyNetwork }, admin)).removeKeyPoolNetwork;
    expect(pool.networks.map((n) => n.networkId)).not.toContain(lobbyNetwork);
    await until('the own passphrase at the hall', () => same(psks(lobby), { 'key--1': 'own network passphrase' }));
    expectErrorCode(await gql(t.current, REMOVE_NETWORK, { poolId, networkId: lobbyNetwork }, admin), 'NOT_FOUND');
    // Back into the pool: the hall carries the keys again; twice at one location is refused.
    const added = expectData(await gql<{ addKeyPoolNetworks: { networks: { networkId: string }[] } }>(t.current, ADD_NETWORKS, { poolId, networkIds: [lobbyNetwork] }, admin)).addKeyPoolNetworks;
    expect(added.networks.map((n) => n.networkId)).toContain(lobbyNetwork);
    await until('key-1 back at the hall', () => same(keyNames(lobby), ['key-1']));
    expectErrorCode(await gql(t.current, ADD_NETWORKS, { poolId, networkIds: [lobbyNetwork] }, admin), 'VALIDATION_FAILED');
    expectData(await gql(t.current, REMOVE_NETWORK, { poolId, networkId: lobbyNetwork }, admin));
    // Out of the pool, the network may be anything again.
    expectData(await gql(t.current, UPDATE_NETWORK, { id: lobbyNetwork, input: { securityMode: 'WPA3_SAE' } }, admin));
  });

  it('renames the venue; refuses a bad time zone; deleting the pool, then the venue, keeps locations and networks', async () => {
    expect(expectData(await gql<{ updateVenue: Record<string, unknown> }>(t.current, UPDATE_VENUE, { input: { id: venueId, name: 'The Old Mill', address: '2 Weir Lane' } }, admin)).updateVenue).toEqual({ id: venueId, name: 'The Old Mill', address: '2 Weir Lane', timeZone: 'Europe/London' });
    expectErrorCode(await gql(t.current, UPDATE_VENUE, { input: { id: venueId, timeZone: 'Mars/Olympus' } }, admin), 'VALIDATION_FAILED');
    const support = await createSupportUser(t.current, groupId);
    expectErrorCode(await gql(t.current, DELETE_VENUE, { id: venueId }, support.token), 'FORBIDDEN');
    const dataSource = t.current.app.get(DataSource);
    const count = (table: string) => dataSource.createQueryBuilder().from(table, 'x').getCount();
    expectData(await gql(t.current, DELETE_POOL, { id: poolId }, admin));
    expect(await dataSource.createQueryBuilder().from('personal_keys', 'k').where('k.pool_id = :poolId', { poolId }).getCount()).toBe(0);
    expect(expectData(await gql<{ wifiNetwork: { id: string } }>(t.current, NETWORK, { id: unitANetwork }, admin)).wifiNetwork.id).toBe(unitANetwork);
    const networksBefore = await count('wifi_networks');
    expectData(await gql(t.current, DELETE_VENUE, { id: venueId }, admin));
    expect(await dataSource.createQueryBuilder().from('venue_units', 'u').where('u.venue_id = :venueId', { venueId }).getCount()).toBe(0);
    expect(await count('wifi_networks')).toBe(networksBefore);
    expectErrorCode(await gql(t.current, DELETE_VENUE, { id: venueId }, admin), 'NOT_FOUND');
  });
});
