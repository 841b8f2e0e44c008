// Finding 2: introspection was refused in production over HTTP but answered over
// graphql-ws. With NODE_ENV=production (and GRAPHQL_INTROSPECTION unset) both refuse it.
import './support/production-env';
import { getIntrospectionQuery } from 'graphql';
import { expectData, gql, platformAdmin, useTestApp } from '../e2e/support';
import { firstOutcome, wsClient } from './support/graphql-ws-client';

describe('introspection in production (finding 2)', () => {
  const t = useTestApp('sqlite');

  it('is refused over HTTP and over graphql-ws alike, while ordinary queries run', async () => {
    const admin = await platformAdmin(t.current);
    const overHttp = await gql(t.current, getIntrospectionQuery(), {}, admin);
    expect(overHttp.status).toBe(400);
    expect(overHttp.errors?.[0]).toMatchObject({ extensions: { code: 'VALIDATION_FAILED' }, message: expect.stringMatching(/introspection has been disabled/) });
    expectData(await gql(t.current, '{ me { id } }', {}, admin));
    const client = wsClient(t.current.url, { authorization: `Bearer ${admin}` });
    try {
      expect(await firstOutcome(client, getIntrospectionQuery())).toMatch(/^VALIDATION_FAILED: GraphQL introspection has been disabled/);
      expect(await firstOutcome(client, '{ __type(name: "Query") { name } }')).toMatch(/^VALIDATION_FAILED: GraphQL introspection has been disabled/);
      expect(await firstOutcome(client, '{ me { id } }')).toBe('data');
    } finally {
      await client.dispose();
    }
  });
});
