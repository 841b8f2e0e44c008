// CPE Management API: service sites and devices over real HTTP with OAuth tokens. The
// per-scope matrix (scopes shape the output), the owner scope, pagination, errors, and the
// contract: every answer checked against the reference OpenAPI document (skipped, saying
// so, when it is absent) and against the project's own document.

import { CPE_SCOPES as S } from '../../../src/oauth/oauth-scopes';
import { ownContract, CONTRACT_PATH, Contract } from '../../support/cpe-contract';
import { apiClientWithToken, originOf } from '../../support/oauth-clients';
import { createCustomer } from '../provisioning/provisioning-ops';
import { describeEachDatabase, useTestApp } from '../support';
import { answered, fixture, get, reference, tokenFor } from './cpe-fixture';

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
      // The auxiliary role: no guest network yet, and not the primary one.
      networks: [],
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
    expect(Object.keys(document.paths).sort()).toEqual([
      '/devices',
      '/devices/{deviceId}',
      '/devices/{deviceId}/isolated-networks',
      '/isolated-networks',
      '/isolated-networks/{netId}',
      '/isolated-networks/{netId}/devices',
      '/reboot-requests',
      '/reboot-requests/{rebootId}',
      '/service-sites',
      '/service-sites/{siteId}',
      '/service-sites/{siteId}/devices',
      '/service-sites/{siteId}/isolated-networks',
    ]);
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
