// The EblCallerResolver of the running controller: the bearer access token verified by the
// authorization server (src/oauth), the per-client request budget of the REST APIs, and a
// client acting for itself (client credentials): a token issued on a customer's behalf is
// no service provider.

import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../common/errors/app-error';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { AccessTokenVerifier } from '../../oauth/bearer/access-token-verifier';
import { ApiError } from '../../oauth/bearer/api-error';
import { bearerToken } from '../../oauth/bearer/bearer-token.guard';
import { ClientRateLimiter } from '../../oauth/bearer/client-rate-limiter';
import { EblCaller, EblCallerResolver } from './ebl-caller';

@Injectable()
export class OAuthEblCallerResolver extends EblCallerResolver {
  private readonly limiter: ClientRateLimiter;

  constructor(
    private readonly verifier: AccessTokenVerifier,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super();
    this.limiter = new ClientRateLimiter(config.oauth.rateLimitPerMinute);
  }

  async resolve(request: FastifyRequest): Promise<EblCaller> {
    let principal;
    try {
      principal = await this.verifier.verify(bearerToken(request as unknown as { headers: Record<string, string | string[] | undefined> }));
    } catch (error) {
      throw error instanceof ApiError && error.status === 401 ? AppError.unauthenticated(error.message) : error;
    }
    const retryAfter = this.limiter.take(principal.clientId);
    if (retryAfter !== undefined) throw AppError.tooManyRequests('too many requests for this API client', retryAfter);
    if (principal.subject.kind !== 'client') throw AppError.forbidden('equipment-based localisation takes a client credentials token (the provider itself)');
    return { apiClientId: principal.apiClientId, groupId: principal.groupId, scopes: [...principal.scopes] };
  }
}
