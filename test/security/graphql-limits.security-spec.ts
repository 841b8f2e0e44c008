// Findings 1-3 of the security review, attacked as they were: exponential fragments sent
// anonymously, deep and wide queries over graphql-ws, aliases multiplying work, an
// oversized or anonymous socket. Each must be refused (a code, a close) and leave the
// process answering; the standard introspection query must still pass on both transports.

import { getIntrospectionQuery } from 'graphql';
import WebSocket from 'ws';
import { QUERY_LIMITS } from '../../src/common/graphql/query-limits';
import { LOCATION_QUERY } from '../bench/fleet/read-path';
import { createCustomer } from '../e2e/provisioning/provisioning-ops';
import { createGroupWithAdmin, createSupportUser, expectData, gql, platformAdmin, useTestApp } from '../e2e/support';
import { closeCodeOf, firstOutcome, wsClient } from './support/graphql-ws-client';

const NOWHERE = '00000000-0000-4000-8000-000000000000';

/** The review's 905-byte document: fragments that each spread the next twice. */
function doublingFragments(levels: number): string {
  let query = `query { location(id: "${NOWHERE}") { ...F0 } }\n`;
  for (let i = 0; i < levels; i++) query += `fragment F${i} on Location { customer { locations { ...F${i + 1} ...F${i + 1} } } }\n`;
  return `${query}fragment F${levels} on Location { id }`;
}

/** location -> customer -> locations -> ... : `pairs` times two levels below the root field. */
function deep(pairs: number): string {
  return `{ location(id: "${NOWHERE}") { ${'customer { locations { '.repeat(pairs)}id${' } }'.repeat(pairs)} } }`;
}

/** Every error of the response, each one a refusal by the limits (not, say, an unknown field). */
function expectLimitRefusal(res: { status: number; data?: unknown; errors?: { message: string; extensions?: { code?: unknown } }[] }, limit: RegExp): void {
  expect(res.status).toBe(400);
  expect(res.data).toBeUndefined();
  expect(res.errors?.map((e) => e.extensions?.code)).toEqual(res.errors?.map(() => 'VALIDATION_FAILED'));
  expect(res.errors?.map((e) => e.message)).toContainEqual(expect.stringMatching(limit));
  expect(res.errors?.filter((e) => /Cannot query field|Unknown/.test(e.message))).toEqual([]);
}

describe('GraphQL limits (findings 1-3)', () => {
  const t = useTestApp('sqlite');

  it('refuses fragments that double at every level before authentication, and keeps answering', async () => {
    for (const levels of [22, 60]) expectLimitRefusal(await gql(t.current, doublingFragments(levels)), /depth limit of 10 exceeded/);
    expectData(await gql(t.current, '{ __typename }'));
  });

  it('refuses, over HTTP, depth beyond the limit, too many aliases, directives and tokens', async () => {
    const admin = await platformAdmin(t.current);
    const refusals: [string, RegExp][] = [
      [deep(QUERY_LIMITS.depth / 2), /depth limit of 10 exceeded, found 12/],
      [`{ ${Array.from({ length: QUERY_LIMITS.aliases + 1 }, (_, i) => `n${i}: node(id: "${NOWHERE}") { vifs { ifName } }`).join(' ')} }`, /Aliases limit of 250 exceeded/],
      [`{ me { id${' @include(if: true)'.repeat(QUERY_LIMITS.directives + 1)} } }`, /Directives limit of 20 exceeded/],
      [`{ ${'a '.repeat(QUERY_LIMITS.tokens + 1)} }`, /more that 10000 tokens/],
    ];
    for (const [query, limit] of refusals) expectLimitRefusal(await gql(t.current, query, {}, admin), limit);
    // One level less passes validation and runs (the location does not exist).
    expect((await gql(t.current, deep(QUERY_LIMITS.depth / 2 - 1), {}, admin)).errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  });

  it('refuses pages of pages as too costly: `first` multiplies the cost', async () => {
    const admin = await platformAdmin(t.current);
    const pages = `{ customers(first: 100) { edges { node { locations { nodes { vifs { ifName desired config state } radios { ifName } location { customer { locations { id name } } } } } } } } }`;
    expectLimitRefusal(await gql(t.current, pages, {}, admin), /Cost limit of 20000 exceeded/);
    const page = `{ customers(first: 20) { edges { node { id name locations { id name nodes { id serial } } } } } }`;
    expectData(await gql(t.current, page, {}, admin));
  });

  it('applies the same rules over graphql-ws, to queries and mutations', async () => {
    const group = await createGroupWithAdmin(t.current);
    const support = await createSupportUser(t.current, group.groupId);
    const client = wsClient(t.current.url, { authorization: `Bearer ${support.token}` });
    try {
      expect(await firstOutcome(client, deep(50))).toMatch(/^VALIDATION_FAILED: Query depth limit of 10 exceeded, found 102\./);
      expect(await firstOutcome(client, doublingFragments(22))).toMatch(/^VALIDATION_FAILED: Query depth limit of 10 exceeded, found \d+\.; VALIDATION_FAILED: Query Cost limit/);
      expect(await firstOutcome(client, `{ ${'a '.repeat(QUERY_LIMITS.tokens + 1)} }`)).toMatch(/^VALIDATION_FAILED: Syntax Error: Document contains more that/);
      expect(await firstOutcome(client, `{ ${Array.from({ length: QUERY_LIMITS.aliases + 1 }, (_, i) => `a${i}: me { id }`).join(' ')} }`)).toMatch(/^VALIDATION_FAILED: Aliases limit/);
      const deepMutation = `mutation { updateLocation(id: "${NOWHERE}", input: {}) { ${'customer { locations { '.repeat(10)}id${' } }'.repeat(10)} } }`;
      expect(await firstOutcome(client, deepMutation)).toMatch(/VALIDATION_FAILED: Query depth limit of 10 exceeded/);
      expect(await firstOutcome(client, `{ me { id } }`)).toBe('data');
    } finally {
      await client.dispose();
    }
  });

  it('closes a socket whose message exceeds the HTTP body limit (1009), and one that never authenticates (4408) or authenticates badly (4403)', async () => {
    const url = t.current.url.replace('http', 'ws');
    const big = new WebSocket(url, 'graphql-transport-ws');
    await new Promise((resolve) => big.once('open', resolve));
    const closed = closeCodeOf(big);
    big.send(JSON.stringify({ type: 'connection_init', payload: { padding: 'x'.repeat(100 * 1024 + 1) } }));
    expect(await closed).toBe(1009);

    const silent = new WebSocket(url, 'graphql-transport-ws');
    expect(await closeCodeOf(silent)).toBe(4408);

    for (const payload of [{}, { authorization: 'Bearer not-a-token' }]) {
      const anonymous = new WebSocket(url, 'graphql-transport-ws');
      await new Promise((resolve) => anonymous.once('open', resolve));
      const refused = closeCodeOf(anonymous);
      anonymous.send(JSON.stringify({ type: 'connection_init', payload }));
      expect(await refused).toBe(4403);
    }
  });

  it('caps the operations open at once on one socket with TOO_MANY_REQUESTS', async () => {
    const group = await createGroupWithAdmin(t.current);
    const customer = await createCustomer(t.current, group.adminToken);
    const networkId = customer.locations[0].wifiNetworks[0].id;
    const client = wsClient(t.current.url, { authorization: `Bearer ${group.adminToken}` });
    const subscription = `subscription ($id: ID!) { wifiNetworkStatusChanged(networkId: $id) { overall } }`;
    try {
      const open = await Promise.all(Array.from({ length: 25 }, () => firstOutcome(client, subscription, { id: networkId }, true)));
      expect(new Set(open)).toEqual(new Set(['data']));
      expect(await firstOutcome(client, subscription, { id: networkId })).toMatch(/^TOO_MANY_REQUESTS: at most 25 operations/);
    } finally {
      await client.dispose();
    }
  });

  it("lets through what the benchmark's clients send: batches of 200 aliased reads, the location query", async () => {
    const admin = await platformAdmin(t.current);
    const ids = Array.from({ length: 200 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const params = ids.map((_, i) => `$i${i}: ID!`).join(', ');
    const fields = ids.map((_, i) => `a${i}: wifiNetwork(id: $i${i}) { status { nodes { status } } }`).join(' ');
    const batch = await gql(t.current, `query (${params}) { ${fields} }`, Object.fromEntries(ids.map((id, i) => [`i${i}`, id])), admin);
    expect(new Set(batch.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['NOT_FOUND']));
    const location = await gql(t.current, LOCATION_QUERY, { id: NOWHERE }, admin);
    expect(location.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  });

  it('answers the standard introspection query over HTTP and over graphql-ws', async () => {
    const admin = await platformAdmin(t.current);
    const res = await gql<{ __schema: { types: unknown[] } }>(t.current, getIntrospectionQuery(), {}, admin);
    expect(expectData(res).__schema.types.length).toBeGreaterThan(10);
    const client = wsClient(t.current.url, { authorization: `Bearer ${admin}` });
    try {
      expect(await firstOutcome(client, getIntrospectionQuery())).toBe('data');
    } finally {
      await client.dispose();
    }
  });
});
