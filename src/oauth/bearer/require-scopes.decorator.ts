// @RequireScopes('ebl') on a REST controller or route: OAuth access token required, with
// every listed scope (none listed: any valid token). It also applies BearerTokenGuard and
// the ErrorInfo filter, and tells the global user guard that OAuth authenticates this
// route, so forgetting @UseGuards cannot leave a route open.

import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata, UseFilters, UseGuards } from '@nestjs/common';
import { Permission, PERMISSION_KEY } from '../../common/auth/permission';
import { ApiPrincipal, principalOf } from '../api-principal';
import { ApiErrorFilter } from './api-error.filter';
import { BearerTokenGuard, REQUIRED_SCOPES_KEY } from './bearer-token.guard';

export function RequireScopes(...scopes: string[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(PERMISSION_KEY, Permission.API_CLIENT),
    SetMetadata(REQUIRED_SCOPES_KEY, scopes),
    UseGuards(BearerTokenGuard),
    UseFilters(ApiErrorFilter),
  );
}

/** The verified caller of a route guarded by BearerTokenGuard. */
export const CurrentApiPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): ApiPrincipal =>
  principalOf(context.switchToHttp().getRequest<object>()),
);
