// Finding 10: every answer of the API carries the usual hardening headers (set by
// helmet, computed once at start-up), refusals included, and the server does not announce itself.

import { useTestApp } from '../e2e/support';

describe('security headers (finding 10)', () => {
  const t = useTestApp('sqlite');

  it('are on answers, refusals and unknown paths alike', async () => {
    const answers = [
      await fetch(t.current.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) }),
      await fetch(t.current.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' }),
      await fetch(t.current.url.replace('/graphql', '/nowhere')),
    ];
    for (const res of answers) {
      expect({
        nosniff: res.headers.get('x-content-type-options'),
        hsts: res.headers.get('strict-transport-security'),
        frames: res.headers.get('x-frame-options'),
        referrer: res.headers.get('referrer-policy'),
        poweredBy: res.headers.get('x-powered-by'),
      }).toEqual({ nosniff: 'nosniff', hsts: expect.stringMatching(/^max-age=\d+/), frames: 'SAMEORIGIN', referrer: 'no-referrer', poweredBy: null });
    }
  });
});
