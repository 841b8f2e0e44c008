import { href, matchRoute, pathOfHash } from './router';

describe('router', () => {
  it('matches patterns with params and nothing else', () => {
    expect(matchRoute('/locations/:id', '/locations/abc')).toEqual({ id: 'abc' });
    expect(matchRoute('/locations/:id', '/locations/abc/clients')).toBeUndefined();
    expect(matchRoute('/locations/:id/clients', '/locations/a%2Fb/clients')).toEqual({ id: 'a/b' });
    expect(matchRoute('/', '/')).toEqual({});
    expect(matchRoute('/audit', '/operations')).toBeUndefined();
  });

  it('reads the path of a hash and builds hrefs', () => {
    expect(pathOfHash('')).toBe('/');
    expect(pathOfHash('#/operations?location=x')).toBe('/operations');
    expect(href('/customers/:id', { id: 'a b' })).toBe('#/customers/a%20b');
  });
});
