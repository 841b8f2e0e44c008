import { EnvReader } from '../config/env-readers';
import { readOAuthConfig } from './oauth-config';

describe('readOAuthConfig', () => {
  it('reads the issuer (trailing slash dropped), lifetimes and the rate limit', () => {
    const r = new EnvReader({ OAUTH_ISSUER: 'https://wifi.example.net/oauth/', OAUTH_ACCESS_TOKEN_TTL: '5m', OAUTH_REFRESH_TOKEN_TTL: '7d', OAUTH_RATE_LIMIT_PER_MINUTE: '60' });
    expect(readOAuthConfig(r)).toEqual({ issuer: 'https://wifi.example.net/oauth', accessTokenTtlSeconds: 300, refreshTokenTtlSeconds: 7 * 86400, rateLimitPerMinute: 60 });
    expect(r.problems).toEqual([]);
  });

  it('names each bad variable', () => {
    const r = new EnvReader({ OAUTH_ISSUER: 'ftp://x/oauth', OAUTH_ACCESS_TOKEN_TTL: 'soon', OAUTH_RATE_LIMIT_PER_MINUTE: '0' });
    readOAuthConfig(r);
    expect(r.problems.map((p) => p.variable)).toEqual(['OAUTH_ISSUER', 'OAUTH_ACCESS_TOKEN_TTL', 'OAUTH_RATE_LIMIT_PER_MINUTE']);
  });
});
