// Guards a REST route with OAuth: a valid access token (401 UNAUTHENTICATED otherwise),
// every scope the route declares with @RequireScopes (403 PERMISSION_DENIED otherwise),
// and the client's request budget (429 TOO_MANY_REQUESTS with Retry-After). The verified
// principal is kept on the request for @CurrentApiPrincipal() / principalOf(request).

import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { API_PRINCIPAL, ApiPrincipal, WithApiPrincipal } from '../api-principal';
import { AccessTokenVerifier } from './access-token-verifier';
import { ApiError } from './api-error';
import { ClientRateLimiter } from './client-rate-limiter';

export const REQUIRED_SCOPES_KEY = 'oauth:requiredScopes';

interface BearerRequest extends WithApiPrincipal {
  headers: Record<string, string | string[] | undefined>;
}

export function bearerToken(request: BearerRequest): string {
  const header = request.headers.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  const match = value === undefined ? null : /^Bearer\s+([A-Za-z0-9\-._~+/]+=*)\s*$/i.exec(value);
  if (match === null) throw ApiError.unauthenticated();
  return match[1];
}

@Injectable()
export class BearerTokenGuard implements CanActivate {
  private readonly limiter: ClientRateLimiter;

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: AccessTokenVerifier,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.limiter = new ClientRateLimiter(config.oauth.rateLimitPerMinute);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const required = this.reflector.getAllAndOverride<string[] | undefined>(REQUIRED_SCOPES_KEY, [context.getHandler(), context.getClass()]);
    // Deny by default: a route guarded without declaring its scopes is refused.
    if (required === undefined) throw ApiError.permissionDenied('this route declares no scopes');
    const request = context.switchToHttp().getRequest<BearerRequest>();
    let principal = request[API_PRINCIPAL];
    if (principal === undefined) {
      principal = await this.verifier.verify(bearerToken(request));
      const retryAfter = this.limiter.take(principal.clientId);
      if (retryAfter !== undefined) throw ApiError.tooManyRequests(retryAfter);
      request[API_PRINCIPAL] = principal;
    }
    const missing = missingScopes(principal, required);
    if (missing.length > 0) throw ApiError.permissionDenied(`missing scope: ${missing.join(' ')}`);
    return true;
  }
}

export function missingScopes(principal: ApiPrincipal, required: readonly string[]): string[] {
  return required.filter((scope) => !principal.scopes.has(scope));
}
