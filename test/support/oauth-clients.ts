// OAuth helpers for e2e tests of REST APIs behind BearerTokenGuard: register an API client
// for a group through GraphQL, as a group admin would, and obtain a client-credentials
// access token from the running authorization server with openid-client.

import * as oidc from 'openid-client';
import { expectData, gql } from '../e2e/support/gql';
import { TestApp } from '../e2e/support/test-app';

export interface TestApiClient {
  /** Database id of the registered client. */
  id: string;
  clientId: string;
  /** Null for a public client. */
  clientSecret: string | null;
  groupId: string;
}

export interface RegisterOptions {
  name?: string;
  confidential?: boolean;
  redirectUris?: string[];
  justification?: string;
  /** Bind client credentials to this customer. */
  customerId?: string;
}

const REGISTER = `mutation ($input: RegisterApiClientInput!) {
  registerApiClient(input: $input) { clientSecret client { id clientId groupId } }
}`;

/** The authorization server's issuer in the test app (OAUTH_ISSUER unset: the listening address). */
export function issuerOf(app: TestApp): string {
  return app.config.oauth.issuer ?? `${new URL(app.url).origin}/oauth`;
}

/** The REST base of the test app (origin). */
export function originOf(app: TestApp): string {
  return new URL(app.url).origin;
}

/** Registers an API client for `groupId`; `token` is a group admin's (or platform admin's). */
export async function registerApiClient(app: TestApp, token: string, groupId: string, scopes: string[], options: RegisterOptions = {}): Promise<TestApiClient> {
  const input = {
    groupId,
    name: options.name ?? 'Test application',
    confidential: options.confidential ?? true,
    redirectUris: options.redirectUris ?? [],
    scopes,
    justification: options.justification ?? null,
    customerId: options.customerId ?? null,
  };
  const data = expectData(
    await gql<{ registerApiClient: { clientSecret: string | null; client: { id: string; clientId: string; groupId: string } } }>(app, REGISTER, { input }, token),
  );
  const { client, clientSecret } = data.registerApiClient;
  return { id: client.id, clientId: client.clientId, groupId: client.groupId, clientSecret };
}

/** openid-client's view of the authorization server for this client (discovery over HTTP). */
export async function oidcConfiguration(app: TestApp, client: Pick<TestApiClient, 'clientId' | 'clientSecret'>): Promise<oidc.Configuration> {
  const auth = client.clientSecret === null ? oidc.None() : oidc.ClientSecretBasic(client.clientSecret);
  return oidc.discovery(new URL(issuerOf(app)), client.clientId, undefined, auth, { execute: [oidc.allowInsecureRequests] });
}

/** A client-credentials access token with these scopes (all the client may have when omitted). */
export async function clientCredentialsToken(app: TestApp, client: Pick<TestApiClient, 'clientId' | 'clientSecret'>, scopes?: string[]): Promise<string> {
  const config = await oidcConfiguration(app, client);
  const tokens = await oidc.clientCredentialsGrant(config, scopes === undefined ? {} : { scope: scopes.join(' ') });
  return tokens.access_token;
}

/** Registers a confidential client for the group and returns it with a client-credentials token. */
export async function apiClientWithToken(
  app: TestApp,
  adminToken: string,
  groupId: string,
  scopes: string[],
  options: RegisterOptions = {},
): Promise<{ client: TestApiClient; accessToken: string }> {
  const client = await registerApiClient(app, adminToken, groupId, scopes, { ...options, confidential: true });
  return { client, accessToken: await clientCredentialsToken(app, client, scopes) };
}
