// Milestone two of OAuth: a customer signs in on the consent page and allows a client
// (authorization code with PKCE, performed by openid-client, pages submitted as a browser
// would), refresh tokens, revocation, the customer's list of grants and withdrawal (the
// client stopped at once), and the one-time password link.

import * as oidc from 'openid-client';
import { CPE_SCOPES } from '../../../src/oauth/oauth-scopes';
import { oidcConfiguration, originOf, registerApiClient, TestApiClient } from '../../support/oauth-clients';
import { createCustomer } from '../provisioning/provisioning-ops';
import { createGroupWithAdmin, createSupportUser, describeEachDatabase, expectData, expectErrorCode, gql, platformAdmin, TestApp, useTestApp } from '../support';
import { Browser, expectPage, expectRedirect } from './browser';
import { PROBE_SCOPE, ProbeModule } from './probe-api';

const S = CPE_SCOPES;
const REDIRECT = 'http://127.0.0.1/callback';
const PASSWORD = 'customer password 1';

async function probe(app: TestApp, path: string, token: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${originOf(app)}/oauth-probe/${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

interface Setup {
  groupId: string;
  adminToken: string;
  customer: { id: string; email: string };
  client: TestApiClient;
  config: oidc.Configuration;
}

async function setup(app: TestApp, scopes: string[], options: { confidential?: boolean; justification?: string } = {}): Promise<Setup> {
  const { groupId, adminToken } = await createGroupWithAdmin(app);
  const customer = await createCustomer(app, adminToken, { password: PASSWORD });
  const client = await registerApiClient(app, adminToken, groupId, scopes, {
    name: 'Rental <Manager>',
    confidential: options.confidential ?? false,
    redirectUris: [REDIRECT],
    justification: options.justification,
  });
  return { groupId, adminToken, customer, client, config: await oidcConfiguration(app, client) };
}

/** Starts the flow in a fresh browser; returns the browser, the PKCE verifier, state and first page. */
async function authorize(s: Setup, scope: string, pkce = true) {
  const browser = new Browser();
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const params: Record<string, string> = { redirect_uri: REDIRECT, scope, state };
  if (pkce) Object.assign(params, { code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256' });
  const first = await browser.open(oidc.buildAuthorizationUrl(s.config, params).href);
  return { browser, verifier, state, first };
}

async function consentAndCode(s: Setup, scope: string): Promise<{ browser: Browser; tokens: oidc.TokenEndpointResponse }> {
  const { browser, verifier, state, first } = await authorize(s, scope);
  const consent = expectPage(await browser.submit(expectPage(first), '/login', { email: s.customer.email, password: PASSWORD }));
  const callback = expectRedirect(await browser.submit(consent, '/confirm'));
  const tokens = await oidc.authorizationCodeGrant(s.config, callback, { pkceCodeVerifier: verifier, expectedState: state });
  return { browser, tokens };
}

describeEachDatabase('OAuth authorization code with PKCE', (db) => {
  const t = useTestApp(db, { imports: [ProbeModule] });

  it('signs the customer in, shows the consent page, and issues tokens that act for the customer', async () => {
    const s = await setup(t.current, [S.AUXILIARY_WRITE, S.SITES_READ, PROBE_SCOPE]);
    const { browser, verifier, state, first } = await authorize(s, `${S.AUXILIARY_WRITE} ${PROBE_SCOPE}`);
    const login = expectPage(first);
    expect(login.html).toContain('Rental &lt;Manager&gt;');
    const wrong = expectPage(await browser.submit(login, '/login', { email: s.customer.email, password: 'not the password' }));
    expect(wrong.status).toBe(401);
    expect(wrong.html).toContain('wrong email or password');

    const consent = expectPage(await browser.submit(wrong, '/login', { email: s.customer.email, password: PASSWORD }));
    expect(consent.html).toContain('Allow access?');
    expect(consent.html).toContain("Create or change the service owner&#39;s guest and IoT networks");
    expect(consent.html).not.toContain(S.SITES_READ);
    expect(consent.html).not.toContain('Protected information');

    const callback = expectRedirect(await browser.submit(consent, '/confirm'));
    expect(callback.origin + callback.pathname).toBe(REDIRECT);
    const tokens = await oidc.authorizationCodeGrant(s.config, callback, { pkceCodeVerifier: verifier, expectedState: state });
    expect(tokens.refresh_token).toEqual(expect.any(String));
    const answer = await probe(t.current, 'registered', tokens.access_token);
    expect(answer).toMatchObject({ status: 200, body: { clientId: s.client.clientId, subject: { kind: 'customer', customerId: s.customer.id } } });
    expect(answer.body.scopes).toEqual([S.AUXILIARY_READ, S.AUXILIARY_WRITE, S.NETWORKS_READ, S.NETWORKS_WRITE, PROBE_SCOPE].sort());

    // Refresh (rotating).
    const refreshed = await oidc.refreshTokenGrant(s.config, tokens.refresh_token!);
    expect((await probe(t.current, 'registered', refreshed.access_token)).status).toBe(200);

    // The code is single-use; a replay revokes what it issued (RFC 6749 section 4.1.2).
    await expect(oidc.authorizationCodeGrant(s.config, callback, { pkceCodeVerifier: verifier, expectedState: state })).rejects.toMatchObject({ error: 'invalid_grant' });
    await expect(oidc.refreshTokenGrant(s.config, refreshed.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
    expect((await probe(t.current, 'registered', refreshed.access_token)).status).toBe(401);
  });

  it('revokes a refresh token at the revocation endpoint (RFC 7009)', async () => {
    const s = await setup(t.current, [PROBE_SCOPE]);
    const { tokens } = await consentAndCode(s, PROBE_SCOPE);
    await oidc.tokenRevocation(s.config, tokens.refresh_token!);
    await expect(oidc.refreshTokenGrant(s.config, tokens.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('requires PKCE, and sends the client an error when the customer denies', async () => {
    const s = await setup(t.current, [PROBE_SCOPE], { confidential: true });
    const noPkce = await authorize(s, PROBE_SCOPE, false);
    const refused = expectRedirect(noPkce.first);
    expect(refused.searchParams.get('error')).toBe('invalid_request');
    expect(refused.searchParams.get('error_description')).toContain('PKCE');

    const { browser, first } = await authorize(s, PROBE_SCOPE);
    const consent = expectPage(await browser.submit(expectPage(first), '/login', { email: s.customer.email, password: PASSWORD }));
    const denied = expectRedirect(await browser.submit(consent, '/abort'));
    expect(denied.searchParams.get('error')).toBe('access_denied');
  });

  it('lists sensitive scopes apart with the justification, and lets only customers of the client group sign in', async () => {
    const s = await setup(t.current, [S.SITES_LOCATION_READ, PROBE_SCOPE], { justification: 'We match your properties to our bookings.' });
    expectData(await gql(t.current, `mutation ($id: ID!) { approveApiClientScopes(id: $id) { id } }`, { id: s.client.id }, await platformAdmin(t.current)));
    const other = await createGroupWithAdmin(t.current);
    const stranger = await createCustomer(t.current, other.adminToken, { password: PASSWORD });
    const { browser, first } = await authorize(s, `${S.SITES_LOCATION_READ} ${PROBE_SCOPE}`);
    const refused = expectPage(await browser.submit(expectPage(first), '/login', { email: stranger.email, password: PASSWORD }));
    expect(refused.status).toBe(401);
    const consent = expectPage(await browser.submit(refused, '/login', { email: s.customer.email, password: PASSWORD }));
    const sensitive = consent.html.slice(consent.html.indexOf('Protected information'));
    expect(sensitive).toContain("Read a service site&#39;s physical location");
    expect(sensitive).toContain('We match your properties to our bookings.');
    expect(consent.html.indexOf('Call the test probe')).toBeLessThan(consent.html.indexOf('Protected information'));
  });

  it('lets the customer list and withdraw grants, which stops the client at once', async () => {
    const s = await setup(t.current, [PROBE_SCOPE]);
    const { tokens } = await consentAndCode(s, PROBE_SCOPE);
    expect((await probe(t.current, 'registered', tokens.access_token)).status).toBe(200);

    const browser = new Browser();
    const grantsUrl = `${originOf(t.current)}/oauth/grants/${s.groupId}`;
    const login = expectPage(await browser.open(grantsUrl));
    const list = expectPage(await browser.submit(login, '/oauth/grants/', { email: s.customer.email, password: PASSWORD }));
    expect(list.html).toContain('Rental &lt;Manager&gt;');
    expect(list.html).toContain('Call the test probe');
    const after = expectPage(await browser.submit(list, '/oauth/grants/revoke'));
    expect(after.html).toContain('Access withdrawn.');
    expect(after.html).toContain('No application has access.');

    expect(await probe(t.current, 'registered', tokens.access_token)).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    await expect(oidc.refreshTokenGrant(s.config, tokens.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it("lets operators list and revoke a customer's grants in GraphQL, which stops the client at once", async () => {
    const GRANTS = 'query ($id: ID!) { customerApiGrants(customerId: $id) { grantId clientId clientName scopes grantedAt } }';
    const REVOKE = 'mutation ($id: ID!, $grant: ID!) { revokeCustomerApiGrant(customerId: $id, grantId: $grant) }';
    const s = await setup(t.current, [PROBE_SCOPE]);
    const { tokens } = await consentAndCode(s, PROBE_SCOPE);
    const support = await createSupportUser(t.current, s.groupId);
    const grants = expectData(await gql<{ customerApiGrants: { grantId: string }[] }>(t.current, GRANTS, { id: s.customer.id }, support.token)).customerApiGrants;
    expect(grants).toEqual([{ grantId: expect.any(String), clientId: s.client.clientId, clientName: 'Rental <Manager>', scopes: [PROBE_SCOPE], grantedAt: expect.any(String) }]);
    const grantId = grants[0].grantId;

    // Another group sees no such customer; support staff may read but not revoke; a grant of
    // nobody (or another customer's) is NOT_FOUND.
    const other = await createGroupWithAdmin(t.current);
    expectErrorCode(await gql(t.current, GRANTS, { id: s.customer.id }, other.adminToken), 'NOT_FOUND');
    expectErrorCode(await gql(t.current, REVOKE, { id: s.customer.id, grant: grantId }, other.adminToken), 'NOT_FOUND');
    expectErrorCode(await gql(t.current, REVOKE, { id: s.customer.id, grant: grantId }, support.token), 'FORBIDDEN');
    expectErrorCode(await gql(t.current, REVOKE, { id: s.customer.id, grant: 'no-such-grant' }, s.adminToken), 'NOT_FOUND');
    expect((await probe(t.current, 'registered', tokens.access_token)).status).toBe(200);

    expect(expectData(await gql(t.current, REVOKE, { id: s.customer.id, grant: grantId }, s.adminToken))).toEqual({ revokeCustomerApiGrant: true });
    expect(await probe(t.current, 'registered', tokens.access_token)).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    await expect(oidc.refreshTokenGrant(s.config, tokens.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
    expect(expectData(await gql(t.current, GRANTS, { id: s.customer.id }, s.adminToken))).toEqual({ customerApiGrants: [] });
    expectErrorCode(await gql(t.current, REVOKE, { id: s.customer.id, grant: grantId }, s.adminToken), 'NOT_FOUND');
    const AUDIT = '{ auditEvents(first: 5) { edges { node { action objectId } } } }';
    const events = expectData(await gql<{ auditEvents: { edges: { node: { action: string; objectId: string } }[] } }>(t.current, AUDIT, {}, s.adminToken)).auditEvents.edges.map((e) => e.node);
    expect(events).toContainEqual({ action: 'customer.api-grant.revoke', objectId: s.customer.id });
  });

  it('sets a customer password through a one-time link', async () => {
    const { groupId, adminToken } = await createGroupWithAdmin(t.current);
    const customer = await createCustomer(t.current, adminToken);
    const LINK = `mutation ($id: ID!) { createCustomerPasswordLink(customerId: $id) { url expiresAt } }`;
    const { url } = expectData(await gql<{ createCustomerPasswordLink: { url: string } }>(t.current, LINK, { id: customer.id }, adminToken)).createCustomerPasswordLink;
    expect(url).toMatch(/\/oauth\/password\/[A-Za-z0-9_-]{43}$/);
    const browser = new Browser();
    const form = expectPage(await browser.open(url));
    const short = expectPage(await browser.submit(form, '/oauth/password/', { password: 'short' }));
    expect(short.status).toBe(400);
    const done = expectPage(await browser.submit(short, '/oauth/password/', { password: 'my new password' }));
    expect(done).toMatchObject({ status: 200, html: expect.stringContaining('Your password is set') });
    expect(expectPage(await browser.open(url)).status).toBe(404);

    const grants = expectPage(await browser.open(`${originOf(t.current)}/oauth/grants/${groupId}`));
    const list = expectPage(await browser.submit(grants, '/oauth/grants/', { email: customer.email, password: 'my new password' }));
    expect(list).toMatchObject({ status: 200, html: expect.stringContaining('No application has access.') });
  });
});
