// CPE Management API: reboot requests as REBOOT device operations. Created for named
// devices or the default device, seen and cancelled only by the client that created them,
// bodies checked against the schema (unknown fields refused, nothing written), contract.

import { DataSource } from 'typeorm';
import { CPE_SCOPES as S } from '../../../src/oauth/oauth-scopes';
import { CONTRACT_PATH, Contract, ownContract } from '../../support/cpe-contract';
import { originOf } from '../../support/oauth-clients';
import { CLAIM_NODE, createCustomer, serial } from '../provisioning/provisioning-ops';
import { describeEachDatabase, expectData, gql, TestApp, useTestApp } from '../support';
import { answered, fixture, get, reference, tokenFor } from './cpe-fixture';

async function send(app: TestApp, method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${originOf(app)}/cpe-management/v0${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed: unknown = text === '' ? undefined : JSON.parse(text);
  if (text !== '') answered.push([response.status === 200 || response.status === 201 ? 'RebootRequest' : 'ErrorInfo', parsed]);
  return { status: response.status, body: parsed };
}

async function operationCount(app: TestApp): Promise<number> {
  const [{ n }] = (await app.app.get(DataSource).query('SELECT COUNT(*) AS n FROM device_operations')) as { n: string | number }[];
  return Number(n);
}

describeEachDatabase('CPE Management API: reboot requests', (db) => {
  const t = useTestApp(db);

  it('creates a scheduled reboot of named devices, lists it for its client only, and cancels it', async () => {
    const f = await fixture(t.current);
    const token = await tokenFor(t.current, f, [S.REBOOTS_WRITE, S.DEVICES_READ]);
    const atTime = new Date(Date.now() + 3_600_000).toISOString();
    const created = await send(t.current, 'POST', '/reboot-requests', token, { devices: [f.gatewayId], message: 'weekly restart', atTime });
    expect(created).toMatchObject({ status: 201, body: { devices: [f.gatewayId], message: 'weekly restart', atTime } });
    const id = (created.body as { id: string }).id;

    const operation = expectData(await gql<{ deviceOperation: { kind: string; state: string; targetCount: number } }>(
      t.current,
      `query ($id: ID!) { deviceOperation(id: $id) { kind state targetCount } }`,
      { id },
      f.adminToken,
    )).deviceOperation;
    // The device is the location's nodes: gateway and extender.
    expect(operation).toEqual({ kind: 'REBOOT', state: 'SCHEDULED', targetCount: 2 });

    expect((await get(t.current, '/reboot-requests', token, 'RebootRequestList')).body).toEqual([created.body]);
    expect((await get(t.current, `/reboot-requests/${id}`, token, 'RebootRequest')).body).toEqual(created.body);
    const otherClient = await tokenFor(t.current, f, [S.REBOOTS_WRITE, S.DEVICES_READ]);
    expect((await get(t.current, '/reboot-requests', otherClient, 'RebootRequestList')).body).toEqual([]);
    expect(await get(t.current, `/reboot-requests/${id}`, otherClient)).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect((await send(t.current, 'DELETE', `/reboot-requests/${id}`, otherClient)).status).toBe(404);

    const later = new Date(Date.now() + 7_200_000).toISOString();
    const moved = await send(t.current, 'PATCH', `/reboot-requests/${id}`, token, { atTime: later, message: 'moved' });
    expect(moved).toMatchObject({ status: 200, body: { id, atTime: later, message: 'moved' } });
    expect(await send(t.current, 'PATCH', `/reboot-requests/${id}`, token, { devices: [] })).toMatchObject({ status: 400, body: { code: 'INVALID_ARGUMENT' } });
    expect((await send(t.current, 'PATCH', `/reboot-requests/${id}`, otherClient, { message: 'x' })).status).toBe(404);

    expect((await send(t.current, 'DELETE', `/reboot-requests/${id}`, token)).status).toBe(204);
    expect(await get(t.current, `/reboot-requests/${id}`, token)).toMatchObject({ status: 404 });
    const after = expectData(await gql<{ deviceOperation: { state: string } }>(t.current, `query ($id: ID!) { deviceOperation(id: $id) { state } }`, { id }, f.adminToken));
    expect(after.deviceOperation.state).toBe('CANCELLED');
  });

  it('refuses bad bodies, unknown devices and missing scopes without creating anything', async () => {
    const f = await fixture(t.current);
    const token = await tokenFor(t.current, f, [S.REBOOTS_WRITE, S.DEVICES_READ]);
    const before = await operationCount(t.current);
    for (const body of [{ devices: [f.gatewayId], force: true }, { devices: [] }, { atTime: 'tomorrow' }, { message: 'x'.repeat(256) }, [f.gatewayId]]) {
      expect(await send(t.current, 'POST', '/reboot-requests', token, body)).toMatchObject({ status: 400, body: { status: 400, code: 'INVALID_ARGUMENT' } });
    }
    expect(await send(t.current, 'POST', '/reboot-requests', token, { devices: [f.extenderId] })).toMatchObject({ status: 400, body: { code: 'INVALID_ARGUMENT' } });
    expect(await send(t.current, 'POST', '/reboot-requests', token, { atTime: '2001-01-01T00:00:00Z', devices: [f.gatewayId] })).toMatchObject({ status: 400 });
    const readOnly = await tokenFor(t.current, f, [S.REBOOTS_READ, S.DEVICES_READ]);
    expect(await send(t.current, 'POST', '/reboot-requests', readOnly, { devices: [f.gatewayId] })).toMatchObject({ status: 403, body: { code: 'PERMISSION_DENIED' } });
    const noDevices = await tokenFor(t.current, f, [S.REBOOTS_WRITE]);
    expect(await send(t.current, 'POST', '/reboot-requests', noDevices, { devices: [f.gatewayId] })).toMatchObject({ status: 403 });
    // Two sites: no default device.
    expect(await send(t.current, 'POST', '/reboot-requests', noDevices, {})).toMatchObject({ status: 403, body: { code: 'DEFAULT_DEVICE_NOT_SUPPORTED' } });
    expect(await operationCount(t.current)).toBe(before);
  });

  it('reboots the default device of a customer with one site and one device', async () => {
    const f = await fixture(t.current);
    const single = await createCustomer(t.current, f.adminToken);
    const node = expectData(await gql<{ claimNode: { id: string } }>(t.current, CLAIM_NODE, { locationId: single.locations[0].id, serial: serial() }, f.adminToken)).claimNode;
    const token = await tokenFor(t.current, { ...f, customerId: single.id }, [S.REBOOTS_WRITE]);
    expect(await send(t.current, 'POST', '/reboot-requests', token, {})).toMatchObject({ status: 201, body: { devices: [node.id] } });
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
