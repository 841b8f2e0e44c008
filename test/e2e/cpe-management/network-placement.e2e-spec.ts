// CPE Management API: networks on devices, for the one-device case. A network lives at its
// service site: GET /isolated-networks/{id}/devices answers that site's device; placing it
// on that device is a no-op success (204), on another site's device 501, removing the primary
// network 400 NETWORK_NOT_REMOVABLE; unknown devices or networks 404; nothing is written.
// Every answer is checked against the contracts.

import { CPE_SCOPES as S } from '../../../src/oauth/oauth-scopes';
import { CONTRACT_PATH, Contract, ownContract } from '../../support/cpe-contract';
import { originOf } from '../../support/oauth-clients';
import { CLAIM_NODE, createCustomer, CREATE_NETWORK, serial } from '../provisioning/provisioning-ops';
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

  it('accepts a network on its own device as a no-op, and refuses what this mapping cannot do without writing', async () => {
    const f = await fixture(t.current);
    const id = await guestNetwork(t.current, f);
    const token = await tokenFor(t.current, f, [S.AUXILIARY_WRITE, S.PRIMARY_READ, S.DEVICES_WRITE]);
    const before = await get(t.current, `/isolated-networks/${id}`, token, 'Network');

    expect(await patch(t.current, `/isolated-networks/${id}/devices`, token, { insert: [f.gatewayId] })).toEqual({ status: 204, body: undefined });
    expect(await patch(t.current, `/devices/${f.gatewayId}/isolated-networks`, token, { insert: [id] })).toEqual({ status: 204, body: undefined });
    expect(await patch(t.current, `/isolated-networks/${id}/devices`, token, {})).toEqual({ status: 204, body: undefined });

    // Another site's device (a second customer site with its own gateway).
    const other = await createCustomer(t.current, f.adminToken);
    const otherGateway = expectData(await gql<{ claimNode: { id: string } }>(t.current, CLAIM_NODE, { locationId: other.locations[0].id, serial: serial() }, f.adminToken)).claimNode.id;
    // A group-wide client (bound to no customer) reaches both sites.
    const groupWide = await tokenFor(t.current, { ...f, customerId: undefined as unknown as string }, [S.AUXILIARY_WRITE, S.DEVICES_WRITE]);
    expect(await patch(t.current, `/isolated-networks/${id}/devices`, groupWide, { insert: [otherGateway] })).toMatchObject({ status: 501, body: { code: 'NOT_IMPLEMENTED' } });
    expect(await patch(t.current, `/devices/${otherGateway}/isolated-networks`, groupWide, { insert: [id] })).toMatchObject({ status: 501, body: { code: 'NOT_IMPLEMENTED' } });
    // For this customer's client, the other customer's device does not exist.
    expect(await patch(t.current, `/isolated-networks/${id}/devices`, token, { insert: [otherGateway] })).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(await patch(t.current, `/isolated-networks/${id}/devices`, token, { insert: [f.extenderId] })).toMatchObject({ status: 404 });
    expect(await patch(t.current, `/devices/${f.gatewayId}/isolated-networks`, token, { insert: ['00000000-0000-4000-8000-000000000000'] })).toMatchObject({ status: 404 });

    const primaryId = ((await get(t.current, `/devices/${f.gatewayId}/isolated-networks`, token)).body as { id: string; devices: { role: string }[] }[]).find((n) => n.devices[0]?.role === 'primary')!.id;
    expect(await patch(t.current, `/devices/${f.gatewayId}/isolated-networks`, token, { delete: [primaryId] })).toMatchObject({ status: 400, body: { code: 'NETWORK_NOT_REMOVABLE' } });
    expect(await patch(t.current, `/isolated-networks/${id}/devices`, token, { delete: [f.gatewayId] })).toMatchObject({ status: 501, body: { code: 'NOT_IMPLEMENTED' } });
    expect(await patch(t.current, `/devices/${f.gatewayId}/isolated-networks`, token, { replace: [{ replace: id, with: primaryId }] })).toMatchObject({ status: 501 });
    expect(await patch(t.current, `/devices/${f.gatewayId}/isolated-networks`, token, { insert: 'not a list' })).toMatchObject({ status: 400, body: { code: 'INVALID_ARGUMENT' } });
    expect(await patch(t.current, `/devices/${f.gatewayId}/isolated-networks`, token, { move: [id] })).toMatchObject({ status: 400, body: { code: 'INVALID_ARGUMENT' } });

    const readOnly = await tokenFor(t.current, f, [S.AUXILIARY_WRITE, S.DEVICES_READ]);
    expect(await patch(t.current, `/isolated-networks/${id}/devices`, readOnly, { insert: [f.gatewayId] })).toMatchObject({ status: 403, body: { code: 'PERMISSION_DENIED' } });

    const after = await get(t.current, `/isolated-networks/${id}`, token, 'Network');
    expect(after.etag).toBe(before.etag);
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
