// A body that is no JSON is refused before any route runs (the HTTP server parses it): the
// REST APIs still answer in their own error shape (ErrorInfo under /cpe-management/v0, the
// /ebl error body under /ebl), and nothing else changes (GraphQL keeps its own answer).

import { CONTRACT_PATH, Contract } from '../../support/cpe-contract';
import { originOf } from '../../support/oauth-clients';
import { describeEachDatabase, TestApp, useTestApp } from '../support';
import { answered, reference } from './cpe-fixture';

async function post(app: TestApp, path: string, body: string, contentType = 'application/json') {
  const response = await fetch(`${originOf(app)}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, cacheControl: response.headers.get('cache-control') };
}

describeEachDatabase('REST APIs: bodies that are no JSON', (db) => {
  const t = useTestApp(db);

  it('answers ErrorInfo INVALID_ARGUMENT under /cpe-management/v0', async () => {
    for (const [path, body] of [
      ['/cpe-management/v0/isolated-networks', '{"accessDetail": '],
      ['/cpe-management/v0/reboot-requests', 'not json at all'],
    ]) {
      const answer = await post(t.current, path, body);
      expect(answer).toMatchObject({ status: 400, body: { status: 400, code: 'INVALID_ARGUMENT' }, cacheControl: 'no-store' });
      expect(Object.keys(answer.body).sort()).toEqual(['code', 'message', 'status']);
      answered.push(['ErrorInfo', answer.body]);
    }
    const patch = await fetch(`${originOf(t.current)}/cpe-management/v0/isolated-networks/x`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{' });
    expect({ status: patch.status, body: await patch.json() }).toMatchObject({ status: 400, body: { status: 400, code: 'INVALID_ARGUMENT' } });
  });

  it('answers the /ebl error body under /ebl', async () => {
    const answer = await post(t.current, '/ebl/vendorids', '{"vendorids": [');
    expect(answer).toMatchObject({ status: 400, body: { vendorids: [], error: { code: 'VALIDATION_FAILED' } }, cacheControl: 'no-store' });
    expect(await post(t.current, '/ebl/mac-addresses', '][')).toMatchObject({ status: 400, body: { macs: [], error: { code: 'VALIDATION_FAILED' } } });
  });

  it('leaves GraphQL and other routes as they were', async () => {
    const graphql = await post(t.current, '/graphql', '{"query": ');
    expect(graphql.status).toBe(400);
    expect(graphql.body).not.toHaveProperty('code', 'INVALID_ARGUMENT');
    expect(graphql.body).not.toHaveProperty('error.code', 'VALIDATION_FAILED');
  });

  (reference ? it : it.skip)(
    reference ? 'every ErrorInfo above conforms to the reference contract' : `reference contract absent (${CONTRACT_PATH}): contract check skipped`,
    () => {
      const contract = reference as Contract;
      expect(answered.flatMap(([schema, body]) => contract.problems(schema, body).map((p) => `${schema}: ${p}`))).toEqual([]);
    },
  );
});
