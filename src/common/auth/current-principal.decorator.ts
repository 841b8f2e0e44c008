// The caller, as the guard authenticated it; never taken from arguments.

import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { AppError } from '../errors/app-error';
import { Principal } from './principal';
import { requestContextOf } from './request-context';

export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = requestContextOf(context).principal;
  if (principal === undefined) throw AppError.unauthenticated();
  return principal;
});
