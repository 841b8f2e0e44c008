// Authenticates every /ebl request through the EblCallerResolver port and requires the
// `ebl` scope; the caller is kept on the request for the handler (@CurrentEblCaller).

import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../common/errors/app-error';
import { EBL_SCOPE, EblCaller, EblCallerResolver } from './ebl-caller';

const CALLER = Symbol('eblCaller');

type WithCaller = FastifyRequest & { [CALLER]?: EblCaller };

@Injectable()
export class EblCallerGuard implements CanActivate {
  constructor(private readonly resolver: EblCallerResolver) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<WithCaller>();
    const caller = await this.resolver.resolve(request);
    if (!caller.scopes.includes(EBL_SCOPE)) throw AppError.forbidden(`the access token lacks the "${EBL_SCOPE}" scope`);
    request[CALLER] = caller;
    return true;
  }
}

export const CurrentEblCaller = createParamDecorator((_data: unknown, context: ExecutionContext): EblCaller => {
  const caller = context.switchToHttp().getRequest<WithCaller>()[CALLER];
  if (caller === undefined) throw AppError.unauthenticated();
  return caller;
});
