// Helpers of the /ebl tests: REST over real HTTP (GET and DELETE with the spec's bodies), a
// real HTTP receiver standing in for the provider's /ebl/notification (answers scripted per
// request), and a provider: an API client registered and approved for the `ebl` scope, set
// up by a group admin through GraphQL, with a client-credentials token from the app's
// authorization server.

import { createServer, IncomingHttpHeaders, request, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { expectData, gql, TestApp } from '../support';
import { clientCredentialsToken, registerApiClient, TestApiClient } from '../../support/oauth-clients';
import { platformAdmin } from '../support/roles';

export interface RestResponse {
  status: number;
  body: Record<string, unknown>;
}

/** One request to the app's REST API; `body` is sent as JSON whatever the method. */
export function rest(app: TestApp, method: string, path: string, token: string | undefined, body?: unknown): Promise<RestResponse> {
  const url = new URL(path, app.url);
  const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  const headers: Record<string, string> = {};
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  if (payload !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

export interface ReceivedNotification {
  headers: IncomingHttpHeaders;
  body: string;
  /** What the receiver answered. */
  status: number;
}

/** The provider's notification endpoint: a real HTTP server answering `script` in order, then 200. */
export class NotificationReceiver {
  readonly received: ReceivedNotification[] = [];
  readonly script: number[] = [];
  /** While set, every request is answered 503 (the provider is down). */
  failing = false;
  /** While set, requests are read and never answered (a provider that hangs). */
  hanging = false;
  private server: Server | undefined;

  get url(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}/ebl/notification`;
  }

  /** Notifications answered 2xx. */
  get delivered(): ReceivedNotification[] {
    return this.received.filter((r) => r.status >= 200 && r.status < 300);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (this.hanging) {
          this.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status: 0 });
          return;
        }
        const status = this.failing ? 503 : (this.script.shift() ?? 200);
        this.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status });
        res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server === undefined ? resolve() : this.server.close(() => resolve())));
  }
}

export const CONFIGURE = `mutation ($input: EblProviderInput!) { configureEblProvider(input: $input) { secret provider { apiClientId groupId locationScope locationIds notificationUrl accessIdSource } } }`;
export const DELIVERIES = `query ($id: ID!, $status: EblDeliveryStatus) { eblDeliveries(apiClientId: $id, status: $status) { id status mac accessId vendorId locationId attempts { number httpStatus error } } }`;

export interface TestProvider {
  apiClientId: string;
  client: TestApiClient;
  secret: string;
  /** Client-credentials access token of the provider's API client, with the ebl scope. */
  token: string;
}

const APPROVE = `mutation ($id: ID!) { approveApiClientScopes(id: $id) { id } }`;

/**
 * A confidential API client of the group asking for `scopes` (with a justification for the
 * sensitive `ebl`, approved by the platform admin), registered by the group's admin.
 */
export async function apiClient(app: TestApp, adminToken: string, groupId: string, scopes: string[] = ['ebl']): Promise<TestApiClient> {
  const client = await registerApiClient(app, adminToken, groupId, scopes, { name: 'Service provider', justification: scopes.includes('ebl') ? 'Orders services to the access where our equipment shows up' : undefined });
  if (scopes.includes('ebl')) expectData(await gql(app, APPROVE, { id: client.id }, await platformAdmin(app)));
  return client;
}

/** A client-credentials access token of the client with these scopes. */
export function tokenOf(app: TestApp, client: TestApiClient, scopes: string[] = ['ebl']): Promise<string> {
  return clientCredentialsToken(app, client, scopes);
}

/** An API client of the group, set up as an EBL provider by the group's admin, with its token. */
export async function setUpProvider(
  app: TestApp,
  adminToken: string,
  groupId: string,
  receiver: NotificationReceiver,
  scope: { locationIds?: string[]; accessIdSource?: string; scopes?: string[] } = {},
): Promise<TestProvider> {
  const client = await apiClient(app, adminToken, groupId, scope.scopes ?? ['ebl']);
  const apiClientId = client.id;
  const input = {
    apiClientId,
    groupId,
    locationScope: scope.locationIds === undefined ? 'ALL_LOCATIONS' : 'LISTED_LOCATIONS',
    locationIds: scope.locationIds ?? null,
    notificationUrl: receiver.url,
    accessIdSource: scope.accessIdSource ?? null,
  };
  const data = expectData(await gql<{ configureEblProvider: { secret: string } }>(app, CONFIGURE, { input }, adminToken));
  return { apiClientId, client, secret: data.configureEblProvider.secret, token: await tokenOf(app, client, scope.scopes ?? ['ebl']) };
}

export const EBL_TEST_ENV = {
  EBL_ALLOW_HTTP: 'true',
  EBL_RETRY_BASE_DELAY_MS: '50',
  EBL_RETRY_MAX_DELAY_MS: '200',
  EBL_POLL_INTERVAL_MS: '100',
  EBL_ATTEMPT_TIMEOUT_MS: '5000',
};
