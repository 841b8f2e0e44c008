// CPE Management API: networks on devices. One network on several devices (created on them,
// inserted, removed, replaced), changed and deleted on all of them, deleted when it is on no
// device; the primary network is not removable; unknown ids are 404 naming them; a refused
// request writes nothing. Every answer is checked against the contracts.

import { CPE_SCOPES as S } from '../../../src/oauth/oauth-scopes';
import { CONTRACT_PATH, Contract, ownContract } from '../../support/cpe-contract';
import { clientCredentialsToken, originOf, registerApiClient } from '../../support/oauth-clients';
import { DataSource } from 'typeorm';
import { CLAIM_NODE, createCustomer, CREATE_LOCATION, CREATE_NETWORK, LOCATION, locationInput, serial } from '../provisioning/provisioning-ops';
import { describeEachDatabase, expectData, gql, TestApp, useTestApp } from '../support';
import { answered, Fixture, fixture, get, reference, tokenFor } from './cpe-fixture';

async function patch(app: TestApp, path: string, token: string, body: unknown) {
  const response = await fetch(`${originOf(app)}/cpe-management/v0${path}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const parsed: unknown = text === '' ? undefined : JSON.parse(text);
  if (text !== '') answered.push(['ErrorInfo', parsed]);
  return { status: response.status, body: parsed };
}

async function send(app: TestApp, method: string, path: string, token: string, body?: unknown, ifMatch?: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (ifMatch !== undefined) headers['if-match'] = `"${ifMatch}"`;
  const response = await fetch(`${originOf(app)}/cpe-management/v0${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const parsed: unknown = text === '' ? undefined : JSON.parse(text);
  if (text !== '') answered.push([response.status < 300 ? 'Network' : 'ErrorInfo', parsed]);
  return { status: response.status, body: parsed };
}

const post = (app: TestApp, path: string, token: string, body: unknown) => send(app, 'POST', path, token, body);

/** The SSIDs of a location's GUEST networks, as operators see them. */
async function guestSsids(app: TestApp, f: Fixture, locationId: string): Promise<string[]> {
  const location = expectData(await gql<{ location: { wifiNetworks: { kind: string; ssid: string }[] } }>(app, LOCATION, { id: locationId }, f.adminToken)).location;
  return location.wifiNetworks.filter((n) => n.kind === 'GUEST').map((n) => n.ssid);
}

async function guestNetwork(app: TestApp, f: Fixture): Promise<string> {
  const input = { kind: 'GUEST', ssid: 'Guests', securityMode: 'WPA2_PSK', passphrase: 'welcome guests 1' };
  return expectData(await gql<{ createWifiNetwork: { id: string } }>(app, CREATE_NETWORK, { locationId: f.siteId, input }, f.adminToken)).createWifiNetwork.id;
}

describeEachDatabase('CPE Management API: networks on devices', (db) => {
  const t = useTestApp(db);

  it("lists a network's device, shaped by the scopes", async () => {
    const f = await fixture(t.current);
    const id = await guestNetwork(t.current, f);
    const token = await tokenFor(t.current, f, [S.AUXILIARY_READ, S.DEVICES_READ, S.SITES_READ]);
    expect(await get(t.current, `/isolated-networks/${id}/devices`, token, 'DeviceList')).toMatchObject({ status: 200, body: [{ id: f.gatewayId, serviceSite: f.siteId, maxAuxiliaryNetworks: 6 }] });
    const withoutDevices = await tokenFor(t.current, f, [S.AUXILIARY_READ]);
    expect(await get(t.current, `/isolated-networks/${id}/devices`, withoutDevices)).toMatchObject({ status: 403, body: { code: 'PERMISSION_DENIED' } });
    const primaryOnly = await tokenFor(t.current, f, [S.PRIMARY_READ, S.DEVICES_READ]);
    expect(await get(t.current, `/isolated-networks/${id}/devices`, primaryOnly)).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
  });

  it('puts one network on several devices, changes it on all, takes it off one, and deletes it when it is on none', async () => {
    const f = await fixture(t.current);
    // A second device of the same customer: a gateway at the customer's second site.
    const gw2 = expectData(await gql<{ claimNode: { id: string } }>(t.current, CLAIM_NODE, { locationId: f.emptySiteId, serial: serial() }, f.adminToken)).claimNode.id;
    const token = await tokenFor(t.current, f, [S.AUXILIARY_WRITE, S.PRIMARY_READ, S.DEVICES_WRITE]);
    const body = { accessDetail: { accessType: 'Wi-Fi', ssid: 'Common Area', securityMode: { password: 'common area 123', securityModeType: 'WPA2-Personal' } }, devices: [{ device: f.gatewayId }, { device: gw2 }] };
    const created = await post(t.current, '/isolated-networks', token, body);
    expect(created).toMatchObject({ status: 201, body: { devices: [{ device: f.gatewayId, role: 'auxiliary', removable: true }, { device: gw2, role: 'auxiliary', removable: true }] } });
    const id = (created.body as { id: string }).id;
    expect(((await get(t.current, `/isolated-networks/${id}/devices`, token, 'DeviceList')).body as { id: string }[]).map((d) => d.id).sort()).toEqual([f.gatewayId, gw2].sort());
    const onGw2 = (await get(t.current, `/devices/${gw2}/isolated-networks`, token, 'NetworkList')).body as { id: string }[];
    expect(onGw2.map((n) => n.id)).toContain(id);
    expect(((await get(t.current, `/devices/${gw2}`, token, 'Device')).body as { networks: { network: string }[] }).networks.map((n) => n.network)).toContain(id);
    expect(await guestSsids(t.current, f, f.siteId)).toEqual(['Common Area']);
    expect(await guestSsids(t.current, f, f.emptySiteId)).toEqual(['Common Area']);

    // A change reaches every device; a stale If-Match changes nothing.
    const version = (created.body as { version: string }).version;
    expect(await send(t.current, 'PATCH', `/isolated-networks/${id}`, token, { accessDetail: { accessType: 'Wi-Fi', ssid: 'Lobby' } }, version)).toMatchObject({ status: 200, body: { accessDetail: { ssid: 'Lobby' } } });
    expect(await send(t.current, 'PATCH', `/isolated-networks/${id}`, token, { accessDetail: { accessType: 'Wi-Fi', ssid: 'Stale' } }, version)).toMatchObject({ status: 412 });
    expect(await guestSsids(t.current, f, f.emptySiteId)).toEqual(['Lobby']);

    // Off the first device: the network keeps its id, on the second device only.
    expect(await patch(t.current, `/isolated-networks/${id}/devices`, token, { delete: [f.gatewayId] })).toEqual({ status: 204, body: undefined });
    expect(await get(t.current, `/isolated-networks/${id}`, token, 'Network')).toMatchObject({ status: 200, body: { id, devices: [{ device: gw2 }] } });
    expect(await guestSsids(t.current, f, f.siteId)).toEqual([]);
    // Back on it through the device, then a replacement: another network takes its place there.
    expect(await patch(t.current, `/devices/${f.gatewayId}/isolated-networks`, token, { insert: [id] })).toEqual({ status: 204, body: undefined });
    const b = (await post(t.current, '/isolated-networks', token, { accessDetail: { accessType: 'Wi-Fi', ssid: 'Staff' }, devices: [{ device: gw2 }] })).body as { id: string };
    expect(await patch(t.current, `/devices/${gw2}/isolated-networks`, token, { replace: [{ replace: id, with: b.id }] })).toEqual({ status: 204, body: undefined });
    expect((await get(t.current, `/isolated-networks/${id}`, token, 'Network')).body).toMatchObject({ devices: [{ device: f.gatewayId }] });
    expect(await guestSsids(t.current, f, f.emptySiteId)).toEqual(['Staff']);

    // Refused requests change nothing: the primary, unknown ids (all named), a replacement of what is not there.
    const primaryId = ((await get(t.current, `/devices/${f.gatewayId}/isolated-networks`, token)).body as { id: string; devices: { role: string }[] }[]).find((n) => n.devices[0]?.role === 'primary')!.id;
    expect(await patch(t.current, `/devices/${f.gatewayId}/isolated-networks`, token, { delete: [primaryId] })).toMatchObject({ status: 400, body: { code: 'NETWORK_NOT_REMOVABLE' } });
    // Replacing the primary network needs the primary-write role.
    expect(await patch(t.current, `/devices/${f.gatewayId}/isolated-networks`, token, { replace: [{ replace: primaryId, with: id }] })).toMatchObject({ status: 403, body: { code: 'PERMISSION_DENIED' } });
    const unknown = '00000000-0000-4000-8000-000000000000';
    const missing = await patch(t.current, `/isolated-networks/${id}/devices`, token, { insert: [unknown, f.extenderId], delete: [gw2] });
    expect(missing).toMatchObject({ status: 404, body: { code: 'NOT_FOUND', message: expect.stringContaining(`Device ID(s) do not exist: [${unknown}, ${f.extenderId}]`) } });
    expect(await patch(t.current, `/devices/${gw2}/isolated-networks`, token, { replace: [{ replace: id, with: b.id }] })).toMatchObject({ status: 400, body: { code: 'INVALID_ARGUMENT' } });
    expect(await patch(t.current, `/devices/${f.gatewayId}/isolated-networks`, token, { insert: 'not a list' })).toMatchObject({ status: 400, body: { code: 'INVALID_ARGUMENT' } });
    expect(await patch(t.current, `/devices/${f.gatewayId}/isolated-networks`, token, { move: [id] })).toMatchObject({ status: 400, body: { code: 'INVALID_ARGUMENT' } });
    const readOnly = await tokenFor(t.current, f, [S.AUXILIARY_WRITE, S.DEVICES_READ]);
    expect(await patch(t.current, `/isolated-networks/${id}/devices`, readOnly, { insert: [gw2] })).toMatchObject({ status: 403, body: { code: 'PERMISSION_DENIED' } });
    expect((await get(t.current, `/isolated-networks/${id}`, token, 'Network')).body).toMatchObject({ devices: [{ device: f.gatewayId }] });

    // On no device: deleted (the contract's automatic deletion).
    expect(await patch(t.current, `/devices/${gw2}/isolated-networks`, token, { delete: [b.id] })).toEqual({ status: 204, body: undefined });
    expect(await get(t.current, `/isolated-networks/${b.id}`, token)).toMatchObject({ status: 404 });
    expect(await patch(t.current, `/isolated-networks/${id}/devices`, token, { delete: [f.gatewayId] })).toEqual({ status: 204, body: undefined });
    expect(await get(t.current, `/isolated-networks/${id}`, token)).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect([...(await guestSsids(t.current, f, f.siteId)), ...(await guestSsids(t.current, f, f.emptySiteId))]).toEqual([]);
  });

  it("replaces a device's primary network with another network, which is then primary there and changed on all its devices", async () => {
    const f = await fixture(t.current);
    const gw2 = expectData(await gql<{ claimNode: { id: string } }>(t.current, CLAIM_NODE, { locationId: f.emptySiteId, serial: serial() }, f.adminToken)).claimNode.id;
    const scopes = [S.AUXILIARY_WRITE, S.PRIMARY_WRITE, S.NETWORKS_WRITE, S.DEVICES_WRITE];
    const client = await registerApiClient(t.current, f.adminToken, f.groupId, scopes, { customerId: f.customerId });
    const token = await clientCredentialsToken(t.current, client, scopes);
    const lobby = (await post(t.current, '/isolated-networks', token, { accessDetail: { accessType: 'Wi-Fi', ssid: 'Lobby', securityMode: { password: 'lobby password 1', securityModeType: 'WPA2-Personal' } }, devices: [{ device: gw2 }] })).body as { id: string };
    const primaryId = ((await get(t.current, `/devices/${f.gatewayId}/isolated-networks`, token)).body as { id: string; devices: { role: string }[] }[]).find((n) => n.devices[0]?.role === 'primary')!.id;
    const expiring = (await post(t.current, '/isolated-networks', token, { expiration: '2099-01-01T00:00:00Z', accessDetail: { accessType: 'Wi-Fi', ssid: 'Stay' }, devices: [{ device: gw2 }] })).body as { id: string };
    expect(await patch(t.current, `/devices/${f.gatewayId}/isolated-networks`, token, { replace: [{ replace: primaryId, with: expiring.id }] })).toMatchObject({ status: 400, body: { code: 'INVALID_ARGUMENT' } });

    expect(await patch(t.current, `/devices/${f.gatewayId}/isolated-networks`, token, { replace: [{ replace: primaryId, with: lobby.id }] })).toEqual({ status: 204, body: undefined });
    expect((await get(t.current, `/isolated-networks/${lobby.id}`, token, 'Network')).body).toMatchObject({
      devices: expect.arrayContaining([{ device: f.gatewayId, role: 'primary', removable: false }, { device: gw2, role: 'auxiliary', removable: true }]),
    });
    // The replaced network is on no device any more: deleted.
    expect(await get(t.current, `/isolated-networks/${primaryId}`, token)).toMatchObject({ status: 404 });
    const home = async () => expectData(await gql<{ location: { wifiNetworks: { kind: string; ssid: string }[] } }>(t.current, LOCATION, { id: f.siteId }, f.adminToken)).location.wifiNetworks;
    expect((await home()).find((n) => n.kind === 'PRIMARY')).toMatchObject({ ssid: 'Lobby' });

    expect(await send(t.current, 'PATCH', `/isolated-networks/${lobby.id}`, token, { accessDetail: { accessType: 'Wi-Fi', ssid: 'Lobby 2' } })).toMatchObject({ status: 200 });
    expect((await home()).find((n) => n.kind === 'PRIMARY')).toMatchObject({ ssid: 'Lobby 2' });
    expect(await guestSsids(t.current, f, f.emptySiteId)).toEqual(expect.arrayContaining(['Lobby 2']));
    // A network that is primary on a device is not removable, and the auxiliary role alone cannot change it.
    expect(await send(t.current, 'DELETE', `/isolated-networks/${lobby.id}`, token)).toMatchObject({ status: 400, body: { code: 'NETWORK_NOT_REMOVABLE' } });
    const auxiliaryOnly = await tokenFor(t.current, f, [S.AUXILIARY_WRITE, S.DEVICES_WRITE]);
    expect(await send(t.current, 'PATCH', `/isolated-networks/${lobby.id}`, auxiliaryOnly, { description: 'x' })).toMatchObject({ status: 403, body: { code: 'PERMISSION_DENIED' } });
    // The revoked-primary edge case: the client that created it keeps managing it with the only-own role.
    const onlyOwn = await clientCredentialsToken(t.current, client, [S.NETWORKS_WRITE, S.DEVICES_WRITE]);
    expect(await send(t.current, 'PATCH', `/isolated-networks/${lobby.id}`, onlyOwn, { accessDetail: { accessType: 'Wi-Fi', ssid: 'Lobby 3' } })).toMatchObject({ status: 200, body: { accessDetail: { ssid: 'Lobby 3' } } });
    expect((await home()).find((n) => n.kind === 'PRIMARY')).toMatchObject({ ssid: 'Lobby 3' });
  });

  it('deploys one network to the devices of several customers for a group-wide client, and not for a customer-bound one', async () => {
    const f = await fixture(t.current);
    const id = await guestNetwork(t.current, f);
    const others = [await createCustomer(t.current, f.adminToken), await createCustomer(t.current, f.adminToken)];
    const gateways: string[] = [];
    for (const other of others) gateways.push(expectData(await gql<{ claimNode: { id: string } }>(t.current, CLAIM_NODE, { locationId: other.locations[0].id, serial: serial() }, f.adminToken)).claimNode.id);
    const groupWide = await tokenFor(t.current, { ...f, customerId: undefined as unknown as string }, [S.AUXILIARY_WRITE, S.DEVICES_WRITE]);
    expect(await patch(t.current, `/isolated-networks/${id}/devices`, groupWide, { insert: gateways })).toEqual({ status: 204, body: undefined });
    expect(((await get(t.current, `/isolated-networks/${id}`, groupWide, 'Network')).body as { devices: { device: string }[] }).devices.map((d) => d.device).sort()).toEqual([f.gatewayId, ...gateways].sort());
    // For this customer's client, the other customers' devices do not exist.
    const token = await tokenFor(t.current, f, [S.AUXILIARY_WRITE, S.DEVICES_WRITE]);
    expect(await patch(t.current, `/isolated-networks/${id}/devices`, token, { delete: [gateways[0]] })).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    // It sees the network on its own device only, and cannot change what other owners' devices carry.
    expect(((await get(t.current, `/isolated-networks/${id}`, token, 'Network')).body as { devices: { device: string }[] }).devices.map((d) => d.device)).toEqual([f.gatewayId]);
    expect(await send(t.current, 'PATCH', `/isolated-networks/${id}`, token, { description: 'mine' })).toMatchObject({ status: 403, body: { code: 'PERMISSION_DENIED' } });
    expect(await send(t.current, 'DELETE', `/isolated-networks/${id}`, token)).toMatchObject({ status: 403, body: { code: 'PERMISSION_DENIED' } });
    // Deleting the network takes it off every device.
    expect(await send(t.current, 'DELETE', `/isolated-networks/${id}`, groupWide)).toMatchObject({ status: 204 });
    for (const other of others) expect(await guestSsids(t.current, f, other.locations[0].id)).toEqual([]);
  });

  it('deploys one network to 100 devices with one PATCH', async () => {
    const f = await fixture(t.current);
    const id = await guestNetwork(t.current, f);
    const gateways: string[] = [];
    for (let i = 0; i < 99; i++) {
      const site = expectData(await gql<{ createLocation: { id: string } }>(t.current, CREATE_LOCATION, { customerId: f.customerId, input: locationInput({ name: `Unit ${i}` }) }, f.adminToken)).createLocation.id;
      gateways.push(expectData(await gql<{ claimNode: { id: string } }>(t.current, CLAIM_NODE, { locationId: site, serial: serial() }, f.adminToken)).claimNode.id);
    }
    const token = await tokenFor(t.current, f, [S.AUXILIARY_WRITE, S.DEVICES_WRITE]);
    expect(await patch(t.current, `/isolated-networks/${id}/devices`, token, { insert: gateways })).toEqual({ status: 204, body: undefined });
    const devices = ((await get(t.current, `/isolated-networks/${id}`, token, 'Network')).body as { devices: { device: string }[] }).devices;
    expect(devices.map((d) => d.device).sort()).toEqual([f.gatewayId, ...gateways].sort());
    const guests = (await t.current.app.get(DataSource).query(`SELECT COUNT(*) AS n FROM wifi_networks WHERE kind = 'GUEST' AND ssid = 'Guests' AND group_id = '${f.groupId}'`)) as { n: string }[];
    expect(Number(guests[0].n)).toBe(100);
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
