// CPE Management API: reading isolated networks. Roles decide which networks a caller sees
// (primary, auxiliary, only-own), device scopes decide whether devices are shown, the
// default device mode, the version as ETag changing with every change, and the contract.

import { CPE_SCOPES as S } from '../../../src/oauth/oauth-scopes';
import { CONTRACT_PATH, Contract, ownContract } from '../../support/cpe-contract';
import { apiClientWithToken, originOf } from '../../support/oauth-clients';
import { CLAIM_NODE, createCustomer, CREATE_NETWORK, serial, UPDATE_NETWORK } from '../provisioning/provisioning-ops';
import { describeEachDatabase, expectData, gql, TestApp, useTestApp } from '../support';
import { answered, Fixture, fixture, get, reference, tokenFor } from './cpe-fixture';

async function guestNetwork(app: TestApp, f: Fixture): Promise<string> {
  const input = { kind: 'GUEST', ssid: 'Guests', securityMode: 'WPA3_SAE', passphrase: 'welcome guests 1', expiresAt: '2099-01-01T00:00:00.000Z' };
  return expectData(await gql<{ createWifiNetwork: { id: string } }>(app, CREATE_NETWORK, { locationId: f.siteId, input }, f.adminToken)).createWifiNetwork.id;
}

describeEachDatabase('CPE Management API: reading isolated networks', (db) => {
  const t = useTestApp(db);

  it('shows the primary to the primary role and guest/IoT networks to the auxiliary role, with devices and passwords', async () => {
    const f = await fixture(t.current);
    const guestId = await guestNetwork(t.current, f);
    const primary = await tokenFor(t.current, f, [S.PRIMARY_READ, S.DEVICES_READ]);
    // Both sites have a primary network; the empty site's is on no device yet.
    const primaries = (await get(t.current, '/isolated-networks', primary, 'NetworkList')).body as { id: string; devices: unknown[] }[];
    expect(primaries).toHaveLength(2);
    expect(primaries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          accessDetail: { accessType: 'Wi-Fi', ssid: 'Home WiFi', securityMode: { password: 'correct horse battery', securityModeType: 'WPA2-Personal' } },
          devices: [{ device: f.gatewayId, role: 'primary', removable: false }],
          version: expect.any(String),
        }),
        expect.objectContaining({ devices: [] }),
      ]),
    );
    const auxiliary = await tokenFor(t.current, f, [S.AUXILIARY_READ, S.DEVICES_READ]);
    expect((await get(t.current, '/isolated-networks', auxiliary, 'NetworkList')).body).toEqual([
      expect.objectContaining({
        id: guestId,
        accessDetail: { accessType: 'Wi-Fi', ssid: 'Guests', securityMode: { password: 'welcome guests 1', securityModeType: 'WPA3-Personal' } },
        expiration: '2099-01-01T00:00:00.000Z',
        devices: [{ device: f.gatewayId, role: 'auxiliary', removable: true }],
      }),
    ]);
    expect(await get(t.current, `/isolated-networks/${primaries[0].id}`, auxiliary)).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });

    // Only-own: networks this client created, none yet.
    const onlyOwn = await tokenFor(t.current, f, [S.NETWORKS_READ, S.DEVICES_READ]);
    expect((await get(t.current, '/isolated-networks', onlyOwn, 'NetworkList')).body).toEqual([]);

    const both = await tokenFor(t.current, f, [S.PRIMARY_READ, S.AUXILIARY_READ, S.DEVICES_READ, S.SITES_READ]);
    // The networks on a device: the contract's NetworkList (whole networks with their devices).
    const onDevice = (await get(t.current, `/devices/${f.gatewayId}/isolated-networks`, both, 'NetworkList')).body as { id: string; accessDetail: unknown; devices: { role: string }[] }[];
    expect(onDevice.map((n) => n.devices.map((d) => d.role)).flat().sort()).toEqual(['auxiliary', 'primary']);
    expect(onDevice.find((n) => n.id === guestId)).toMatchObject({ accessDetail: { ssid: 'Guests' }, devices: [{ device: f.gatewayId, role: 'auxiliary', removable: true }] });
    // A device shows the networks on it that the caller's roles reach (Device.networks).
    expect((await get(t.current, `/devices/${f.gatewayId}`, both, 'Device')).body).toMatchObject({
      networks: expect.arrayContaining([{ network: guestId, role: 'auxiliary', removable: true }, expect.objectContaining({ role: 'primary', removable: false })]),
    });
    expect(((await get(t.current, '/devices', auxiliary, 'DeviceList')).body as { networks: unknown[] }[])[0].networks).toEqual([{ network: guestId, role: 'auxiliary', removable: true }]);
    expect((await get(t.current, `/devices/${f.gatewayId}`, await tokenFor(t.current, f, [S.DEVICES_READ]), 'Device')).body).not.toHaveProperty('networks');
    // maxAuxiliaryNetworks per role: only-own counts what the client may still create (six slots, one taken by the guest network); primary-only has none.
    expect((await get(t.current, `/devices/${f.gatewayId}`, onlyOwn, 'Device')).body).toMatchObject({ networks: [], maxAuxiliaryNetworks: 5 });
    expect((await get(t.current, `/devices/${f.gatewayId}`, primary, 'Device')).body).not.toHaveProperty('maxAuxiliaryNetworks');
    expect((await get(t.current, `/service-sites/${f.siteId}/isolated-networks`, both, 'NetworkList')).body).toHaveLength(2);
    expect((await get(t.current, `/service-sites/${f.emptySiteId}/isolated-networks`, both, 'NetworkList')).body).toHaveLength(1);
    expect(await get(t.current, `/service-sites/${f.siteId}/isolated-networks`, primary)).toMatchObject({ status: 403, body: { code: 'PERMISSION_DENIED' } });
    expect(await get(t.current, '/isolated-networks', await tokenFor(t.current, f, [S.DEVICES_READ]))).toMatchObject({ status: 403, body: { code: 'PERMISSION_DENIED' } });
  });

  it('answers the version as ETag, and the version changes with every change', async () => {
    const f = await fixture(t.current);
    const guestId = await guestNetwork(t.current, f);
    const token = await tokenFor(t.current, f, [S.AUXILIARY_READ, S.DEVICES_READ]);
    const before = await get(t.current, `/isolated-networks/${guestId}`, token, 'Network');
    const version = (before.body as { version: string }).version;
    expect(before.etag).toBe(`"${version}"`);
    expectData(await gql(t.current, UPDATE_NETWORK, { id: guestId, input: { ssid: 'Guests 2' } }, f.adminToken));
    const after = await get(t.current, `/isolated-networks/${guestId}`, token, 'Network');
    expect((after.body as { version: string }).version).not.toBe(version);
    expect(after.body).toMatchObject({ accessDetail: { ssid: 'Guests 2' } });
  });

  it('lets a customer with one site and one device omit device scopes, and refuses others with DEFAULT_DEVICE_NOT_SUPPORTED', async () => {
    const f = await fixture(t.current);
    const twoSites = await tokenFor(t.current, f, [S.PRIMARY_READ]);
    expect(await get(t.current, '/isolated-networks', twoSites)).toMatchObject({ status: 403, body: { status: 403, code: 'DEFAULT_DEVICE_NOT_SUPPORTED' } });

    const single = await createCustomer(t.current, f.adminToken);
    expectData(await gql(t.current, CLAIM_NODE, { locationId: single.locations[0].id, serial: serial() }, f.adminToken));
    const own = await tokenFor(t.current, { ...f, customerId: single.id }, [S.PRIMARY_READ]);
    const networks = await get(t.current, '/isolated-networks', own, 'NetworkList');
    expect(networks.status).toBe(200);
    expect(networks.body).toEqual([expect.not.objectContaining({ devices: expect.anything() })]);
    expect(networks.body).toHaveLength(1);

    const { accessToken } = await apiClientWithToken(t.current, f.adminToken, f.groupId, [S.PRIMARY_READ]);
    expect(await get(t.current, '/isolated-networks', accessToken)).toMatchObject({ status: 403, body: { code: 'DEFAULT_DEVICE_NOT_SUPPORTED' } });
  });

  it('every answer above conforms to the served OpenAPI document', async () => {
    const document = (await (await fetch(`${originOf(t.current)}/cpe-management/v0/openapi.json`)).json()) as object;
    expect(answered.flatMap(([schema, body]) => ownContract(document).problems(schema, body).map((p) => `${schema}: ${p}`))).toEqual([]);
  });

  (reference ? it : it.skip)(
    reference ? 'every answer above conforms to the reference contract' : `reference contract absent (${CONTRACT_PATH}): contract check skipped`,
    () => {
      const contract = reference as Contract;
      expect(answered.flatMap(([schema, body]) => contract.problems(schema, body).map((p) => `${schema}: ${p}`))).toEqual([]);
    },
  );
});
