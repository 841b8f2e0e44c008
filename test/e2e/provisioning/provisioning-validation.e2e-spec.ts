// Bad input is refused with VALIDATION_FAILED naming the offending fields, and nothing is
// written (row counts of every provisioning table, audit included, stay the same).

import { describeEachDatabase, expectData, expectErrorCode, gql, GqlResponse, useTestApp } from '../support';
import { createGroupWithAdmin, GroupWithAdmin } from '../support/roles';
import {
  CLAIM_NODE,
  CREATE_CUSTOMER,
  CREATE_NETWORK,
  createCustomer,
  CUSTOMER,
  CUSTOMERS,
  customerInput,
  CustomerView,
  LOCATION,
  locationInput,
  NETWORK,
  NetworkView,
  rowCounts,
  serial,
  UNCLAIM_NODE,
  UPDATE_LOCATION,
  UPDATE_NETWORK,
} from './provisioning-ops';

function fieldsOf(res: GqlResponse<unknown>): string[] {
  expectErrorCode(res, 'VALIDATION_FAILED');
  return ((res.errors?.[0]?.extensions?.fields ?? []) as { field: string }[]).map((f) => f.field);
}

const primary = (network: Record<string, unknown>) => customerInput({ location: locationInput({ primaryNetwork: network }) });

describeEachDatabase('provisioning validation', (db) => {
  const t = useTestApp(db);
  let tenant: GroupWithAdmin;
  let customer: CustomerView;

  beforeAll(async () => {
    tenant = await createGroupWithAdmin(t.current);
    customer = await createCustomer(t.current, tenant.adminToken);
  });

  const run = (query: string, variables: Record<string, unknown>) => gql(t.current, query, variables, tenant.adminToken);

  it('refuses oversized SSIDs (33 bytes, or 11 three-byte characters), short passphrases and unknown enums', async () => {
    const before = await rowCounts(t.current);
    const cases: [Record<string, unknown>, string[]][] = [
      [primary({ ssid: 'a'.repeat(33), securityMode: 'WPA2_PSK', passphrase: 'long enough' }), ['location.primaryNetwork.ssid']],
      [primary({ ssid: '€'.repeat(11), securityMode: 'WPA2_PSK', passphrase: 'long enough' }), ['location.primaryNetwork.ssid']],
      [primary({ ssid: 'Home', securityMode: 'WPA2_PSK', passphrase: 'short' }), ['location.primaryNetwork.passphrase']],
      [primary({ ssid: 'Home', securityMode: 'WPA2_PSK' }), ['location.primaryNetwork.passphrase']],
      [primary({ ssid: 'Home', securityMode: 'OPEN', passphrase: 'not allowed here' }), ['location.primaryNetwork.passphrase']],
      [primary({ ssid: 'Home', securityMode: 'WPA2_PSK', passphrase: 'long enough', bands: ['BAND_6G'] }), ['location.primaryNetwork.bands']],
      [customerInput({ email: 'not-an-email', name: ' ' }), ['name', 'email']],
      [customerInput({ location: locationInput({ timezone: 'Mars/Olympus', address: { country: 'Germany' } }) }), ['location.address.country', 'location.timezone']],
      [customerInput({ groupId: 'not-a-uuid' }), ['groupId']],
    ];
    for (const [input, fields] of cases) expect(fieldsOf(await run(CREATE_CUSTOMER, { input }))).toEqual(fields);
    const unknownEnum = await run(CREATE_CUSTOMER, { input: primary({ ssid: 'Home', securityMode: 'WEP', passphrase: 'long enough' }) });
    expectErrorCode(unknownEnum, 'VALIDATION_FAILED');
    const unknownField = await run(CREATE_CUSTOMER, { input: { ...customerInput(), plan: 'gold' } });
    expectErrorCode(unknownField, 'VALIDATION_FAILED');
    expect(await rowCounts(t.current)).toEqual(before);
  });

  it('refuses malformed ids, serials, keys and cursors before touching the database', async () => {
    const before = await rowCounts(t.current);
    expect(fieldsOf(await run(CUSTOMER, { id: 'not-a-uuid' }))).toEqual(['id']);
    expect(fieldsOf(await run(LOCATION, { id: "1' OR '1'='1" }))).toEqual(['id']);
    expect(fieldsOf(await run(NETWORK, { id: '42' }))).toEqual(['id']);
    expect(fieldsOf(await run(CLAIM_NODE, { locationId: 'nope', serial: serial() }))).toEqual(['locationId']);
    expect(fieldsOf(await run(CLAIM_NODE, { locationId: customer.locations[0].id, serial: 'has space' }))).toEqual(['serial']);
    expect(fieldsOf(await run(UNCLAIM_NODE, { id: 'x', reason: 'RMA' }))).toEqual(['id']);
    expect(fieldsOf(await run(CREATE_CUSTOMER, { input: customerInput(), key: 'has a space' }))).toEqual(['idempotencyKey']);
    expect(fieldsOf(await run(CUSTOMERS, { after: 'garbage' }))).toEqual(['after']);
    expect(fieldsOf(await run(CUSTOMERS, { first: 101 }))).toEqual(['first']);
    expect(await rowCounts(t.current)).toEqual(before);
  });

  it('refuses bad network and location changes and leaves the objects as they were', async () => {
    const home = customer.locations[0];
    const primaryNetwork = home.wifiNetworks[0];
    const before = await rowCounts(t.current);
    const past = new Date(Date.now() - 60_000).toISOString();
    const create = (input: Record<string, unknown>) => run(CREATE_NETWORK, { locationId: home.id, input: { kind: 'GUEST', ssid: 'G', securityMode: 'WPA3_SAE', passphrase: 'long enough', ...input } });
    expect(fieldsOf(await create({ expiresAt: past }))).toEqual(['expiresAt']);
    expect(fieldsOf(await create({ vlanId: 4095 }))).toEqual(['vlanId']);
    expect(fieldsOf(await create({ bands: [] }))).toEqual(['bands']);
    expect(fieldsOf(await create({ securityMode: 'WPA2_PSK', bands: ['BAND_5G', 'BAND_6G'], ssid: '€'.repeat(11) }))).toEqual(['ssid', 'bands']);
    expect(fieldsOf(await run(UPDATE_NETWORK, { id: primaryNetwork.id, input: { passphrase: 'short' } }))).toEqual(['passphrase']);
    expect(fieldsOf(await run(UPDATE_NETWORK, { id: primaryNetwork.id, input: { bands: ['BAND_6G'] } }))).toEqual(['bands']);
    expect(fieldsOf(await run(UPDATE_LOCATION, { id: home.id, input: { timezone: '+01:00' } }))).toEqual(['timezone']);
    expect(await rowCounts(t.current)).toEqual(before);
    const network = expectData(await gql<{ wifiNetwork: NetworkView }>(t.current, NETWORK, { id: primaryNetwork.id }, tenant.adminToken)).wifiNetwork;
    expect(network).toEqual(primaryNetwork);
  });
});
