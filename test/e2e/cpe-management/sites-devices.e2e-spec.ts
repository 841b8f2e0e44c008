// CPE Management API: service sites and devices over real HTTP with OAuth tokens. The
// per-scope matrix (scopes shape the output), the owner scope, pagination, errors, and the
// contract: every answer checked against the reference OpenAPI document (skipped, saying
// so, when it is absent) and against the project's own document.

import { DataSource } from 'typeorm';
import { CPE_SCOPES as S } from '../../../src/oauth/oauth-scopes';
import { referenceContract, ownContract, CONTRACT_PATH, Contract } from '../../support/cpe-contract';
import { apiClientWithToken, clientCredentialsToken, originOf, registerApiClient } from '../../support/oauth-clients';
import { CLAIM_NODE, createCustomer, CREATE_LOCATION, locationInput, serial } from '../provisioning/provisioning-ops';
import { createGroupWithAdmin, describeEachDatabase, expectData, gql, platformAdmin, TestApp, useTestApp } from '../support';

interface Answer {
  status: number;
  body: unknown;
  link: string | null;
}

const reference = referenceContract();
/** Every (schema, body) answered in this file, checked against the contracts at the end. */
const answered: [string, unknown][] = [];

async function get(app: TestApp, path: string, token: string | undefined, schema?: string): Promise<Answer> {
  const response = await fetch(`${originOf(app)}/cpe-management/v0${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const body: unknown = await response.json();
  answered.push([response.status === 200 && schema ? schema : 'ErrorInfo', body]);
  return { status: response.status, body, link: response.headers.get('link') };
}

interface Fixture {
  groupId: string;
  adminToken: string;
  customerId: string;
  siteId: string;
  gatewayId: string;
  emptySiteId: string;
  extenderId: string;
}

async function fixture(app: TestApp): Promise<Fixture> {
  const { groupId, adminToken } = await createGroupWithAdmin(app);
  const customer = await createCustomer(app, adminToken);
  const siteId = customer.locations[0].id;
  const gateway = expectData(await gql<{ claimNode: { id: string } }>(app, CLAIM_NODE, { locationId: siteId, serial: serial() }, adminToken)).claimNode;
  const extender = expectData(await gql<{ claimNode: { id: string } }>(app, CLAIM_NODE, { locationId: siteId, serial: serial() }, adminToken)).claimNode;
  await app.app.get(DataSource).query(`UPDATE nodes SET mac_address = 'aa:bb:cc:00:11:22' WHERE id = '${gateway.id}'`);
  const empty = expectData(await gql<{ createLocation: { id: string } }>(app, CREATE_LOCATION, { customerId: customer.id, input: locationInput({ name: 'Cabin' }) }, adminToken));
  return { groupId, adminToken, customerId: customer.id, siteId, gatewayId: gateway.id, emptySiteId: empty.createLocation.id, extenderId: extender.id };
}

async function tokenFor(app: TestApp, f: Fixture, scopes: string[], sensitive = false): Promise<string> {
  const client = await registerApiClient(app, f.adminToken, f.groupId, scopes, { customerId: f.customerId, justification: sensitive ? 'Reconciling our records.' : undefined });
  if (sensitive) expectData(await gql(app, `mutation ($id: ID!) { approveApiClientScopes(id: $id) { id } }`, { id: client.id }, await platformAdmin(app)));
  return clientCredentialsToken(app, client, scopes);
}

describeEachDatabase('CPE Management API: service sites and devices', (db) => {
  const t = useTestApp(db);

  it('shapes sites and devices by scope', async () => {
    const f = await fixture(t.current);
    const sitesOnly = await tokenFor(t.current, f, [S.SITES_READ]);
    const sites = await get(t.current, '/service-sites', sitesOnly, 'ServiceSiteList');
    expect(sites.status).toBe(200);
    expect(sites.body).toEqual(expect.arrayContaining([{ id: f.siteId, name: 'Home' }, { id: f.emptySiteId, name: 'Cabin' }]));
    expect((sites.body as unknown[]).length).toBe(2);
    expect(await get(t.current, '/devices', sitesOnly)).toMatchObject({ status: 403, body: { status: 403, code: 'PERMISSION_DENIED' } });

    const withLocation = await tokenFor(t.current, f, [S.SITES_LOCATION_READ, S.DEVICES_READ], true);
    expect((await get(t.current, `/service-sites/${f.siteId}`, withLocation, 'ServiceSite')).body).toEqual({
      id: f.siteId,
      name: 'Home',
      devices: [f.gatewayId],
      location: { propertyAddress: { addressLine1: 'Hauptstr. 1', city: 'Berlin', postCode: '10115', country: 'DE' } },
    });
    expect((await get(t.current, `/service-sites/${f.emptySiteId}/devices`, withLocation, 'DeviceList')).body).toEqual([]);

    const devicesOnly = await tokenFor(t.current, f, [S.DEVICES_READ]);
    expect((await get(t.current, '/devices', devicesOnly, 'DeviceList')).body).toEqual([{ id: f.gatewayId, name: 'Home' }]);
    expect(await get(t.current, '/service-sites', devicesOnly)).toMatchObject({ status: 403 });
    expect(await get(t.current, `/service-sites/${f.siteId}/devices`, devicesOnly)).toMatchObject({ status: 403 });

    const full = await tokenFor(t.current, f, [S.DEVICES_HW_READ, S.SITES_READ, S.AUXILIARY_READ], true);
    expect((await get(t.current, `/devices/${f.gatewayId}`, full, 'Device')).body).toEqual({
      id: f.gatewayId,
      name: 'Home',
      hardwareAddress: { hardwareAddressType: 'EUI-48', value: 'AA:BB:CC:00:11:22' },
      serviceSite: f.siteId,
      maxAuxiliaryNetworks: 6,
    });
    expect((await get(t.current, `/service-sites/${f.siteId}/devices`, full, 'DeviceList')).body).toEqual([expect.objectContaining({ id: f.gatewayId })]);
  });

  it("answers 404 for another owner's site or device, an extender, or a malformed id, and 400 for unknown parameters", async () => {
    const f = await fixture(t.current);
    const other = await fixture(t.current);
    const token = await tokenFor(t.current, f, [S.SITES_READ, S.DEVICES_READ]);
    expect(await get(t.current, `/service-sites/${other.siteId}`, token)).toMatchObject({ status: 404, body: { status: 404, code: 'NOT_FOUND' } });
    expect(await get(t.current, `/devices/${other.gatewayId}`, token)).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(await get(t.current, '/devices/not-a-device', token)).toMatchObject({ status: 404 });
    expect(await get(t.current, `/devices/${f.extenderId}`, token)).toMatchObject({ status: 404 });
    expect(await get(t.current, '/service-sites?limit=0', token)).toMatchObject({ status: 400, body: { status: 400, code: 'INVALID_ARGUMENT' } });
    expect(await get(t.current, '/service-sites?expand=all', token)).toMatchObject({ status: 400, body: { code: 'INVALID_ARGUMENT' } });
    expect(await get(t.current, '/service-sites', undefined)).toMatchObject({ status: 401, body: { status: 401, code: 'UNAUTHENTICATED' } });
    // Another customer of the same group is another owner too.
    const neighbour = await createCustomer(t.current, f.adminToken);
    expect(await get(t.current, `/service-sites/${neighbour.locations[0].id}`, token)).toMatchObject({ status: 404 });
  });

  it("pages a group client's sites with limit, cursor and Link, the plain list staying the default", async () => {
    const f = await fixture(t.current);
    await createCustomer(t.current, f.adminToken);
    const { accessToken } = await apiClientWithToken(t.current, f.adminToken, f.groupId, [S.SITES_READ]);
    const all = (await get(t.current, '/service-sites', accessToken, 'ServiceSiteList')).body as { id: string }[];
    expect(all).toHaveLength(3);
    const first = await get(t.current, '/service-sites?limit=2', accessToken, 'ServiceSiteList');
    expect(first.body).toHaveLength(2);
    const next = /^<(\/cpe-management\/v0\/service-sites\?limit=2&cursor=[A-Za-z0-9_-]+)>; rel="next"$/.exec(first.link ?? '');
    expect(next).not.toBeNull();
    const second = await get(t.current, next![1].replace('/cpe-management/v0', ''), accessToken, 'ServiceSiteList');
    expect(second.link).toBeNull();
    expect([...(first.body as { id: string }[]), ...(second.body as { id: string }[])].map((s) => s.id)).toEqual(all.map((s) => s.id).sort());
  });

  it('serves its own OpenAPI document, and every answer above conforms to it', async () => {
    const response = await fetch(`${originOf(t.current)}/cpe-management/v0/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths).sort()).toEqual(['/devices', '/devices/{deviceId}', '/service-sites', '/service-sites/{siteId}', '/service-sites/{siteId}/devices']);
    const own = ownContract(document);
    expect(own.problems('ServiceSite', { name: 'no id' })).not.toEqual([]);
    expect(answered.length).toBeGreaterThan(10);
    expect(answered.flatMap(([schema, body]) => own.problems(schema, body).map((p) => `${schema}: ${p}`))).toEqual([]);
  });

  (reference ? it : it.skip)(
    reference ? 'every answer above conforms to the reference contract' : `reference contract absent (${CONTRACT_PATH}): contract check skipped`,
    () => {
      const contract = reference as Contract;
      expect(contract.problems('Device', { id: 'x', hardwareAddress: { hardwareAddressType: 'EUI-48', value: 'nope' } })).not.toEqual([]);
      expect(answered.flatMap(([schema, body]) => contract.problems(schema, body).map((p) => `${schema}: ${p}`))).toEqual([]);
    },
  );
});
