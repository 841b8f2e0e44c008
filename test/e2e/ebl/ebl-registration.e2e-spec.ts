// The registration API of /ebl over real HTTP, with every example of the spec (request and
// response), then the rules around them: status codes, bad input naming the entry (nothing
// registered), another provider's registrations invisible, callers without the scope or
// without settings refused.

import { DataSource } from 'typeorm';
import { createCustomer } from '../provisioning/provisioning-ops';
import { createGroupWithAdmin, describeEachDatabase, expectErrorCode, gql, startTestApp, TestApp } from '../support';
import { apiClient, EBL_TEST_ENV, NotificationReceiver, rest, setUpProvider, tokenOf, TestProvider } from './ebl-support';

const FUTURE = '2099-04-15T00:00:00.000Z';

describeEachDatabase('/ebl registrations', (db) => {
  let app: TestApp;
  let a: TestProvider;
  let b: TestProvider;
  let groupId: string;
  let admin: string;
  const receiver = new NotificationReceiver();

  const count = (table: string): Promise<number> => app.app.get(DataSource).createQueryBuilder().from(table, 't').getCount();

  beforeAll(async () => {
    Object.assign(process.env, EBL_TEST_ENV);
    app = await startTestApp(db);
    await receiver.start();
    const group = await createGroupWithAdmin(app);
    admin = group.adminToken;
    groupId = group.groupId;
    await createCustomer(app, admin);
    a = await setUpProvider(app, admin, groupId, receiver);
    b = await setUpProvider(app, admin, groupId, receiver);
  });

  afterAll(async () => {
    await receiver.stop();
    await app?.close();
    for (const key of Object.keys(EBL_TEST_ENV)) delete process.env[key];
  });

  describe('the spec examples', () => {
    it('Register Vendor IDs: 201 with the added vendorids, in the request format', async () => {
      const res = await rest(app, 'POST', '/ebl/vendorids', a.token, { vendorids: [{ vendorid: 'sp_specific', match_type: 'partial_match', serviceType: 'Internet' }] });
      expect(res).toEqual({ status: 201, body: { vendorids: [{ vendorid: 'sp_specific', match_type: 'partial_match', serviceType: 'Internet' }] } });
    });

    it('List registered Vendor IDs: 200 with the list (the body of the example filters it)', async () => {
      expect(await rest(app, 'GET', '/ebl/vendorids', a.token, { vendorids: [{ vendorid: 'sp_specific' }] })).toEqual({
        status: 200,
        body: { vendorids: [{ vendorid: 'sp_specific', match_type: 'partial_match', serviceType: 'Internet' }] },
      });
      expect((await rest(app, 'GET', '/ebl/vendorids', a.token)).body).toEqual({ vendorids: [{ vendorid: 'sp_specific', match_type: 'partial_match', serviceType: 'Internet' }] });
    });

    it('Register Vendor IDs again: 409 Conflict, nothing added (empty vendorids)', async () => {
      const res = await rest(app, 'POST', '/ebl/vendorids', a.token, { vendorids: [{ vendorid: 'sp_specific', match_type: 'partial_match', serviceType: 'Internet' }, { vendorid: 'sp_other' }] });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ vendorids: [], error: { code: 'CONFLICT' } });
      // Another provider cannot take it either: a vendor id belongs to one provider.
      expect((await rest(app, 'POST', '/ebl/vendorids', b.token, { vendorids: [{ vendorid: 'sp_specific' }] })).status).toBe(409);
      expect((await rest(app, 'GET', '/ebl/vendorids', a.token)).body.vendorids).toHaveLength(1);
    });

    it('Unregister Vendor IDs: 200 with the removed vendorids; then the list is empty', async () => {
      expect(await rest(app, 'DELETE', '/ebl/vendorids', a.token, { vendorids: [{ vendorid: 'sp_specific' }] })).toEqual({
        status: 200,
        body: { vendorids: [{ vendorid: 'sp_specific', match_type: 'partial_match', serviceType: 'Internet' }] },
      });
      expect(await rest(app, 'GET', '/ebl/vendorids', a.token)).toEqual({ status: 200, body: { vendorids: [] } });
    });

    it('Unregister Vendor IDs not registered: 404, nothing removed', async () => {
      const res = await rest(app, 'DELETE', '/ebl/vendorids', a.token, { vendorids: [{ vendorid: 'sp_specific' }] });
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ vendorids: [], error: { code: 'NOT_FOUND', fields: [{ field: 'vendorids[0].vendorid' }] } });
    });

    it('Register MAC addresses: the example as written (valid_until 2019) is in the past: 400 naming it', async () => {
      const res = await rest(app, 'POST', '/ebl/mac-addresses', a.token, {
        macs: [{ mac: '11:22:33:44:55:66', delete_on_match: 'true', valid_until: '2019-04-15T00:00:00.000Z', serviceType: 'Internet' }],
      });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ macs: [], error: { code: 'VALIDATION_FAILED', message: expect.any(String), fields: [{ field: 'macs[0].valid_until', message: 'is in the past' }] } });
    });

    it('Register MAC addresses: 201 with delete_on_match and valid_until at their actual values', async () => {
      const res = await rest(app, 'POST', '/ebl/mac-addresses', a.token, {
        macs: [
          { mac: '11:22:33:44:55:66', delete_on_match: 'true', valid_until: FUTURE, serviceType: 'Internet' },
          { mac: 'AA-BB-CC-DD-EE-01' },
        ],
      });
      expect(res.status).toBe(201);
      const macs = res.body.macs as Record<string, unknown>[];
      expect(macs[0]).toEqual({ mac: '11:22:33:44:55:66', delete_on_match: 'true', valid_until: FUTURE, serviceType: 'Internet' });
      // Defaults filled in: no delete_on_match, valid for the default validity (90 days).
      expect(macs[1]).toEqual({ mac: 'aa:bb:cc:dd:ee:01', delete_on_match: 'false', valid_until: expect.any(String) });
      const days = (Date.parse(macs[1].valid_until as string) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(89);
      expect(days).toBeLessThanOrEqual(90);
    });

    it('List registered MAC addresses: 200 (the example body filters)', async () => {
      expect(await rest(app, 'GET', '/ebl/mac-addresses', a.token, { macs: [{ mac: '11:22:33:44:55:66' }] })).toEqual({
        status: 200,
        body: { macs: [{ mac: '11:22:33:44:55:66', delete_on_match: 'true', valid_until: FUTURE, serviceType: 'Internet' }] },
      });
      expect(((await rest(app, 'GET', '/ebl/mac-addresses', a.token)).body.macs as unknown[]).length).toBe(2);
    });

    it('Unregister MAC addresses: 200 with the removed macs', async () => {
      expect(await rest(app, 'DELETE', '/ebl/mac-addresses', a.token, { macs: [{ mac: '11:22:33:44:55:66' }] })).toEqual({
        status: 200,
        body: { macs: [{ mac: '11:22:33:44:55:66', delete_on_match: 'true', valid_until: FUTURE, serviceType: 'Internet' }] },
      });
      expect((await rest(app, 'GET', '/ebl/mac-addresses', a.token, { macs: [{ mac: '11:22:33:44:55:66' }] })).body).toEqual({ macs: [] });
    });
  });

  it('bad input: 400 naming each entry and why; nothing registered', async () => {
    const before = { macs: await count('ebl_mac_registrations'), vendorIds: await count('ebl_vendor_id_registrations') };
    const macs = await rest(app, 'POST', '/ebl/mac-addresses', a.token, {
      macs: [{ mac: '00:11:22:33:44:55' }, { mac: '00:11:22:33:44' }, { mac: '00:11:22:33:44:56', valid_until: 'soon' }, { mac: '00-11-22-33-44-55' }],
    });
    expect(macs.status).toBe(400);
    expect((macs.body.error as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual(['macs[1].mac', 'macs[2].valid_until', 'macs[3].mac']);
    const vendor = await rest(app, 'POST', '/ebl/vendorids', a.token, {
      vendorids: [{ vendorid: 'sp_ok' }, { vendorid: 'v'.repeat(256) }, { vendorid: 'sp_x', match_type: 'wildcard' }, { vendorid: 'MSFT 5.0' }],
    });
    expect(vendor.status).toBe(400);
    expect((vendor.body.error as { fields: { field: string; message: string }[] }).fields.map((f) => f.field)).toEqual([
      'vendorids[1].vendorid',
      'vendorids[2].match_type',
      'vendorids[3].vendorid',
    ]);
    const notJson = await rest(app, 'POST', '/ebl/vendorids', a.token, '{"vendorids": [');
    // Refused by the HTTP server before the route, still in the /ebl error shape.
    expect(notJson).toMatchObject({ status: 400, body: { vendorids: [], error: { code: 'VALIDATION_FAILED' } } });
    expect((await rest(app, 'POST', '/ebl/vendorids', a.token, { vendorids: 'sp_ok' })).status).toBe(400);
    expect((await rest(app, 'GET', '/ebl/mac-addresses', a.token, { macs: [{ mac: 'nope' }] })).status).toBe(400);
    expect({ macs: await count('ebl_mac_registrations'), vendorIds: await count('ebl_vendor_id_registrations') }).toEqual(before);
    expect(await rest(app, 'GET', '/ebl/deliveries', a.token)).toEqual({ status: 200, body: { deliveries: [] } });
    expect((await rest(app, 'GET', '/ebl/deliveries?status=LOST', a.token)).body).toMatchObject({ deliveries: [], error: { code: 'VALIDATION_FAILED', fields: [{ field: 'status' }] } });
    expect((await rest(app, 'GET', '/ebl/deliveries?limit=0', a.token)).status).toBe(400);
  });

  it('another provider\'s registrations are invisible and cannot be removed', async () => {
    await rest(app, 'POST', '/ebl/mac-addresses', a.token, { macs: [{ mac: '00:00:00:aa:00:01' }] });
    await rest(app, 'POST', '/ebl/vendorids', a.token, { vendorids: [{ vendorid: 'sp_a_only' }] });
    expect((await rest(app, 'GET', '/ebl/mac-addresses', b.token)).body).toEqual({ macs: [] });
    expect((await rest(app, 'GET', '/ebl/vendorids', b.token)).body).toEqual({ vendorids: [] });
    expect((await rest(app, 'DELETE', '/ebl/mac-addresses', b.token, { macs: [{ mac: '00:00:00:aa:00:01' }] })).status).toBe(404);
    expect((await rest(app, 'DELETE', '/ebl/vendorids', b.token, { vendorids: [{ vendorid: 'sp_a_only' }] })).status).toBe(404);
    // The same MAC may be registered by both: each is its own registration.
    expect((await rest(app, 'POST', '/ebl/mac-addresses', b.token, { macs: [{ mac: '00:00:00:aa:00:01', delete_on_match: true }] })).status).toBe(201);
    expect((await rest(app, 'GET', '/ebl/mac-addresses', a.token, { macs: [{ mac: '00:00:00:aa:00:01' }] })).body.macs).toEqual([expect.objectContaining({ delete_on_match: 'false' })]);
  });

  it('callers: no token 401, no ebl scope 403, an API client the operator has not set up 403', async () => {
    const none = await rest(app, 'GET', '/ebl/vendorids', undefined);
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ vendorids: [], error: { code: 'UNAUTHENTICATED' } });
    expect((await rest(app, 'GET', '/ebl/vendorids', 'not-a-token')).status).toBe(401);
    // Set up as a provider, but its client holds another scope only.
    const other = await setUpProvider(app, admin, groupId, receiver, { scopes: ['cpe-management-devices-read'] });
    const noScope = await rest(app, 'GET', '/ebl/vendorids', other.token);
    expect(noScope.status).toBe(403);
    expect(noScope.body).toMatchObject({ vendorids: [], error: { code: 'FORBIDDEN', message: expect.stringContaining('"ebl" scope') } });
    // The ebl scope, but no settings from the operator.
    const bare = await apiClient(app, admin, groupId);
    expect((await rest(app, 'GET', '/ebl/vendorids', await tokenOf(app, bare))).body).toMatchObject({ error: { code: 'FORBIDDEN', message: expect.stringContaining('not set up') } });
    // A user's JWT is no API client.
    expect((await rest(app, 'GET', '/ebl/vendorids', admin)).status).toBe(401);
  });

  it('the operator: settings write-only for the secret, refused for another group and for bad input', async () => {
    const other = await createGroupWithAdmin(app);
    const input = { apiClientId: a.apiClientId, groupId, locationScope: 'ALL_LOCATIONS', notificationUrl: receiver.url };
    expectErrorCode(await gql(app, `mutation ($input: EblProviderInput!) { configureEblProvider(input: $input) { secret } }`, { input }, other.adminToken), 'NOT_FOUND');
    const bad = { ...input, locationScope: 'LISTED_LOCATIONS', locationIds: [], notificationUrl: 'ftp://x' };
    const err = expectErrorCode(await gql(app, `mutation ($input: EblProviderInput!) { configureEblProvider(input: $input) { secret } }`, { input: bad }, admin), 'VALIDATION_FAILED');
    expect(JSON.stringify(err.extensions)).toMatch(/locationIds.*notificationUrl/);
    const list = await gql<{ eblProviders: { apiClientId: string }[] }>(app, `query ($g: ID!) { eblProviders(groupId: $g) { apiClientId locationScope } }`, { g: groupId }, admin);
    expect(list.data?.eblProviders.map((p) => p.apiClientId)).toEqual(expect.arrayContaining([a.apiClientId, b.apiClientId]));
    // Only an API client of the group can be its provider.
    const foreign = await apiClient(app, other.adminToken, other.groupId);
    for (const apiClientId of [foreign.id, '00000000-0000-4000-8000-000000000000']) {
      const refused = expectErrorCode(await gql(app, `mutation ($input: EblProviderInput!) { configureEblProvider(input: $input) { secret } }`, { input: { ...input, apiClientId } }, admin), 'VALIDATION_FAILED');
      expect(JSON.stringify(refused.extensions)).toMatch(/not an API client of group/);
    }
    // Changing settings does not show the secret again.
    const again = await gql<{ configureEblProvider: { secret: string | null } }>(app, `mutation ($input: EblProviderInput!) { configureEblProvider(input: $input) { secret } }`, {
      input: { apiClientId: a.apiClientId, groupId, locationScope: 'ALL_LOCATIONS', notificationUrl: receiver.url },
    }, admin);
    expect(again.data?.configureEblProvider.secret).toBeNull();
  });

  it('the operator rotates a secret (shown once) and removes a provider with its registrations', async () => {
    const spare = await setUpProvider(app, admin, groupId, receiver);
    await rest(app, 'POST', '/ebl/mac-addresses', spare.token, { macs: [{ mac: '00:00:00:bb:00:01' }] });
    await rest(app, 'POST', '/ebl/vendorids', spare.token, { vendorids: [{ vendorid: 'sp_spare' }] });
    const rotated = await gql<{ rotateEblProviderSecret: { secret: string } }>(app, `mutation ($id: ID!) { rotateEblProviderSecret(apiClientId: $id) { secret } }`, { id: spare.apiClientId }, admin);
    expect(rotated.data?.rotateEblProviderSecret.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(rotated.data?.rotateEblProviderSecret.secret).not.toBe(spare.secret);
    const removed = await gql(app, `mutation ($id: ID!) { removeEblProvider(apiClientId: $id) { apiClientId } }`, { id: spare.apiClientId }, admin);
    expect(removed.errors).toBeUndefined();
    expect((await rest(app, 'GET', '/ebl/mac-addresses', spare.token)).status).toBe(403);
    const dataSource = app.app.get(DataSource);
    expect(await dataSource.query(`SELECT COUNT(*) AS n FROM ebl_mac_registrations WHERE provider_id = '${spare.apiClientId}'`)).toEqual([{ n: db === 'postgres' ? '0' : 0 }]);
    // The vendor id is free again for another provider.
    expect((await rest(app, 'POST', '/ebl/vendorids', b.token, { vendorids: [{ vendorid: 'sp_spare' }] })).status).toBe(201);
  });
});
