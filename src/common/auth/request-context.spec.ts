import { bearerTokenOf } from './request-context';

describe('bearerTokenOf', () => {
  it('reads the Authorization header of an HTTP request', () => {
    expect(bearerTokenOf({ reply: { request: { headers: { authorization: 'Bearer abc.def.ghi' } } } })).toBe('abc.def.ghi');
    expect(bearerTokenOf({ reply: { request: { headers: { authorization: 'bearer   abc ' } } } })).toBe('abc');
  });

  it('reads connectionParams of a graphql-ws connection', () => {
    expect(bearerTokenOf({ connectionParams: { authorization: 'Bearer ws-token' } })).toBe('ws-token');
  });

  it('distinguishes no token (undefined) from an unusable one (empty)', () => {
    expect(bearerTokenOf({ reply: { request: { headers: {} } } })).toBeUndefined();
    expect(bearerTokenOf({ reply: { request: { headers: { authorization: 'Basic dXNlcjpwYXNz' } } } })).toBe('');
  });
});
