// Milestone one of OAuth: API clients registered over GraphQL, client credentials with
// openid-client against the running authorization server, JWT access tokens checked by
// BearerTokenGuard on a REST route (scopes, inheritance, sensitive approval, deletion).

import { ResponseBodyError, WWWAuthenticateChallengeError } from 'openid-client';
import { DataSource } from 'typeorm';
import { CPE_SCOPES } from '../../../src/oauth/oauth-scopes';
import { apiClientWithToken, clientCredentialsToken, originOf, registerApiClient } from '../../support/oauth-clients';
import { createCustomer } from '../provisioning/provisioning-ops';
import { createGroupWithAdmin, createSupportUser, describeEachDatabase, expectData, expectErrorCode, gql, platformAdmin, useTestApp } from '../support';
import { PROBE_SCOPE, ProbeAnswer, ProbeModule } from './probe-api';

const S = CPE_SCOPES;

async function probe(origin: string, path: string, token?: string): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetch(`${origin}/oauth-probe/${path}`, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

/** The OAuth error code a token request failed with (from the body, or the 401 challenge). */
async function oauthError(request: Promise<unknown>): Promise<string> {
  const error: unknown = await request.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof ResponseBodyError) return error.error;
  if (error instanceof WWWAuthenticateChallengeError) return String(error.cause[0]?.parameters.error);
  throw new Error(`expected an OAuth error, got ${String(error)}`);
}

describeEachDatabase('OAuth client credentials', (db) => {
  const t = useTestApp(db, { imports: [ProbeModule] });

  it('registers a client (secret shown once), issues a JWT and lets the guarded route see the principal', async () => {
    const { groupId, adminToken } = await createGroupWithAdmin(t.current);
    const client = await registerApiClient(t.current, adminToken, groupId, [S.SITES_READ, S.DEVICES_WRITE, PROBE_SCOPE]);
    expect(client.clientSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const listed = expectData(await gql<{ apiClients: { clientId: string }[] }>(t.current, `{ apiClients { clientId scopes } }`, {}, adminToken));
    expect(listed.apiClients.map((c) => c.clientId)).toEqual([client.clientId]);
    const stored = await t.current.app.get(DataSource).query('SELECT secret_hash FROM api_clients WHERE client_id = $1'.replace('$1', `'${client.clientId}'`));
    expect(JSON.stringify(stored)).not.toContain(client.clientSecret);

    const token = await clientCredentialsToken(t.current, client, [S.SITES_READ, S.DEVICES_WRITE]);
    expect(token.split('.')).toHaveLength(3);
    const ok = await probe(originOf(t.current), 'sites', token);
    expect(ok.status).toBe(200);
    expect(ok.body as ProbeAnswer).toEqual({
      clientId: client.clientId,
      apiClientId: client.id,
      groupId,
      // devices-write inherits devices-read (the spec's table).
      scopes: [S.DEVICES_READ, S.DEVICES_WRITE, S.SITES_READ].sort(),
      subject: { kind: 'client' },
    });
  });

  it('answers 401 UNAUTHENTICATED without or with a bad token, 403 PERMISSION_DENIED without the scope', async () => {
    const origin = originOf(t.current);
    const { groupId, adminToken } = await createGroupWithAdmin(t.current);
    const none = await probe(origin, 'sites');
    expect(none).toMatchObject({ status: 401, body: { status: 401, code: 'UNAUTHENTICATED' } });
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    const forged = await probe(origin, 'sites', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.');
    expect(forged).toMatchObject({ status: 401, body: { status: 401, code: 'UNAUTHENTICATED' } });
    expect(forged.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');

    const { accessToken } = await apiClientWithToken(t.current, adminToken, groupId, [PROBE_SCOPE]);
    const tampered = accessToken.slice(0, -4) + (accessToken.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect((await probe(origin, 'registered', tampered)).status).toBe(401);
    expect(await probe(origin, 'registered', accessToken)).toMatchObject({ status: 200, body: { scopes: [PROBE_SCOPE] } });
    expect(await probe(origin, 'any', accessToken)).toMatchObject({ status: 200 });
    const denied = await probe(origin, 'sites', accessToken);
    expect(denied).toMatchObject({ status: 403, body: { status: 403, code: 'PERMISSION_DENIED', message: `missing scope: ${S.SITES_READ}` } });
  });

  it('refuses a wrong secret and scopes the client was not registered for', async () => {
    const { groupId, adminToken } = await createGroupWithAdmin(t.current);
    const client = await registerApiClient(t.current, adminToken, groupId, [PROBE_SCOPE]);
    expect(await oauthError(clientCredentialsToken(t.current, { ...client, clientSecret: 'not-the-secret' }))).toBe('invalid_client');
    expect(await oauthError(clientCredentialsToken(t.current, client, [S.SITES_READ]))).toBe('invalid_scope');
  });

  it('grants sensitive scopes only with a justification and after a platform admin approved them', async () => {
    const { groupId, adminToken } = await createGroupWithAdmin(t.current);
    const input = { groupId, name: 'Reconciler', confidential: true, redirectUris: [], scopes: [S.SITES_LOCATION_READ] };
    const REGISTER = `mutation ($input: RegisterApiClientInput!) { registerApiClient(input: $input) { clientSecret } }`;
    const refused = expectErrorCode(await gql(t.current, REGISTER, { input }, adminToken), 'VALIDATION_FAILED');
    expect(refused.message).toContain('justification');
    expect(expectData(await gql<{ apiClients: unknown[] }>(t.current, `{ apiClients { id } }`, {}, adminToken)).apiClients).toEqual([]);

    const client = await registerApiClient(t.current, adminToken, groupId, [S.SITES_LOCATION_READ], { justification: 'We reconcile 30,000 properties with our CRM.' });
    expect(await oauthError(clientCredentialsToken(t.current, client, [S.SITES_LOCATION_READ]))).toBe('invalid_scope');
    const APPROVE = `mutation ($id: ID!) { approveApiClientScopes(id: $id) { sensitiveApprovedAt } }`;
    expectErrorCode(await gql(t.current, APPROVE, { id: client.id }, adminToken), 'FORBIDDEN');
    expectData(await gql(t.current, APPROVE, { id: client.id }, await platformAdmin(t.current)));

    const token = await clientCredentialsToken(t.current, client, [S.SITES_LOCATION_READ]);
    const ok = await probe(originOf(t.current), 'sites', token);
    expect(ok).toMatchObject({ status: 200, body: { scopes: [S.SITES_LOCATION_READ, S.SITES_READ] } });
  });

  it('lets only admins of the group register, and binds client credentials to a customer of the group', async () => {
    const a = await createGroupWithAdmin(t.current);
    const b = await createGroupWithAdmin(t.current);
    const support = await createSupportUser(t.current, a.groupId);
    const REGISTER = `mutation ($input: RegisterApiClientInput!) { registerApiClient(input: $input) { clientSecret } }`;
    const input = { groupId: a.groupId, name: 'x', scopes: [PROBE_SCOPE] };
    expectErrorCode(await gql(t.current, REGISTER, { input }, b.adminToken), 'FORBIDDEN');
    expectErrorCode(await gql(t.current, REGISTER, { input }, support.token), 'FORBIDDEN');
    expectErrorCode(await gql(t.current, REGISTER, { input: { ...input, scopes: ['no-such-scope'] } }, a.adminToken), 'VALIDATION_FAILED');

    const customer = await createCustomer(t.current, a.adminToken);
    const otherCustomer = await createCustomer(t.current, b.adminToken);
    expectErrorCode(await gql(t.current, REGISTER, { input: { ...input, customerId: otherCustomer.id } }, a.adminToken), 'NOT_FOUND');
    const { client, accessToken } = await apiClientWithToken(t.current, a.adminToken, a.groupId, [PROBE_SCOPE], { customerId: customer.id });
    const ok = await probe(originOf(t.current), 'registered', accessToken);
    expect(ok).toMatchObject({ status: 200, body: { clientId: client.clientId, groupId: a.groupId, subject: { kind: 'customer', customerId: customer.id } } });
  });

  it('stops a deleted client at once, and a rotated secret replaces the old one', async () => {
    const { groupId, adminToken } = await createGroupWithAdmin(t.current);
    const { client, accessToken } = await apiClientWithToken(t.current, adminToken, groupId, [PROBE_SCOPE]);
    const ROTATE = `mutation ($id: ID!) { rotateApiClientSecret(id: $id) { clientSecret } }`;
    const rotated = expectData(await gql<{ rotateApiClientSecret: { clientSecret: string } }>(t.current, ROTATE, { id: client.id }, adminToken));
    expect(await oauthError(clientCredentialsToken(t.current, client))).toBe('invalid_client');
    await clientCredentialsToken(t.current, { ...client, clientSecret: rotated.rotateApiClientSecret.clientSecret });

    expect((await probe(originOf(t.current), 'registered', accessToken)).status).toBe(200);
    expectData(await gql(t.current, `mutation ($id: ID!) { deleteApiClient(id: $id) }`, { id: client.id }, adminToken));
    expect(await probe(originOf(t.current), 'registered', accessToken)).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
  });
});

describeEachDatabase('OAuth per-client rate limit', (db) => {
  const t = useTestApp(db, { imports: [ProbeModule], env: { OAUTH_RATE_LIMIT_PER_MINUTE: '3' } });

  it('answers 429 TOO_MANY_REQUESTS with Retry-After once a client used its budget, other clients unaffected', async () => {
    const { groupId, adminToken } = await createGroupWithAdmin(t.current);
    const first = await apiClientWithToken(t.current, adminToken, groupId, [PROBE_SCOPE]);
    const second = await apiClientWithToken(t.current, adminToken, groupId, [PROBE_SCOPE]);
    const origin = originOf(t.current);
    // The window starts at the client's first request: four in a row fall inside it.
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await probe(origin, 'registered', first.accessToken)).status);
    expect(statuses).toEqual([200, 200, 200]);
    const refused = await probe(origin, 'registered', first.accessToken);
    expect(refused).toMatchObject({ status: 429, body: { status: 429, code: 'TOO_MANY_REQUESTS' } });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await probe(origin, 'registered', second.accessToken)).status).toBe(200);
  });
});
