// Inputs that must be refused (and a mode switch that must not be): an unassigned country
// code, `null` for a setting that cannot be cleared, and switching a network whose bands
// the user never chose to OPEN.

import { describeEachDatabase, expectData, expectErrorCode, gql, GqlResponse, useTestApp } from '../support';
import { createGroupWithAdmin, GroupWithAdmin } from '../support/roles';
import { CREATE_CUSTOMER, CREATE_NETWORK, createCustomer, customerInput, locationInput, NETWORK, NetworkView, rowCounts, UPDATE_NETWORK, UPDATE_NETWORKS } from './provisioning-ops';

function fieldsOf(res: GqlResponse<unknown>): string[] {
  expectErrorCode(res, 'VALIDATION_FAILED');
  return ((res.errors?.[0]?.extensions?.fields ?? []) as { field: string }[]).map((f) => f.field);
}

describeEachDatabase('provisioning refusals', (db) => {
  const t = useTestApp(db);
  let tenant: GroupWithAdmin;
  let locationId: string;

  beforeAll(async () => {
    tenant = await createGroupWithAdmin(t.current);
    locationId = (await createCustomer(t.current, tenant.adminToken)).locations[0].id;
  });

  const run = (query: string, variables: Record<string, unknown>) => gql(t.current, query, variables, tenant.adminToken);

  async function guestNetwork(input: Record<string, unknown>): Promise<NetworkView> {
    const res = await run(CREATE_NETWORK, { locationId, input: { kind: 'GUEST', ssid: 'Guests', ...input } });
    return expectData(res as GqlResponse<{ createWifiNetwork: NetworkView }>).createWifiNetwork;
  }

  it('refuses a country code that is not an assigned ISO 3166-1 alpha-2 code', async () => {
    const before = await rowCounts(t.current);
    for (const country of ['XX', 'UK', 'de']) {
      const input = customerInput({ location: locationInput({ address: { country } }) });
      expect(fieldsOf(await run(CREATE_CUSTOMER, { input }))).toEqual(['location.address.country']);
    }
    expect(await rowCounts(t.current)).toEqual(before);
  });

  it('refuses null for a setting that cannot be cleared, naming the field, and writes nothing', async () => {
    const network = await guestNetwork({ securityMode: 'WPA2_PSK', passphrase: 'long enough' });
    const before = await rowCounts(t.current);
    expect(fieldsOf(await run(UPDATE_NETWORK, { id: network.id, input: { ssid: null } }))).toEqual(['ssid']);
    expect(fieldsOf(await run(UPDATE_NETWORK, { id: network.id, input: { ssid: 'Renamed', enabled: null, hidden: null } }))).toEqual(['hidden', 'enabled']);
    const bulk = await run(UPDATE_NETWORKS, { input: { changes: [{ id: network.id, input: { securityMode: null } }] } });
    expect(fieldsOf(bulk)).toEqual(['changes.0.input.securityMode']);
    expect(await rowCounts(t.current)).toEqual(before);
    const after = expectData(await run(NETWORK, { id: network.id }) as GqlResponse<{ wifiNetwork: NetworkView }>).wifiNetwork;
    expect(after.ssid).toBe('Guests');
  });

  it('switches a WPA3 network with default bands to OPEN and back, the bands following the mode', async () => {
    const network = await guestNetwork({ securityMode: 'WPA3_SAE', passphrase: 'long enough' });
    expect(network.bands).toEqual(['BAND_2_4G', 'BAND_5G', 'BAND_6G']);
    const open = await run(UPDATE_NETWORK, { id: network.id, input: { securityMode: 'OPEN' } });
    expect(expectData(open as GqlResponse<{ updateWifiNetwork: NetworkView }>).updateWifiNetwork).toMatchObject({ securityMode: 'OPEN', passphrase: null, bands: ['BAND_2_4G', 'BAND_5G'] });
    const back = await run(UPDATE_NETWORK, { id: network.id, input: { securityMode: 'WPA3_SAE', passphrase: 'long enough' } });
    expect(expectData(back as GqlResponse<{ updateWifiNetwork: NetworkView }>).updateWifiNetwork.bands).toEqual(['BAND_2_4G', 'BAND_5G', 'BAND_6G']);
  });

  it('keeps bands the user chose, refusing OPEN while they include 6 GHz; bands: null restores the default', async () => {
    const network = await guestNetwork({ securityMode: 'WPA3_SAE', passphrase: 'long enough', bands: ['BAND_6G', 'BAND_5G'] });
    expect(fieldsOf(await run(UPDATE_NETWORK, { id: network.id, input: { securityMode: 'OPEN' } }))).toEqual(['bands']);
    const open = await run(UPDATE_NETWORK, { id: network.id, input: { securityMode: 'OPEN', bands: null } });
    expect(expectData(open as GqlResponse<{ updateWifiNetwork: NetworkView }>).updateWifiNetwork.bands).toEqual(['BAND_2_4G', 'BAND_5G']);
  });
});
