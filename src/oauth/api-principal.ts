// Who calls a REST API with an OAuth access token: the API client, the group that
// registered it, the scopes granted (inheritance already expanded), and on whose behalf
// (a customer who consented, or one the client is bound to; or the client itself).
// Set on the request by BearerTokenGuard; read with @CurrentApiPrincipal() or principalOf().

import { AppError } from '../common/errors/app-error';

export interface ApiPrincipal {
  /** OAuth client_id. */
  clientId: string;
  /** Our database id of the registered API client. */
  apiClientId: string;
  /** The group that registered the client. */
  groupId: string;
  scopes: ReadonlySet<string>;
  subject: { kind: 'client' } | { kind: 'customer'; customerId: string };
}

export const API_PRINCIPAL = Symbol('apiPrincipal');

export interface WithApiPrincipal {
  [API_PRINCIPAL]?: ApiPrincipal;
}

/** The verified principal of a request that passed BearerTokenGuard. */
export function principalOf(request: object): ApiPrincipal {
  const principal = (request as WithApiPrincipal)[API_PRINCIPAL];
  if (principal === undefined) throw AppError.unauthenticated('no verified access token on this request');
  return principal;
}
