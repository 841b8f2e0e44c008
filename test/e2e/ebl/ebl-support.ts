// Helpers of the /ebl tests: REST over real HTTP (GET and DELETE with the spec's bodies), a
// real HTTP receiver standing in for the provider's /ebl/notification (answers scripted per
// request), and a provider set up by a group admin through GraphQL.

import { createServer, IncomingHttpHeaders, request, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { expectData, gql, TestApp } from '../support';
import { EblCaller, EblCallerResolver } from '../../../src/ebl/http/ebl-caller';
import { AppError } from '../../../src/common/errors/app-error';

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
  secret: string;
  /** Bearer token of the provider's API client, with the ebl scope. */
  token: string;
}

/**
 * Until API clients authenticate through the authorization server, tests connect the
 * EblCallerResolver port to tokens of the form `ebl-test.<apiClientId>.<groupId>.<scopes>`.
 */
export class TestTokenCallerResolver extends EblCallerResolver {
  resolve(req: { headers: Record<string, string | string[] | undefined> }): Promise<EblCaller> {
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ebl-test\.([^.]+)\.([^.]+)\.(.*)$/.exec(header) : null;
    if (match === null) return Promise.reject(AppError.unauthenticated());
    return Promise.resolve({ apiClientId: match[1], groupId: match[2], scopes: match[3].split(',') });
  }
}

export const testCallerOverride = { provide: EblCallerResolver, useValue: new TestTokenCallerResolver() };

export function callerToken(apiClientId: string, groupId: string, scopes = ['ebl']): string {
  return `ebl-test.${apiClientId}.${groupId}.${scopes.join(',')}`;
}

let counter = 0;

/** An API client of the group, set up as an EBL provider by the group's admin. */
export async function setUpProvider(
  app: TestApp,
  adminToken: string,
  groupId: string,
  receiver: NotificationReceiver,
  scope: { locationIds?: string[]; accessIdSource?: string } = {},
): Promise<TestProvider> {
  const apiClientId = `sp-${process.pid}-${++counter}`;
  const input = {
    apiClientId,
    groupId,
    locationScope: scope.locationIds === undefined ? 'ALL_LOCATIONS' : 'LISTED_LOCATIONS',
    locationIds: scope.locationIds ?? null,
    notificationUrl: receiver.url,
    accessIdSource: scope.accessIdSource ?? null,
  };
  const data = expectData(await gql<{ configureEblProvider: { secret: string } }>(app, CONFIGURE, { input }, adminToken));
  return { apiClientId, secret: data.configureEblProvider.secret, token: callerToken(apiClientId, groupId) };
}

export const EBL_TEST_ENV = {
  EBL_ALLOW_HTTP: 'true',
  EBL_RETRY_BASE_DELAY_MS: '50',
  EBL_RETRY_MAX_DELAY_MS: '200',
  EBL_POLL_INTERVAL_MS: '100',
  EBL_ATTEMPT_TIMEOUT_MS: '5000',
};
