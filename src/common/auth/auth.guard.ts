// Deny by default. Every query, mutation and subscription must declare a Permission; the
// guard refuses one that does not, authenticates the bearer token (unless PUBLIC) and
// checks the role. Field resolvers are not guarded: they inherit the permission of the
// operation that reached their parent object (see docs/decisions/authorization.md).
// The user is loaded once per request: every root field of one document (a batch of 200
// aliases, say) shares that load; the next request loads afresh.

import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError } from '../errors/app-error';
import { Permission, PERMISSION_KEY, roleHasPermission } from './permission';
import { PRINCIPAL_LOADER, PrincipalLoader } from './principal-loader';
import { Principal } from './principal';
import { bearerTokenOf, RequestContext, requestContextOf } from './request-context';
import { TokenService } from './token.service';

@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    @Inject(PRINCIPAL_LOADER) private readonly principals: PrincipalLoader,
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

    const ctx = requestContextOf(context);
    const principal = await (ctx.authentication ??= this.authenticate(ctx));
    if (!roleHasPermission(principal.role, permission)) throw AppError.forbidden();
    ctx.principal = principal;
    return true;
  }

  private async authenticate(ctx: RequestContext): Promise<Principal> {
    const token = bearerTokenOf(ctx);
    if (token === undefined) throw AppError.unauthenticated();
    const userId = this.tokens.verify(token);
    const principal = await this.principals.load(userId);
    if (principal === undefined) throw AppError.unauthenticated('invalid or expired token');
    return principal;
  }
}
