// The EblCallerResolver while no API client authentication is connected: every request is
// refused (401), so /ebl is closed rather than open.

import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import { EblCaller, EblCallerResolver } from './ebl-caller';

@Injectable()
export class UnconnectedEblCallerResolver extends EblCallerResolver {
  resolve(): Promise<EblCaller> {
    return Promise.reject(AppError.unauthenticated('API client authentication is not configured'));
  }
}
