// oidc-provider's configuration: what this authorization server offers (docs/oauth.md).
// Authorization code with PKCE (S256, required for every client), client credentials,
// refresh tokens (rotating), revocation, introspection; access tokens are JWTs for the one
// resource server (the REST APIs), carrying only the scopes the client may be granted.

import type { Configuration, KoaContextWithOIDC } from 'oidc-provider';
import { createHmac } from 'node:crypto';
import { OAuthScopes } from '../oauth-scopes';
import { OAuthConfig } from '../oauth-config';
import { ProviderAdapterClass } from './record-adapter';
import { ACCESS_TOKEN_ALG, Jwk } from './signing-keys';
import { OAUTH_PATH } from './issuer';

export interface ProviderSetup {
  adapter: ProviderAdapterClass;
  keys: Jwk[];
  audience: string;
  config: OAuthConfig;
  /** Cookie signing keys are derived from it. */
  secret: string;
  invalidTarget: () => Error;
}

export function providerConfiguration(setup: ProviderSetup): Configuration {
  const { audience, config } = setup;
  return {
    adapter: setup.adapter as unknown as Configuration['adapter'],
    jwks: { keys: setup.keys as unknown as NonNullable<Configuration['jwks']>['keys'] },
    clients: [],
    scopes: ['openid', 'offline_access', ...OAuthScopes.names()],
    claims: { openid: ['sub'] },
    clientDefaults: { id_token_signed_response_alg: ACCESS_TOKEN_ALG, grant_types: ['authorization_code'], response_types: ['code'] },
    enabledJWA: { idTokenSigningAlgValues: [ACCESS_TOKEN_ALG] },
    cookies: { keys: [createHmac('sha256', setup.secret).update('oauth-cookies').digest('base64url')] },
    pkce: { required: () => true },
    responseTypes: ['code'],
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: { enabled: true },
      revocation: { enabled: true },
      userinfo: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => audience,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: KoaContextWithOIDC, resource: string) => {
          if (resource !== audience) throw setup.invalidTarget();
          return {
            scope: OAuthScopes.names().join(' '),
            audience,
            accessTokenTTL: config.accessTokenTtlSeconds,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: ACCESS_TOKEN_ALG } },
          };
        },
      },
    },
    extraTokenClaims: (_ctx: KoaContextWithOIDC, token) => {
      const grantId = (token as { grantId?: string }).grantId;
      return grantId === undefined ? undefined : { grant: grantId };
    },
    rotateRefreshToken: true,
    // OAuth 2.0 clients (not OpenID): a refresh token with every authorization code grant of
    // a client allowed to refresh, lasting until the customer withdraws consent or it
    // expires, not only with offline_access and prompt=consent as OpenID Connect has it.
    issueRefreshToken: (_ctx: KoaContextWithOIDC, client) => client.grantTypeAllowed('refresh_token'),
    expiresWithSession: () => false,
    ttl: {
      AccessToken: config.accessTokenTtlSeconds,
      ClientCredentials: config.accessTokenTtlSeconds,
      AuthorizationCode: 60,
      RefreshToken: config.refreshTokenTtlSeconds,
      Grant: config.refreshTokenTtlSeconds,
      Interaction: 3600,
      Session: 3600,
      IdToken: 600,
    },
    interactions: { url: (_ctx: KoaContextWithOIDC, interaction) => `${OAUTH_PATH}/interaction/${interaction.uid}` },
    findAccount: (_ctx: KoaContextWithOIDC, sub: string) => ({ accountId: sub, claims: () => ({ sub }) }),
  };
}
