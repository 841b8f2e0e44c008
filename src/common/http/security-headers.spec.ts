import { securityHeaders, securityHeadersHook } from './security-headers';

describe('security headers', () => {
  it('are what helmet sets, computed once, and put on a reply by the hook', () => {
    const headers = securityHeaders({ contentSecurityPolicy: false, crossOriginEmbedderPolicy: false });
    expect(headers.set).toMatchObject({
      'x-content-type-options': 'nosniff',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
    });
    expect(headers.set).not.toHaveProperty('content-security-policy');
    expect(headers.removed).toEqual(['x-powered-by']);

    const reply = { values: {} as Record<string, string>, removed: [] as string[] };
    let called = false;
    securityHeadersHook(headers)(
      {},
      { headers: (v) => Object.assign(reply.values, v), removeHeader: (n) => reply.removed.push(n) },
      () => (called = true),
    );
    expect(reply.values).toEqual(headers.set);
    expect(reply.removed).toEqual(['x-powered-by']);
    expect(called).toBe(true);
  });
});
