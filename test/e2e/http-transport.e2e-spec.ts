// The contract of /graphql beyond the schema, as clients and proxies see it: status codes,
// the CSRF guard, GET for queries only, the body size limit, a refusal that still carries
// extensions.code, and the same codes over graphql-ws. None of it depends on the database,
// so one SQLite app covers it; it must survive a change of HTTP server.

import { Module } from '@nestjs/common';
import { Int, Query, Resolver } from '@nestjs/graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { Permission, RequirePermission } from '../../src/common/auth/permission';
import { platformAdmin, useTestApp } from './support';

@Resolver()
class ListResolver {
  @Query(() => [Int])
  @RequirePermission(Permission.PUBLIC)
  listWithAHole(): number[] {
    return [1, null as unknown as number];
  }
}

@Module({ providers: [ListResolver] })
class ListModule {}

interface Raw {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: { message: string; path?: unknown[]; extensions?: { code?: unknown; fields?: { field: string }[] } }[] };
}

const JSON_TYPE = { 'content-type': 'application/json' };
const PREFLIGHT = { 'apollo-require-preflight': 'true' };

describe('GraphQL over HTTP and WebSocket', () => {
  const t = useTestApp('sqlite', { imports: [ListModule] });

  async function raw(init: RequestInit & { query?: string }): Promise<Raw> {
    const url = init.query === undefined ? t.current.url : `${t.current.url}?${init.query}`;
    const response = await fetch(url, init);
    const text = await response.text();
    let body: Raw['body'] = {};
    try {
      body = JSON.parse(text) as Raw['body'];
    } catch {
      // Left empty: the assertions on it say what was expected.
    }
    return { status: response.status, headers: response.headers, body };
  }

  const post = (body: unknown, headers: Record<string, string> = JSON_TYPE): Promise<Raw> =>
    raw({ method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

  const codes = (res: Raw): unknown[] => (res.body.errors ?? []).map((e) => e.extensions?.code);

  it('answers 200 with data, and 200 with data null for an error raised while executing', async () => {
    const ok = await post({ query: '{ __typename }' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^application\/json/);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(ok.body).toEqual({ data: { __typename: 'Query' } });
    const denied = await post({ query: '{ me { id } }' });
    expect(denied.status).toBe(200);
    expect(denied.body.data).toBeNull();
    expect(codes(denied)).toEqual(['UNAUTHENTICATED']);
    const hole = await post({ query: '{ listWithAHole }' });
    expect({ status: hole.status, codes: codes(hole), path: hole.body.errors?.[0].path }).toEqual({ status: 200, codes: ['INTERNAL'], path: ['listWithAHole', 1] });
  });

  it('answers 400 and VALIDATION_FAILED, without data, for a request GraphQL refuses', async () => {
    const refused = [
      await post({ query: '{ me {' }),
      await post({ query: '{ me { passwordHash } }' }),
      await post({ query: 'query ($f: Int) { users(first: $f) { edges { cursor } } }', variables: { f: 'ten' } }),
      await post({ query: 'query ($id: ID!) { wifiNetwork(id: $id) { id } }' }),
      await post({ query: 'query A { __typename } query B { __typename }' }),
      await post({ query: 'query A { __typename }', operationName: 'B' }),
      await post({}),
      await post({ query: '{}' }),
      await post({ query: 5 }),
    ];
    for (const res of refused) {
      expect({ status: res.status, codes: codes(res), hasData: 'data' in res.body }).toEqual({ status: 400, codes: ['VALIDATION_FAILED'], hasData: false });
    }
    expect(refused[2].body.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual(['f']);
  });

  it('serves queries over GET when the request cannot come from a plain HTML form, never mutations', async () => {
    const query = `query=${encodeURIComponent('{ __typename }')}`;
    expect((await raw({ query, headers: PREFLIGHT })).body).toEqual({ data: { __typename: 'Query' } });
    expect((await raw({ query, headers: JSON_TYPE })).body).toEqual({ data: { __typename: 'Query' } });
    const mutation = `query=${encodeURIComponent('mutation { login(email: "a@b.io", password: "x") { token } }')}`;
    const refused = await raw({ query: mutation, headers: PREFLIGHT });
    expect({ status: refused.status, codes: codes(refused) }).toEqual({ status: 405, codes: ['VALIDATION_FAILED'] });
  });

  it('refuses what a cross-site form or simple request could send (CSRF)', async () => {
    const simple = [
      await raw({ query: `query=${encodeURIComponent('{ __typename }')}` }),
      await post({ query: '{ __typename }' }, { 'content-type': 'text/plain' }),
      await post('query=%7B__typename%7D', { 'content-type': 'application/x-www-form-urlencoded' }),
    ];
    for (const res of simple) {
      expect({ status: res.status, codes: codes(res), message: res.body.errors?.[0].message }).toEqual({
        status: 400,
        codes: ['VALIDATION_FAILED'],
        message: expect.stringMatching(/Cross-Site Request Forgery/),
      });
    }
  });

  it('limits the body to 100 KiB and refuses malformed JSON', async () => {
    const padded = (size: number): string => {
      const base = JSON.stringify({ query: '{ __typename }' });
      return JSON.stringify({ query: `{ __typename }${' '.repeat(size - base.length)}` });
    };
    expect((await post(padded(100 * 1024))).status).toBe(200);
    const tooLarge = await post(padded(100 * 1024 + 1));
    expect({ status: tooLarge.status, codes: codes(tooLarge) }).toEqual({ status: 413, codes: ['VALIDATION_FAILED'] });
    const malformed = await post('{nope');
    expect({ status: malformed.status, codes: codes(malformed) }).toEqual({ status: 400, codes: ['VALIDATION_FAILED'] });
  });

  it('reports over graphql-ws the codes it reports over HTTP', async () => {
    const firstResult = async (connectionParams: Record<string, string>, query: string): Promise<string> => {
      const client = createClient({ url: t.current.url.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams, retryAttempts: 0 });
      try {
        return await new Promise<string>((resolve) => {
          client.subscribe(
            { query },
            {
              next: (msg) => resolve(msg.errors ? msg.errors.map((e) => `${String(e.extensions?.code)}: ${e.message}`).join('; ') : 'data'),
              error: (e) => resolve(typeof (e as { code?: unknown }).code === 'number' ? `closed ${(e as { code: number }).code}` : `error ${JSON.stringify(e)}`),
              complete: () => resolve('complete'),
            },
          );
        });
      } finally {
        await client.dispose();
      }
    };
    const missing = '00000000-0000-4000-8000-000000000000';
    const subscription = `subscription { wifiNetworkStatusChanged(networkId: "${missing}") { overall } }`;
    // Without a valid token the socket itself is refused (4403 Forbidden) at connection_init.
    expect(await firstResult({}, subscription)).toBe('closed 4403');
    const admin = await platformAdmin(t.current);
    expect(await firstResult({ authorization: `Bearer ${admin}` }, subscription)).toBe(`NOT_FOUND: wifi network ${missing} not found`);
  });
});
