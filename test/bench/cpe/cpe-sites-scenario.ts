// Part "cpe-sites", the CPE Management API's read path (issue #19): a group-wide API client
// (client credentials, bound to no customer: every customer of its group is a service
// owner) lists the service sites of N homes, each with its device, with the location and
// devices scopes. Measured over real HTTP against the controller process, one request at a
// time (latency, not throughput):
// 1. the plain form, GET /service-sites (all N sites in one answer), p50/p99 over R requests;
// 2. the paginated form, GET /service-sites?limit=100 following the Link header to the end,
//    p50/p99 per page request.
// Target: p99 < 200 ms with 10,000 homes. The homes are seeded through GraphQL, as the fleet
// parts seed them (createCustomer with location and PRIMARY network, then claimNode).

import { ADMIN_EMAIL, ADMIN_PASSWORD, ControllerProcess, ensureControllerBuilt } from '../fleet/controller-process';
import { freePort } from '../fleet/free-port';
import { GraphqlClient } from '../fleet/graphql-client';
import { seedModel } from '../fleet/model-seeder';
import type { BenchOptions } from '../framework/bench-options';
import type { PartReport } from '../framework/bench-result';
import { verdict } from '../framework/bench-result';
import { ms, percentile } from '../framework/stats';
import { CPE_SCOPES as S } from '../../../src/oauth/oauth-scopes';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..', '..');
const TITLE = 'CPE Management API: listing service sites';
const SCOPES = [S.SITES_LOCATION_READ, S.DEVICES_READ];
const PAGE = 100;

const REGISTER = `mutation ($input: RegisterApiClientInput!) { registerApiClient(input: $input) { clientSecret client { id clientId } } }`;
const APPROVE = 'mutation ($id: ID!) { approveApiClientScopes(id: $id) { id } }';

async function clientCredentialsToken(origin: string, clientId: string, secret: string): Promise<string> {
  const response = await fetch(`${origin}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}` },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: SCOPES.join(' ') }).toString(),
  });
  const body = (await response.json()) as { access_token?: string; error?: string };
  if (body.access_token === undefined) throw new Error(`token endpoint answered ${response.status}: ${body.error ?? 'no token'}`);
  return body.access_token;
}

/** One timed GET; the answer must be 200 with a list (a bench of errors measures nothing). */
async function timedGet(url: string, token: string): Promise<{ ms: number; count: number; next: string | null }> {
  const t0 = process.hrtime.bigint();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as unknown;
  const elapsed = Number(process.hrtime.bigint() - t0) / 1e6;
  if (response.status !== 200 || !Array.isArray(body)) throw new Error(`GET ${url} answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
  const link = response.headers.get('link');
  const next = link === null ? null : (/<([^>]+)>;\s*rel="next"/.exec(link)?.[1] ?? null);
  return { ms: elapsed, count: body.length, next: next === null ? null : new URL(next, url).toString() };
}

export async function runCpeSites(options: BenchOptions): Promise<PartReport[]> {
  const homes = options.devices;
  const requests = options.quick || homes < 10_000 ? 50 : 200;
  await ensureControllerBuilt(ROOT);
  const controller = await ControllerProcess.start({ root: ROOT, ovsdbPort: await freePort(), env: { OAUTH_RATE_LIMIT_PER_MINUTE: '1000000' } });
  try {
    const origin = new URL(controller.url).origin;
    const api = new GraphqlClient(controller.url);
    await api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    const serials = Array.from({ length: homes }, (_, i) => `CPE${String(i).padStart(9, '0')}`);
    console.log(`bench: seeding ${homes} homes through GraphQL`);
    const seedStarted = Date.now();
    const seeded = await seedModel(api, serials);
    const seedS = (Date.now() - seedStarted) / 1000;
    const groupId = (await api.request<{ customer: { groupId: string } }>('query ($id: ID!) { customer(id: $id) { groupId } }', { id: seeded[0].customerId })).customer.groupId;
    const input = { groupId, name: 'Bench application', confidential: true, redirectUris: [], scopes: SCOPES, justification: 'Benchmark of the service-site listing.', customerId: null };
    const registered = await api.request<{ registerApiClient: { clientSecret: string; client: { id: string; clientId: string } } }>(REGISTER, { input });
    await api.request(APPROVE, { id: registered.registerApiClient.client.id });
    const token = await clientCredentialsToken(origin, registered.registerApiClient.client.clientId, registered.registerApiClient.clientSecret);

    const base = `${origin}/cpe-management/v0/service-sites`;
    const first = await timedGet(base, token); // warm-up, and the check that every site is listed
    if (first.count !== homes) throw new Error(`the listing holds ${first.count} sites, expected ${homes}`);
    const plain: number[] = [];
    for (let i = 0; i < requests; i++) plain.push((await timedGet(base, token)).ms);

    const pages: number[] = [];
    let walks = 0;
    while (pages.length < requests) {
      let url: string | null = `${base}?limit=${PAGE}`;
      let listed = 0;
      while (url !== null) {
        const page = await timedGet(url, token);
        pages.push(page.ms);
        listed += page.count;
        url = page.next;
      }
      if (listed !== homes) throw new Error(`the paginated walk listed ${listed} sites, expected ${homes}`);
      walks++;
    }
    const plainP99 = percentile(plain, 99);
    const pageP99 = percentile(pages, 99);
    return [
      {
        part: 'cpe-sites',
        title: TITLE,
        rows: [
          { metric: `GET /service-sites, all ${homes.toLocaleString('en')} sites in one answer, p50`, value: ms(percentile(plain, 50)) },
          { metric: 'GET /service-sites, p99', value: ms(plainP99), target: '< 200 ms', verdict: verdict(plainP99 < 200) },
          { metric: `GET /service-sites?limit=${PAGE} (one page, Link to the next), p50`, value: ms(percentile(pages, 50)) },
          { metric: `GET /service-sites?limit=${PAGE}, p99`, value: ms(pageP99), target: '< 200 ms', verdict: verdict(pageP99 < 200) },
        ],
        notes: [
          `${homes.toLocaleString('en')} homes (customer, location with address, PRIMARY network, one claimed node each) in one group, seeded through GraphQL in ${seedS.toFixed(1)} s; no devices connected (the listing reads the model only).`,
          `A group-wide API client (client credentials, no customer) with ${SCOPES.join(', ')}; one request at a time over HTTP on loopback, timed from sending to the parsed body; ${requests} plain requests after one warm-up, and ${pages.length} page requests in ${walks} full walks.`,
          'Controller and bench on the same machine; SQLite.',
        ],
      },
    ];
  } finally {
    await controller.stop();
  }
}
