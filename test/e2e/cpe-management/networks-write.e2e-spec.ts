// CPE Management API: changing and deleting isolated networks. Roles decide what may be
// changed, If-Match guards against lost updates (412), bodies are checked against the
// schema (unknown fields refused, nothing written), enterprise modes answer 501, the
// primary network is not removable, and every answer conforms to the contracts.

import { CPE_SCOPES as S } from '../../../src/oauth/oauth-scopes';
import { CONTRACT_PATH, Contract, ownContract } from '../../support/cpe-contract';
import { clientCredentialsToken, originOf, registerApiClient } from '../../support/oauth-clients';
import { DataSource } from 'typeorm';
import { WifiNetworksService } from '../../../src/wifi-networks/wifi-networks.service';
import { CLAIM_NODE, createCustomer, CREATE_NETWORK, NETWORK, serial, UPDATE_NETWORK } from '../provisioning/provisioning-ops';
import { describeEachDatabase, expectData, gql, TestApp, useTestApp } from '../support';
import { answered, Fixture, fixture, get, reference, tokenFor } from './cpe-fixture';

async function send(app: TestApp, method: string, path: string, token: string, body?: unknown, ifMatch?: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (ifMatch !== undefined) headers['if-match'] = ifMatch;
  const response = await fetch(`${originOf(app)}/cpe-management/v0${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const parsed: unknown = text === '' ? undefined : JSON.parse(text);
  if (text !== '') answered.push([response.status === 200 || response.status === 201 ? 'Network' : 'ErrorInfo', parsed]);
  return { status: response.status, body: parsed, etag: response.headers.get('etag') };
}

async function guestNetwork(app: TestApp, f: Fixture): Promise<string> {
  const input = { kind: 'GUEST', ssid: 'Guests', securityMode: 'WPA2_PSK', passphrase: 'welcome guests 1' };
  return expectData(await gql<{ createWifiNetwork: { id: string } }>(app, CREATE_NETWORK, { locationId: f.siteId, input }, f.adminToken)).createWifiNetwork.id;
}

async function domainNetwork(app: TestApp, f: Fixture, id: string) {
  return expectData(await gql<{ wifiNetwork: { ssid: string; securityMode: string; passphrase: string } }>(app, NETWORK, { id }, f.adminToken)).wifiNetwork;
}

describeEachDatabase('CPE Management API: changing isolated networks', (db) => {
  const t = useTestApp(db);

  it('changes an auxiliary network with If-Match, refusing a stale version with 412', async () => {
    const f = await fixture(t.current);
    const id = await guestNetwork(t.current, f);
    const token = await tokenFor(t.current, f, [S.AUXILIARY_WRITE, S.DEVICES_READ]);
    const current = await get(t.current, `/isolated-networks/${id}`, token, 'Network');
    const change = { accessDetail: { accessType: 'Wi-Fi', ssid: 'Guests 3', securityMode: { password: 'new guest pass', securityModeType: 'WPA2-WPA3-Personal' } }, description: 'Summer guests' };
    const changed = await send(t.current, 'PATCH', `/isolated-networks/${id}`, token, change, current.etag!);
    expect(changed).toMatchObject({
      status: 200,
      body: { id, description: 'Summer guests', accessDetail: { ssid: 'Guests 3', securityMode: { password: 'new guest pass', securityModeType: 'WPA2-WPA3-Personal' } } },
    });
    expect(changed.etag).not.toBe(current.etag);
    expect(await domainNetwork(t.current, f, id)).toMatchObject({ ssid: 'Guests 3', securityMode: 'WPA2_WPA3', passphrase: 'new guest pass' });

    const stale = await send(t.current, 'PATCH', `/isolated-networks/${id}`, token, { description: 'lost update' }, current.etag!);
    expect(stale).toMatchObject({ status: 412, body: { status: 412, code: 'PRECONDITION_FAILED' } });
    expect((await get(t.current, `/isolated-networks/${id}`, token, 'Network')).body).toMatchObject({ description: 'Summer guests' });
  });

  it('detects a change landing between the If-Match check and the write (412), for PATCH and DELETE', async () => {
    const f = await fixture(t.current);
    const id = await guestNetwork(t.current, f);
    const token = await tokenFor(t.current, f, [S.AUXILIARY_WRITE, S.DEVICES_READ]);
    const service = t.current.app.get(WifiNetworksService);
    // Another writer's change (the operator's staff, through GraphQL) lands after the API
    // checked If-Match against the version it read, before the API's own write runs.
    const landInBetween = async (description: string): Promise<void> => {
      expectData(await gql(t.current, UPDATE_NETWORK, { id, input: { description } }, f.adminToken));
    };
    const update = service.updateAll.bind(service);
    jest.spyOn(service, 'updateAll').mockImplementationOnce(async (...args) => {
      await landInBetween('landed in between');
      return update(...args);
    });
    const version = (await get(t.current, `/isolated-networks/${id}`, token, 'Network')).etag!;
    expect(await send(t.current, 'PATCH', `/isolated-networks/${id}`, token, { description: 'lost update' }, version)).toMatchObject({ status: 412, body: { code: 'PRECONDITION_FAILED' } });
    expect((await get(t.current, `/isolated-networks/${id}`, token, 'Network')).body).toMatchObject({ description: 'landed in between' });

    const remove = service.delete.bind(service);
    jest.spyOn(service, 'delete').mockImplementationOnce(async (...args) => {
      await landInBetween('landed again');
      return remove(...args);
    });
    const next = (await get(t.current, `/isolated-networks/${id}`, token, 'Network')).etag!;
    expect(await send(t.current, 'DELETE', `/isolated-networks/${id}`, token, undefined, next)).toMatchObject({ status: 412, body: { code: 'PRECONDITION_FAILED' } });
    expect((await get(t.current, `/isolated-networks/${id}`, token, 'Network')).body).toMatchObject({ description: 'landed again' });
    jest.restoreAllMocks();

    // Two changes sent at once with the same If-Match: exactly one wins.
    const current = (await get(t.current, `/isolated-networks/${id}`, token, 'Network')).etag!;
    const answers = await Promise.all(['a', 'b'].map((who) => send(t.current, 'PATCH', `/isolated-networks/${id}`, token, { description: `by ${who}` }, current)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 412]);
  });

  it('refuses bad bodies (400), enterprise modes (501) and networks outside the role (404) without writing', async () => {
    const f = await fixture(t.current);
    const id = await guestNetwork(t.current, f);
    const token = await tokenFor(t.current, f, [S.AUXILIARY_WRITE, S.DEVICES_READ]);
    const bad = [
      { ssid: 'top-level field' },
      { accessDetail: { accessType: 'Wi-Fi', ssid: 'x' } },
      { accessDetail: { accessType: 'Wi-Fi', securityMode: { password: 'short' } } },
      { expiration: 'next week' },
    ];
    for (const body of bad) expect(await send(t.current, 'PATCH', `/isolated-networks/${id}`, token, body)).toMatchObject({ status: 400, body: { code: 'INVALID_ARGUMENT' } });
    const enterprise = { accessDetail: { accessType: 'Wi-Fi', securityMode: { securityModeType: 'WPA3-Enterprise', authServer: 'radius.example' } } };
    expect(await send(t.current, 'PATCH', `/isolated-networks/${id}`, token, enterprise)).toMatchObject({ status: 501, body: { status: 501, code: 'NOT_IMPLEMENTED' } });
    expect(await domainNetwork(t.current, f, id)).toMatchObject({ ssid: 'Guests', securityMode: 'WPA2_PSK', passphrase: 'welcome guests 1' });

    const primaryId = ((await get(t.current, `/devices/${f.gatewayId}/isolated-networks`, await tokenFor(t.current, f, [S.PRIMARY_READ, S.DEVICES_READ]))).body as { id: string }[])[0].id;
    expect(await send(t.current, 'PATCH', `/isolated-networks/${primaryId}`, token, { description: 'x' })).toMatchObject({ status: 404 });
    const readOnly = await tokenFor(t.current, f, [S.AUXILIARY_READ, S.DEVICES_READ]);
    expect(await send(t.current, 'PATCH', `/isolated-networks/${id}`, readOnly, { description: 'x' })).toMatchObject({ status: 403, body: { code: 'PERMISSION_DENIED' } });
  });

  it('lets the primary role rename the primary network, which is not removable; deletes an auxiliary one', async () => {
    const f = await fixture(t.current);
    const id = await guestNetwork(t.current, f);
    const primary = await tokenFor(t.current, f, [S.PRIMARY_WRITE, S.DEVICES_READ]);
    const primaryId = ((await get(t.current, `/devices/${f.gatewayId}/isolated-networks`, primary)).body as { id: string }[])[0].id;
    expect(await send(t.current, 'PATCH', `/isolated-networks/${primaryId}`, primary, { accessDetail: { accessType: 'Wi-Fi', ssid: 'Home 2' } })).toMatchObject({ status: 200, body: { accessDetail: { ssid: 'Home 2' } } });
    expect(await send(t.current, 'DELETE', `/isolated-networks/${primaryId}`, primary)).toMatchObject({ status: 400, body: { code: 'NETWORK_NOT_REMOVABLE' } });

    const auxiliary = await tokenFor(t.current, f, [S.AUXILIARY_WRITE, S.DEVICES_READ]);
    expect((await send(t.current, 'DELETE', `/isolated-networks/${id}`, auxiliary, undefined, '"not-the-version"')).status).toBe(412);
    expect((await send(t.current, 'DELETE', `/isolated-networks/${id}`, auxiliary)).status).toBe(204);
    expect(await get(t.current, `/isolated-networks/${id}`, auxiliary)).toMatchObject({ status: 404 });
  });

  it('creates a network for the only-own role, which only its client sees and changes', async () => {
    const f = await fixture(t.current);
    await guestNetwork(t.current, f);
    const token = await tokenFor(t.current, f, [S.NETWORKS_WRITE, S.DEVICES_WRITE]);
    const body = {
      accessDetail: { accessType: 'Wi-Fi', ssid: 'Rental 42', securityMode: { password: 'stay safe 2024' } },
      expiration: '2099-06-30T10:00:00.000Z',
      devices: [{ device: f.gatewayId, role: 'auxiliary' }],
    };
    const created = await send(t.current, 'POST', '/isolated-networks', token, body);
    expect(created).toMatchObject({
      status: 201,
      body: {
        accessDetail: { accessType: 'Wi-Fi', ssid: 'Rental 42', securityMode: { password: 'stay safe 2024', securityModeType: 'WPA2-WPA3-Personal' } },
        expiration: '2099-06-30T10:00:00.000Z',
        devices: [{ device: f.gatewayId, role: 'auxiliary', removable: true }],
      },
    });
    const id = (created.body as { id: string }).id;
    // Only-own: its own network, not the primary nor the operator's guest network.
    expect(((await get(t.current, '/isolated-networks', token, 'NetworkList')).body as { id: string }[]).map((n) => n.id)).toEqual([id]);
    const otherClient = await tokenFor(t.current, f, [S.NETWORKS_WRITE, S.DEVICES_WRITE]);
    expect((await get(t.current, '/isolated-networks', otherClient, 'NetworkList')).body).toEqual([]);
    expect(await send(t.current, 'PATCH', `/isolated-networks/${id}`, otherClient, { description: 'x' })).toMatchObject({ status: 404 });
    expect(await send(t.current, 'PATCH', `/isolated-networks/${id}`, token, { description: 'Booking 42' })).toMatchObject({ status: 200, body: { description: 'Booking 42' } });
    expect((await send(t.current, 'DELETE', `/isolated-networks/${id}`, token)).status).toBe(204);
    expect((await get(t.current, '/isolated-networks', token, 'NetworkList')).body).toEqual([]);
  });

  it("names who created and last changed a network: the operator's staff by user id, an API client by its client_id", async () => {
    const f = await fixture(t.current);
    const id = await guestNetwork(t.current, f);
    const client = await registerApiClient(t.current, f.adminToken, f.groupId, [S.AUXILIARY_WRITE, S.NETWORKS_WRITE, S.DEVICES_WRITE], { customerId: f.customerId });
    const token = await clientCredentialsToken(t.current, client, [S.AUXILIARY_WRITE, S.NETWORKS_WRITE, S.DEVICES_WRITE]);
    const byStaff = (await get(t.current, `/isolated-networks/${id}`, token, 'Network')).body as { createdBy: string; modifiedBy: string };
    expect(byStaff.createdBy).toMatch(/^user:[0-9a-f-]{36}$/);
    expect(byStaff.modifiedBy).toBe(byStaff.createdBy);

    const changed = await send(t.current, 'PATCH', `/isolated-networks/${id}`, token, { description: 'Changed by the app' });
    expect(changed).toMatchObject({ status: 200, body: { createdBy: byStaff.createdBy, modifiedBy: client.clientId } });
    expect(((await get(t.current, '/isolated-networks', token, 'NetworkList')).body as { id: string; modifiedBy: string }[]).find((n) => n.id === id)).toMatchObject({ modifiedBy: client.clientId });
    expectData(await gql(t.current, UPDATE_NETWORK, { id, input: { ssid: 'Staff again' } }, f.adminToken));
    expect((await get(t.current, `/isolated-networks/${id}`, token, 'Network')).body).toMatchObject({ createdBy: byStaff.createdBy, modifiedBy: byStaff.createdBy });

    const created = await send(t.current, 'POST', '/isolated-networks', token, { accessDetail: { accessType: 'Wi-Fi', ssid: 'App made' }, devices: [{ device: f.gatewayId }] });
    expect(created).toMatchObject({ status: 201, body: { createdBy: client.clientId, modifiedBy: client.clientId } });
  });

  it('refuses creations it cannot honour without creating anything, and uses the default device when devices are omitted', async () => {
    const f = await fixture(t.current);
    const token = await tokenFor(t.current, f, [S.NETWORKS_WRITE, S.DEVICES_WRITE]);
    const access = { accessType: 'Wi-Fi', ssid: 'Rental', securityMode: { password: 'stay safe 2024' } };
    const count = async () => Number(((await t.current.app.get(DataSource).query('SELECT COUNT(*) AS n FROM wifi_networks')) as { n: string }[])[0].n);
    const before = await count();
    expect(await send(t.current, 'POST', '/isolated-networks', token, { devices: [{ device: f.gatewayId }] })).toMatchObject({ status: 400, body: { code: 'INVALID_ARGUMENT' } });
    expect(await send(t.current, 'POST', '/isolated-networks', token, { accessDetail: access, devices: [{ device: f.gatewayId, role: 'primary' }] })).toMatchObject({ status: 400 });
    expect(await send(t.current, 'POST', '/isolated-networks', token, { accessDetail: access, devices: [{ device: f.gatewayId }, { device: f.extenderId }] })).toMatchObject({
      status: 400,
      body: { code: 'INVALID_ARGUMENT', message: expect.stringContaining(f.extenderId) },
    });
    expect(await send(t.current, 'POST', '/isolated-networks', token, { accessDetail: access, devices: [{ device: f.gatewayId }, { device: f.gatewayId }] })).toMatchObject({ status: 400 });
    expect(await send(t.current, 'POST', '/isolated-networks', token, { accessDetail: access, devices: [{ device: f.extenderId }] })).toMatchObject({ status: 400 });
    expect(await send(t.current, 'POST', '/isolated-networks', token, { accessDetail: { ...access, securityMode: { password: 'short' } }, devices: [{ device: f.gatewayId }] })).toMatchObject({ status: 400 });
    const noDevices = await tokenFor(t.current, f, [S.NETWORKS_WRITE]);
    expect(await send(t.current, 'POST', '/isolated-networks', noDevices, { accessDetail: access })).toMatchObject({ status: 403, body: { code: 'DEFAULT_DEVICE_NOT_SUPPORTED' } });
    expect(await count()).toBe(before);

    const single = await createCustomer(t.current, f.adminToken);
    expectData(await gql(t.current, CLAIM_NODE, { locationId: single.locations[0].id, serial: serial() }, f.adminToken));
    const own = await tokenFor(t.current, { ...f, customerId: single.id }, [S.NETWORKS_WRITE]);
    const created = await send(t.current, 'POST', '/isolated-networks', own, { accessDetail: access });
    expect(created).toMatchObject({ status: 201, body: { accessDetail: { ssid: 'Rental' } } });
    expect(created.body).not.toHaveProperty('devices');
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
