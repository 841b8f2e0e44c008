// A registered API client as oidc-provider's client metadata (RFC 7591 names). The secret
// is the stored hash: the provider's comparison is replaced by clientSecretMatches.

import { OAuthScopes } from '../oauth-scopes';
import { ApiClient } from './api-client.entity';

/** Scopes the client may be granted now: registered ones, sensitive ones only once approved. */
export function grantableScopes(client: ApiClient): string[] {
  return client.scopes.filter((scope) => OAuthScopes.has(scope) && (!OAuthScopes.isSensitive(scope) || client.sensitiveApprovedAt !== null));
}

export function clientMetadata(client: ApiClient): Record<string, unknown> {
  const interactive = client.redirectUris.length > 0;
  const grantTypes = [...(client.confidential ? ['client_credentials'] : []), ...(interactive ? ['authorization_code', 'refresh_token'] : [])];
  return {
    client_id: client.clientId,
    client_name: client.name,
    ...(client.confidential ? { client_secret: client.secretHash, token_endpoint_auth_method: 'client_secret_basic' } : { token_endpoint_auth_method: 'none' }),
    grant_types: grantTypes,
    response_types: interactive ? ['code'] : [],
    redirect_uris: client.redirectUris,
    // Never empty (the provider would then allow every scope); offline_access is inert without a refresh grant.
    scope: [...grantableScopes(client), 'offline_access'].join(' '),
  };
}
