// Deny by default. Every query, mutation and subscription must declare a Permission; the
// guard refuses one that does not, authenticates the bearer token (unless PUBLIC) and
// checks the role. Field resolvers are not guarded: they inherit the permission of the
// operation that reached their parent object (see docs/decisions/authorization.md).
// The user is loaded once per request: every root field of one document (a batch of 200
// aliases, say) shares that load; the next request loads afresh.

import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError } from '../errors/app-error';
import { Permission, PERMISSION_KEY, roleHasPermission } from './permission';
import { Authenticator } from './authenticator';
import { requestContextOf } from './request-context';

@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (permission === undefined) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no permission: refused`);
      throw AppError.forbidden('this operation declares no permission');
    }
    if (permission === Permission.PUBLIC) return true;
    // OAuth access tokens of API clients on REST routes: BearerTokenGuard, which @RequireScopes
    // applies, checks them. Never a GraphQL operation.
    if (permission === Permission.API_CLIENT) {
      if (context.getType<string>() === 'http') return true;
      throw AppError.forbidden('API client routes are REST only');
    }

    const ctx = requestContextOf(context);
    const principal = await (ctx.authentication ??= this.authenticator.principalOf(ctx));
    if (!roleHasPermission(principal.role, permission)) throw AppError.forbidden();
    ctx.principal = principal;
    return true;
  }
}
