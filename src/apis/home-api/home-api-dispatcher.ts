// Routes a parsed request to its transaction after the checks every transaction shares
// (6.4.1): mso_name present and the connection's own, create_date present and well formed.
// A valid action and type whose combination the gateway does not offer answers -20060.

import { Injectable } from '@nestjs/common';
import { Principal } from '../../common/auth/principal';
import { HomeApiError, HomeErrorCode } from './wire/error-catalogue';
import { RequestFields } from './wire/request-fields';
import { HomeRequest, HomeResponse } from './wire/transaction-codec';
import { HomeTransaction } from './home-transaction';
import { LoginTransactions } from './login-transactions';
import { ModemTransactions } from './modem-transactions';
import { SiteTransactions } from './site-transactions';
import { SubscriberTransactions } from './subscriber-transactions';

type Route = (t: HomeTransaction) => Promise<HomeResponse>;

/**
 * COMPUTER (6.4.11 to 6.4.14) has no counterpart here: its required outputs are the
 * computer's IP address, DNS name and servers, which a WiFi controller does not assign, and
 * it carries no MAC that could name a client device (docs/home-api.md).
 */
const NO_COMPUTERS = 'COMPUTER has no counterpart here: this controller assigns no computer addresses';
const noComputers: Route = () => Promise.reject(new HomeApiError(HomeErrorCode.GENERIC, { note: NO_COMPUTERS }));

@Injectable()
export class HomeApiDispatcher {
  private readonly routes: ReadonlyMap<string, Route>;

  constructor(subscribers: SubscriberTransactions, sites: SiteTransactions, modems: ModemTransactions, logins: LoginTransactions) {
    this.routes = new Map<string, Route>([
      ['CREATE SUBSCRIBER', (t) => subscribers.create(t)],
      ['UPDATE SUBSCRIBER', (t) => subscribers.update(t)],
      ['DELETE SUBSCRIBER', (t) => subscribers.delete(t)],
      ['CREATE SITE', (t) => sites.create(t)],
      ['UPDATE SITE', (t) => sites.update(t)],
      ['DELETE SITE', (t) => sites.delete(t)],
      ['CREATE MODEM', (t) => modems.create(t)],
      ['UPDATE MODEM', (t) => modems.update(t)],
      ['DELETE MODEM', (t) => modems.delete(t)],
      ['CONVERT MODEM', (t) => modems.convert(t)],
      ['CREATE LOGIN', (t) => logins.create(t)],
      ['UPDATE LOGIN', (t) => logins.update(t)],
      ['DELETE LOGIN', (t) => logins.delete(t)],
      ['RECREATE LOGIN', (t) => logins.recreate(t)],
      ['CHANGE LOGIN', (t) => logins.change(t)],
      ...['CREATE', 'UPDATE', 'DELETE', 'CONVERT'].map((action): [string, Route] => [`${action} COMPUTER`, noComputers]),
    ]);
  }

  /** The transactions offered, as "ACTION TYPE" (docs/home-api.md lists them). */
  get offered(): string[] {
    return [...this.routes].filter(([, route]) => route !== noComputers).map(([name]) => name);
  }

  async dispatch(msoName: string, principal: Principal, request: HomeRequest): Promise<HomeResponse> {
    const fields = new RequestFields(request);
    const route = this.routes.get(`${request.action} ${request.type}`);
    // Every request the document defines (5.6.2) has a route; MULTIUSER and MULTIIP go the other way.
    if (route === undefined) throw new HomeApiError(HomeErrorCode.INVALID_TRANSACTION);
    const mso = fields.required('mso_name', HomeErrorCode.MUST_SPECIFY_MSO_NAME);
    if (mso.toUpperCase() !== msoName) throw new HomeApiError(HomeErrorCode.GENERIC, { note: 'mso_name is not the MSO of this connection' });
    fields.date('create_date', HomeErrorCode.MUST_SPECIFY_CREATE_DATE);
    fields.optional('mso_request_id');
    fields.optional('request_source_name');
    return route({ principal, request, fields });
  }
}
