// OAUTH_* variables, read by src/config/load-config.ts with the same reader (problems are
// reported together with every other variable's). docs/oauth.md lists them.

import { EnvReader } from '../config/env-readers';
import { durationToSeconds } from '../config/duration';

export interface OAuthConfig {
  /**
   * OAUTH_ISSUER: the authorization server's public URL, ending in /oauth (behind a proxy:
   * the URL clients use). Unset: http://<listening address>:<port>/oauth, for development.
   */
  issuer?: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** Requests per minute one API client may make to the REST APIs (per instance). */
  rateLimitPerMinute: number;
}

function duration(r: EnvReader, name: string, fallback: string): number {
  const value = r.string(name) ?? fallback;
  const seconds = durationToSeconds(value);
  if (seconds === undefined) r.fail(name, `must be a positive duration such as 600, 10m, 12h or 30d, got "${value}"`);
  return seconds ?? durationToSeconds(fallback)!;
}

export function readOAuthConfig(r: EnvReader): OAuthConfig {
  const issuer = r.string('OAUTH_ISSUER')?.replace(/\/+$/, '');
  if (issuer !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(issuer);
    } catch {
      url = undefined;
    }
    if (url === undefined || !['http:', 'https:'].includes(url.protocol) || url.search !== '' || url.hash !== '') {
      r.fail('OAUTH_ISSUER', `must be an http(s) URL without query or fragment, e.g. https://wifi.example.net/oauth, got "${issuer}"`);
    }
  }
  return {
    issuer,
    accessTokenTtlSeconds: duration(r, 'OAUTH_ACCESS_TOKEN_TTL', '10m'),
    refreshTokenTtlSeconds: duration(r, 'OAUTH_REFRESH_TOKEN_TTL', '30d'),
    rateLimitPerMinute: r.integer('OAUTH_RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
  };
}
