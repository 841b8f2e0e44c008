// Personal keys end to end with simulated devices: a venue with two units and a lobby, a
// key pool on one network per location, devices at unit A and at the lobby. A key of unit A
// reaches unit A and the lobby, one of unit B only the lobby; a rotation changes one entry
// of wpa_psks and leaves the others, and kicks the clients still on the old passphrase; a key whose window ends leaves the devices with nobody
// acting and its client is kicked; a revoked key's client too; the 65th key at the lobby is refused and nothing is written; support staff read
// keys without passphrases; the audit never holds one.

import { DataSource } from 'typeorm';
import { SimulatedDevice } from '@lib/device-sim';
import { associateClient } from '../clients/sim-clients';
import { CLAIM_NODE, CREATE_NETWORK, createCustomer } from '../provisioning/provisioning-ops';
import { createGroupWithAdmin, createSupportUser, describeEachDatabase, expectData, expectErrorCode, gql, useTestApp } from '../support';
import { SimHandle, startSimDevice, until, vifConfigs } from '../reconciliation/sim-device';

const KEY_FIELDS = 'id slot keyName state passphrase unitId validFrom validUntil';
const CREATE_VENUE = `mutation ($input: CreateVenueInput!) { createVenue(input: $input) { id name timeZone } }`;
const CREATE_UNIT = `mutation ($input: CreateVenueUnitInput!) { createVenueUnit(input: $input) { id locationId kind } }`;
const CREATE_POOL = `mutation ($input: CreateKeyPoolInput!) { createKeyPool(input: $input) { id networks { networkId locationId } } }`;
const ISSUE = `mutation ($input: IssuePersonalKeyInput!) { issuePersonalKey(input: $input) { ${KEY_FIELDS} } }`;
const ROTATE = `mutation ($id: ID!, $input: RotatePersonalKeyInput) { rotatePersonalKey(id: $id, input: $input) { ${KEY_FIELDS} } }`;
const REVOKE = `mutation ($id: ID!) { revokePersonalKey(id: $id) { ${KEY_FIELDS} } }`;
const SUSPEND = `mutation ($id: ID!) { suspendPersonalKey(id: $id) { ${KEY_FIELDS} } }`;
const RESUME = `mutation ($id: ID!) { resumePersonalKey(id: $id) { ${KEY_FIELDS} } }`;
const KEY = `query ($id: ID!) { personalKey(id: $id) { ${KEY_FIELDS} sessions { mac } } }`;

interface KeyView {
  id: string;
  slot: number;
  keyName: string;
  state: string;
  passphrase: string | null;
  unitId: string | null;
}

/** wpa_psks of the pool network's 2.4 GHz VIF on a device (slot 2: the network after PRIMARY). */
function psks(device: SimulatedDevice): Record<string, string> | undefined {
  const row = vifConfigs(device).find((r) => r.if_name === 'ctl2-ap-24');
  return row === undefined ? undefined : Object.fromEntries(row.wpa_psks as Map<string, string>);
}

/** The blacklist of the pool network's 2.4 GHz VIF: where a kicked client shows. */
function blacklist(device: SimulatedDevice): string[] {
  const row = vifConfigs(device).find((r) => r.if_name === 'ctl2-ap-24');
  return row?.mac_list_type === 'blacklist' && Array.isArray(row.mac_list) ? (row.mac_list as string[]) : [];
}

const sameKeys = (device: SimulatedDevice, want: Record<string, string>) => JSON.stringify(psks(device)) === JSON.stringify(want);

describeEachDatabase('personal keys on a venue with simulated devices', (db) => {
  const t = useTestApp(db);
  let admin: string;
  let groupId: string;
  let subscriberId: string;
  let poolId: string;
  let unitA: string;
  let unitB: string;
  let lobbyLocation: string;
  const sims: SimHandle[] = [];
  let simA: SimulatedDevice;
  let simLobby: SimulatedDevice;
  const issued: KeyView[] = [];

  const issue = async (input: Record<string, unknown>): Promise<KeyView> => {
    const key = expectData(await gql<{ issuePersonalKey: KeyView }>(t.current, ISSUE, { input: { poolId, customerId: subscriberId, ...input } }, admin)).issuePersonalKey;
    issued.push(key);
    return key;
  };

  beforeAll(async () => {
    ({ adminToken: admin, groupId } = await createGroupWithAdmin(t.current));
    const [a, b, lobby] = [await createCustomer(t.current, admin), await createCustomer(t.current, admin), await createCustomer(t.current, admin)];
    subscriberId = a.id;
    lobbyLocation = lobby.locations[0].id;
    const venue = expectData(await gql<{ createVenue: { id: string } }>(t.current, CREATE_VENUE, { input: { name: 'Harbour House', address: '1 Quay St', timeZone: 'Europe/Paris' } }, admin)).createVenue;
    const unit = async (locationId: string, name: string, kind: string) =>
      expectData(await gql<{ createVenueUnit: { id: string } }>(t.current, CREATE_UNIT, { input: { venueId: venue.id, locationId, name, kind } }, admin)).createVenueUnit.id;
    unitA = await unit(a.locations[0].id, 'Apt A', 'UNIT');
    unitB = await unit(b.locations[0].id, 'Apt B', 'UNIT');
    await unit(lobbyLocation, 'Lobby', 'COMMON_AREA');
    const networkIds: string[] = [];
    for (const customer of [a, b, lobby]) {
      const input = { kind: 'IOT', isolated: false, ssid: 'Harbour Residents', securityMode: 'WPA2_PSK', passphrase: 'network passphrase', bands: ['BAND_2_4G'] };
      networkIds.push(expectData(await gql<{ createWifiNetwork: { id: string } }>(t.current, CREATE_NETWORK, { locationId: customer.locations[0].id, input }, admin)).createWifiNetwork.id);
    }
    poolId = expectData(await gql<{ createKeyPool: { id: string } }>(t.current, CREATE_POOL, { input: { venueId: venue.id, name: 'Residents', networkIds } }, admin)).createKeyPool.id;
    for (const [location, serial] of [[a.locations[0].id, `VENA${db.toUpperCase()}`], [lobbyLocation, `VENL${db.toUpperCase()}`]]) {
      const sim = await startSimDevice(t.current, serial, { behaviour: { applyDelayMs: 50 } });
      sims.push(sim);
      expectData(await gql(t.current, CLAIM_NODE, { locationId: location, serial }, admin));
    }
    [simA, simLobby] = sims.map((s) => s.device);
    // No key yet: the pool network is offered nowhere (the PRIMARY is).
    await until('the PRIMARY VIF', () => vifConfigs(simLobby).some((r) => r.if_name === 'ctl1-ap-24'));
  });

  afterAll(async () => {
    for (const sim of sims) await sim.stop();
  });

  it('puts each key on the VIFs of its unit and the common areas only, with stable key-N names', async () => {
    const k1 = await issue({ unitId: unitA, userPart: 'apt-a-' });
    const k2 = await issue({ unitId: unitB, passphrase: 'imported passphrase B' });
    expect(k1).toMatchObject({ slot: 1, keyName: 'key-1', state: 'ACTIVE' });
    expect(k1.passphrase).toMatch(/^apt-a-[A-Za-z0-9]{10}$/);
    expect(k2).toMatchObject({ slot: 2, keyName: 'key-2', passphrase: 'imported passphrase B' });
    await until('unit A carries key-1 only', () => sameKeys(simA, { 'key-1': k1.passphrase as string }));
    await until('the lobby carries both', () => sameKeys(simLobby, { 'key-1': k1.passphrase as string, 'key-2': 'imported passphrase B' }));
    expect(vifConfigs(simLobby).find((r) => r.if_name === 'ctl2-ap-24')).toMatchObject({ wpa: true, wpa_key_mgmt: ['wpa-psk'], ssid: 'Harbour Residents' });

    const support = await createSupportUser(t.current, groupId);
    const seen = expectData(await gql<{ personalKey: KeyView & { sessions: unknown[] } }>(t.current, KEY, { id: k1.id }, support.token)).personalKey;
    expect(seen).toMatchObject({ keyName: 'key-1', passphrase: null, sessions: [] });
    expectErrorCode(await gql(t.current, REVOKE, { id: k1.id }, support.token), 'FORBIDDEN');
  });

  it('refuses bad input with a clear code and writes nothing', async () => {
    const dataSource = t.current.app.get(DataSource);
    const counts = async () => Promise.all(['venues', 'key_pools', 'key_pool_networks', 'personal_keys', 'audit_events'].map((table) => dataSource.createQueryBuilder().from(table, 'x').getCount()));
    const before = await counts();
    const outsider = await createCustomer(t.current, admin);
    const fields = (res: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
      (res.errors?.[0]?.extensions?.fields as { field: string }[] | undefined)?.map((f) => f.field);
    const badZone = await gql(t.current, CREATE_VENUE, { input: { name: 'Nowhere', timeZone: 'Mars/Olympus' } }, admin);
    expectErrorCode(badZone, 'VALIDATION_FAILED');
    expect(fields(badZone)).toEqual(['timeZone']);
    const { venueId } = expectData(await gql<{ keyPool: { venueId: string } }>(t.current, `query ($id: ID!) { keyPool(id: $id) { venueId } }`, { id: poolId }, admin)).keyPool;
    const notAtVenue = await gql(t.current, CREATE_POOL, { input: { venueId, name: 'Bad', networkIds: [outsider.locations[0].wifiNetworks[0].id] } }, admin);
    expectErrorCode(notAtVenue, 'VALIDATION_FAILED');
    expect(fields(notAtVenue)).toEqual(['networkIds[0]']);
    const both = await gql(t.current, ISSUE, { input: { poolId, customerId: subscriberId, userPart: 'a-', passphrase: 'imported passphrase' } }, admin);
    expectErrorCode(both, 'VALIDATION_FAILED');
    expect(fields(both)).toEqual(['passphrase']);
    const window = await gql(t.current, ISSUE, { input: { poolId, customerId: subscriberId, validFrom: '2030-01-02T00:00:00Z', validUntil: '2030-01-01T00:00:00Z' } }, admin);
    expectErrorCode(window, 'VALIDATION_FAILED');
    expect(fields(window)).toEqual(['validUntil']);
    expectErrorCode(await gql(t.current, ISSUE, { input: { poolId, customerId: subscriberId, passphrase: 'imported passphrase B' } }, admin), 'CONFLICT');
    expectErrorCode(await gql(t.current, ISSUE, { input: { poolId, customerId: outsider.id, unitId: poolId } }, admin), 'VALIDATION_FAILED');
    // The outsider customer's creation wrote its own audit entry; nothing else changed.
    expect((await counts()).slice(0, 4)).toEqual(before.slice(0, 4));
  });

  it('a rotation changes one key and leaves the others; clients still on the old passphrase are kicked', async () => {
    const [k1, k2] = issued;
    await associateClient(simLobby, { ifName: 'ctl2-ap-24', mac: 'aa:bb:cc:00:01:01', keyId: 'key-1' });
    await associateClient(simLobby, { ifName: 'ctl2-ap-24', mac: 'aa:bb:cc:00:02:02', keyId: 'key-2' });
    await until('both sessions seen', async () => {
      const seen = await Promise.all([k1, k2].map(async (k) => expectData(await gql<{ personalKey: { sessions: { mac: string }[] } }>(t.current, KEY, { id: k.id }, admin)).personalKey.sessions.length));
      return seen.every((n) => n > 0);
    });
    // Another key's passphrase is refused, as on issue (two residents could not be told apart).
    expectErrorCode(await gql(t.current, ROTATE, { id: k1.id, input: { passphrase: k2.passphrase } }, admin), 'CONFLICT');
    const rotated = expectData(await gql<{ rotatePersonalKey: KeyView }>(t.current, ROTATE, { id: k1.id, input: { userPart: 'new-a-' } }, admin)).rotatePersonalKey;
    expect(rotated).toMatchObject({ slot: 1, keyName: 'key-1' });
    expect(rotated.passphrase).not.toBe(k1.passphrase);
    await until('the lobby carries the rotated key-1', () => sameKeys(simLobby, { 'key-1': rotated.passphrase as string, 'key-2': k2.passphrase as string }));
    await until('unit A too', () => sameKeys(simA, { 'key-1': rotated.passphrase as string }));
    await until('the key-1 client from before the rotation blocked', () => blacklist(simLobby).includes('aa:bb:cc:00:01:01'));
    expect(blacklist(simLobby)).not.toContain('aa:bb:cc:00:02:02');
    issued[0] = rotated;
  });

  it('a key whose window ends leaves the devices without anyone acting', async () => {
    const short = await issue({ unitId: unitA, validUntil: new Date(Date.now() + 2500).toISOString() });
    expect(short.keyName).toBe('key-3');
    await until('unit A carries key-3', () => psks(simA)?.['key-3'] === short.passphrase);
    await associateClient(simA, { ifName: 'ctl2-ap-24', mac: 'aa:bb:cc:00:03:01', keyId: 'key-3' });
    await until('key-3 gone from unit A', () => psks(simA) !== undefined && !('key-3' in (psks(simA) ?? {})));
    await until('key-3 gone from the lobby', () => !('key-3' in (psks(simLobby) ?? {})));
    expect(Object.keys(psks(simA) ?? {})).toEqual(['key-1']);
    // Its client is kicked: blacklisted on the node's VIFs.
    await until('the key-3 client blocked', () => blacklist(simA).includes('aa:bb:cc:00:03:01'));
    const state = expectData(await gql<{ personalKey: KeyView }>(t.current, KEY, { id: short.id }, admin)).personalKey.state;
    expect(state).toBe('EXPIRED');
  });

  it('refuses the 65th key at the lobby, naming it, and writes nothing', async () => {
    // key-1 and key-2 are at the lobby; 62 keys without a unit fill it to 64.
    for (let i = 0; i < 62; i++) await issue({});
    const dataSource = t.current.app.get(DataSource);
    const count = () => dataSource.createQueryBuilder().from('personal_keys', 'k').getCount();
    const audits = () => dataSource.createQueryBuilder().from('audit_events', 'a').getCount();
    const [keysBefore, auditsBefore] = [await count(), await audits()];
    const refused = expectErrorCode(await gql(t.current, ISSUE, { input: { poolId, customerId: subscriberId } }, admin), 'KEY_CAPACITY_EXCEEDED');
    expect(refused.message).toContain(lobbyLocation);
    expect(refused.message).toContain('65');
    expect([await count(), await audits()]).toEqual([keysBefore, auditsBefore]);
    await until('64 keys on the lobby VIF', () => Object.keys(psks(simLobby) ?? {}).length === 64);
    expect(psks(simLobby)?.['key-1']).toBe(issued[0].passphrase);
  });

  it('a suspended key leaves the devices; resuming it needs room at every location', async () => {
    const k1 = issued[0];
    expect(expectData(await gql<{ suspendPersonalKey: KeyView }>(t.current, SUSPEND, { id: k1.id }, admin)).suspendPersonalKey.state).toBe('SUSPENDED');
    await until('key-1 gone from the lobby', () => psks(simLobby) !== undefined && !('key-1' in (psks(simLobby) ?? {})));
    await until('key-1 gone from unit A', () => psks(simA) !== undefined && !('key-1' in (psks(simA) ?? {})));
    const filler = await issue({});
    await until('the filler at the lobby', () => Object.keys(psks(simLobby) ?? {}).length === 64);
    expect(filler.unitId).toBeNull();
    const refused = expectErrorCode(await gql(t.current, RESUME, { id: k1.id }, admin), 'KEY_CAPACITY_EXCEEDED');
    expect(refused.message).toContain(lobbyLocation);
    expect(expectData(await gql<{ personalKey: KeyView }>(t.current, KEY, { id: k1.id }, admin)).personalKey.state).toBe('SUSPENDED');
    expectData(await gql(t.current, REVOKE, { id: filler.id }, admin));
    expect(expectData(await gql<{ resumePersonalKey: KeyView }>(t.current, RESUME, { id: k1.id }, admin)).resumePersonalKey.state).toBe('ACTIVE');
    await until('key-1 back at the lobby', () => psks(simLobby)?.['key-1'] === k1.passphrase);
    expectErrorCode(await gql(t.current, RESUME, { id: k1.id }, admin), 'PRECONDITION_FAILED');
  });

  it('revoking a key takes it off the devices and kicks its client; the audit holds no passphrase', async () => {
    const k2 = issued[1];
    await associateClient(simLobby, { ifName: 'ctl2-ap-24', mac: 'aa:bb:cc:00:02:01', keyId: 'key-2' });
    await until('the key-2 session', async () => {
      const key = expectData(await gql<{ personalKey: { sessions: { mac: string }[] } }>(t.current, KEY, { id: k2.id }, admin)).personalKey;
      return key.sessions.some((s) => s.mac === 'aa:bb:cc:00:02:01');
    });
    expect(blacklist(simLobby)).not.toContain('aa:bb:cc:00:02:01');
    expect(expectData(await gql<{ revokePersonalKey: KeyView }>(t.current, REVOKE, { id: k2.id }, admin)).revokePersonalKey.state).toBe('REVOKED');
    await until('key-2 gone from the lobby', () => psks(simLobby) !== undefined && !('key-2' in (psks(simLobby) ?? {})));
    await until('the key-2 client blocked', () => blacklist(simLobby).includes('aa:bb:cc:00:02:01'));
    const dataSource = t.current.app.get(DataSource);
    const rows = await dataSource.createQueryBuilder().select(['a.before', 'a.after']).from('audit_events', 'a').where("a.object_type = 'personalKey'").getRawMany<Record<string, unknown>>();
    expect(rows.length).toBeGreaterThan(60);
    const text = JSON.stringify(rows);
    for (const key of issued) if (key.passphrase) expect(text).not.toContain(key.passphrase);
  });
});
