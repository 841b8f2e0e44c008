// Who a request's bearer token names, now: the signature and expiry checked, the user and
// their memberships loaded afresh. The guard asks once per request; a subscription asks
// again before every event it pushes, so access lost meanwhile ends it.

import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../errors/app-error';
import { Principal } from './principal';
import { PRINCIPAL_LOADER, PrincipalLoader } from './principal-loader';
import { bearerTokenOf, RequestContext } from './request-context';
import { TokenService } from './token.service';

@Injectable()
export class Authenticator {
  constructor(
    private readonly tokens: TokenService,
    @Inject(PRINCIPAL_LOADER) private readonly principals: PrincipalLoader,
  ) {}

  async principalOf(ctx: RequestContext): Promise<Principal> {
    const token = bearerTokenOf(ctx);
    if (token === undefined) throw AppError.unauthenticated();
    const userId = this.tokens.verify(token);
    const principal = await this.principals.load(userId);
    if (principal === undefined) throw AppError.unauthenticated('invalid or expired token');
    // Sessions revoked (revokeUserSessions, changePassword): older tokens stop working.
    if (principal.tokensValidAfter !== undefined && (this.tokens.issuedAtMs(token) ?? 0) < principal.tokensValidAfter) {
      throw AppError.unauthenticated('session revoked: log in again');
    }
    return principal;
  }
}
