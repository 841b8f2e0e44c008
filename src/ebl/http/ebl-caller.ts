// Who calls /ebl: a service provider, an API client of the operator authenticated with
// OAuth 2.0 client credentials and holding the `ebl` scope. The controllers depend on this
// port only; the binding in EblModule connects it to the authorization server's bearer
// tokens.

import type { FastifyRequest } from 'fastify';

export const EBL_SCOPE = 'ebl';

export interface EblCaller {
  /** The API client (the provider): registrations and deliveries belong to it. */
  apiClientId: string;
  /** The operator's group that registered the client. */
  groupId: string;
  scopes: readonly string[];
}

export abstract class EblCallerResolver {
  /** The caller of `request`; throws AppError UNAUTHENTICATED when there is none. */
  abstract resolve(request: FastifyRequest): Promise<EblCaller>;
}
