// The support console's page at / carries the API's hardening headers and its own strict
// Content-Security-Policy, whether the bundle is built (200) or not (503, a page saying how
// to build it); its paths do not shadow the API's 404 for unknown paths.

import { CONSOLE_CSP } from '../../src/console/console-bundle';
import { useTestApp } from '../e2e/support';

describe('support console headers', () => {
  const t = useTestApp('sqlite');
  const base = (): string => t.current.url.replace(/\/graphql$/, '');

  it('/ has the console\'s CSP and no inline script', async () => {
    const res = await fetch(`${base()}/`);
    expect([200, 503]).toContain(res.status);
    expect({
      csp: res.headers.get('content-security-policy'),
      type: res.headers.get('content-type'),
      nosniff: res.headers.get('x-content-type-options'),
      poweredBy: res.headers.get('x-powered-by'),
    }).toEqual({ csp: CONSOLE_CSP, type: 'text/html; charset=utf-8', nosniff: 'nosniff', poweredBy: null });
    expect(await res.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('unknown paths stay the API\'s 404, without the console\'s policy', async () => {
    for (const path of ['/assets/nothing.js', '/nowhere', '/index.htm']) {
      const res = await fetch(`${base()}${path}`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-security-policy')).toBeNull();
    }
  });
});
