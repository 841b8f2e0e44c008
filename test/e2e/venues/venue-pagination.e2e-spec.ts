// Pages of venues and of a pool's keys: by name and by slot, with cursors both ways and the
// total; scoped to the caller's groups; a page too large is refused.

import { createCustomer } from '../provisioning/provisioning-ops';
import { createGroupWithAdmin, describeEachDatabase, expectData, expectErrorCode, gql, useTestApp } from '../support';

const CREATE_VENUE = `mutation ($input: CreateVenueInput!) { createVenue(input: $input) { id } }`;
const CREATE_UNIT = `mutation ($input: CreateVenueUnitInput!) { createVenueUnit(input: $input) { id } }`;
const CREATE_NETWORK = `mutation ($locationId: ID!, $input: CreateWifiNetworkInput!) { createWifiNetwork(locationId: $locationId, input: $input) { id } }`;
const CREATE_POOL = `mutation ($input: CreateKeyPoolInput!) { createKeyPool(input: $input) { id } }`;
const ISSUE = `mutation ($input: IssuePersonalKeyInput!) { issuePersonalKey(input: $input) { id } }`;
const VENUES = `query ($first: Int, $after: String, $last: Int, $before: String) { venues(first: $first, after: $after, last: $last, before: $before) { totalCount edges { cursor node { name } } pageInfo { hasNextPage hasPreviousPage endCursor startCursor } } }`;
const KEYS = `query ($id: ID!, $first: Int, $after: String) { keyPool(id: $id) { keys(first: $first, after: $after) { totalCount edges { node { keyName } } pageInfo { hasNextPage endCursor } } } }`;

interface Page<T> {
  totalCount: number;
  edges: { node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage?: boolean; endCursor: string | null; startCursor?: string | null };
}

describeEachDatabase('pages of venues and of a pool\'s keys', (db) => {
  const t = useTestApp(db);
  let admin: string;
  let other: string;
  let poolId: string;

  beforeAll(async () => {
    ({ adminToken: admin } = await createGroupWithAdmin(t.current));
    ({ adminToken: other } = await createGroupWithAdmin(t.current));
    for (const name of ['Delta', 'Alpha', 'Echo', 'Charlie', 'Bravo']) expectData(await gql(t.current, CREATE_VENUE, { input: { name, timeZone: 'UTC' } }, admin));
    expectData(await gql(t.current, CREATE_VENUE, { input: { name: 'Elsewhere', timeZone: 'UTC' } }, other));
    const customer = await createCustomer(t.current, admin);
    const venueId = expectData(await gql<{ createVenue: { id: string } }>(t.current, CREATE_VENUE, { input: { name: 'Foxtrot', timeZone: 'UTC' } }, admin)).createVenue.id;
    expectData(await gql(t.current, CREATE_UNIT, { input: { venueId, locationId: customer.locations[0].id, name: 'Hall', kind: 'COMMON_AREA' } }, admin));
    const input = { kind: 'IOT', isolated: false, ssid: 'Paged', securityMode: 'WPA2_PSK', passphrase: 'network passphrase', bands: ['BAND_2_4G'] };
    const networkId = expectData(await gql<{ createWifiNetwork: { id: string } }>(t.current, CREATE_NETWORK, { locationId: customer.locations[0].id, input }, admin)).createWifiNetwork.id;
    poolId = expectData(await gql<{ createKeyPool: { id: string } }>(t.current, CREATE_POOL, { input: { venueId, name: 'Paged', networkIds: [networkId] } }, admin)).createKeyPool.id;
    for (let i = 0; i < 12; i++) expectData(await gql(t.current, ISSUE, { input: { poolId, customerId: customer.id } }, admin));
  });

  it('pages venues by name, forwards and backwards, within the caller\'s groups', async () => {
    const first = expectData(await gql<{ venues: Page<{ name: string }> }>(t.current, VENUES, { first: 2 }, admin)).venues;
    expect(first.totalCount).toBe(6);
    expect(first.edges.map((e) => e.node.name)).toEqual(['Alpha', 'Bravo']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = expectData(await gql<{ venues: Page<{ name: string }> }>(t.current, VENUES, { first: 3, after: first.pageInfo.endCursor }, admin)).venues;
    expect(second.edges.map((e) => e.node.name)).toEqual(['Charlie', 'Delta', 'Echo']);
    const back = expectData(await gql<{ venues: Page<{ name: string }> }>(t.current, VENUES, { last: 2, before: second.pageInfo.startCursor }, admin)).venues;
    expect(back.edges.map((e) => e.node.name)).toEqual(['Alpha', 'Bravo']);
    const theirs = expectData(await gql<{ venues: Page<{ name: string }> }>(t.current, VENUES, {}, other)).venues;
    expect(theirs.edges.map((e) => e.node.name)).toEqual(['Elsewhere']);
    expectErrorCode(await gql(t.current, VENUES, { first: 101 }, admin), 'VALIDATION_FAILED');
  });

  it('pages a pool\'s keys by slot (key-10 after key-9, not after key-1)', async () => {
    const names: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page<{ keyName: string }> = expectData(await gql<{ keyPool: { keys: Page<{ keyName: string }> } }>(t.current, KEYS, { id: poolId, first: 5, after }, admin)).keyPool.keys;
      expect(page.totalCount).toBe(12);
      names.push(...page.edges.map((e) => e.node.keyName));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(names).toEqual(Array.from({ length: 12 }, (_, i) => `key-${i + 1}`));
  });
});
