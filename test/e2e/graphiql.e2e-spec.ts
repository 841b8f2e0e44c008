// GraphiQL is served from the controller itself (no CDN: it must work without internet),
// only when GRAPHIQL is on, and the API it talks to answers a query from the page's origin.

import { expectData, gql, useTestApp } from './support';
import { ADMIN_EMAIL, ADMIN_PASSWORD, TestApp } from './support/test-app';

function origin(app: TestApp): string {
  return new URL(app.url).origin;
}

describe('GraphiQL when enabled', () => {
  const t = useTestApp('sqlite', { env: { GRAPHIQL: 'true' } });

  it('serves the page and every asset it references from the controller', async () => {
    const page = await fetch(`${origin(t.current)}/graphiql`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(refs).toHaveLength(5);
    for (const ref of refs) {
      expect(ref.startsWith('/graphiql/assets/')).toBe(true);
      const asset = await fetch(`${origin(t.current)}${ref}`);
      expect(asset.status).toBe(200);
      expect((await asset.text()).length).toBeGreaterThan(100);
    }
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('refuses names that are not its assets', async () => {
    expect((await fetch(`${origin(t.current)}/graphiql/assets/..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${origin(t.current)}/graphiql/assets/secret.js`)).status).toBe(404);
  });

  it('runs a query the way the page sends it', async () => {
    const login = expectData(
      await gql<{ login: { token: string } }>(t.current, `mutation { login(email: "${ADMIN_EMAIL}", password: "${ADMIN_PASSWORD}") { token } }`),
    );
    const res = await fetch(t.current.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, multipart/mixed', authorization: `Bearer ${login.login.token}`, origin: origin(t.current) },
      body: JSON.stringify({ query: '{ me { email } }', operationName: null }),
    });
    expect(await res.json()).toEqual({ data: { me: { email: ADMIN_EMAIL } } });
  });
});

describe('GraphiQL when disabled', () => {
  const t = useTestApp('sqlite', { env: { GRAPHIQL: 'false' } });

  it('is not served', async () => {
    expect((await fetch(`${origin(t.current)}/graphiql`)).status).toBe(404);
    expect((await fetch(`${origin(t.current)}/graphiql/assets/graphiql.min.js`)).status).toBe(404);
  });
});
