// Routes a parsed request to its transaction after the checks every transaction shares
// (6.4.1): mso_name present and the connection's own, create_date present and well formed.
// A valid action and type whose combination the gateway does not offer answers -20060.
// With HOME_API_NUMERIC_KEYS, keys are translated here, in and out, so no transaction
// handles numbers.

import { Injectable } from '@nestjs/common';
import { Principal } from '../../common/auth/principal';
import { HomeApiError, HomeErrorCode } from './wire/error-catalogue';
import { RequestFields } from './wire/request-fields';
import { HomeRequest, HomeResponse } from './wire/transaction-codec';
import { HomeTransaction } from './home-transaction';
import { ComputerTransactions } from './computer-transactions';
import { HomeKeys, KEY_FIELDS } from './keys/home-keys.service';
import { LoginTransactions } from './login-transactions';
import { ModemTransactions } from './modem-transactions';
import { SiteTransactions } from './site-transactions';
import { SubscriberTransactions } from './subscriber-transactions';

type Route = (t: HomeTransaction) => Promise<HomeResponse>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class HomeApiDispatcher {
  private readonly routes: ReadonlyMap<string, Route>;

  constructor(
    subscribers: SubscriberTransactions,
    sites: SiteTransactions,
    modems: ModemTransactions,
    logins: LoginTransactions,
    computers: ComputerTransactions,
    private readonly keys: HomeKeys,
  ) {
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
      ['CREATE COMPUTER', (t) => computers.create(t)],
      ['UPDATE COMPUTER', (t) => computers.update(t)],
      ['DELETE COMPUTER', (t) => computers.delete(t)],
      ['CONVERT COMPUTER', (t) => computers.convert(t)],
    ]);
  }

  /** The transactions offered, as "ACTION TYPE" (docs/home-api.md lists them). */
  get offered(): string[] {
    return [...this.routes.keys()];
  }

  async dispatch(msoName: string, principal: Principal, sent: HomeRequest): Promise<HomeResponse> {
    const request = await this.keysIn(sent);
    const fields = new RequestFields(request);
    const route = this.routes.get(`${request.action} ${request.type}`);
    // Every request the document defines (5.6.2) has a route; MULTIUSER and MULTIIP go the other way.
    if (route === undefined) throw new HomeApiError(HomeErrorCode.INVALID_TRANSACTION);
    const mso = fields.required('mso_name', HomeErrorCode.MUST_SPECIFY_MSO_NAME);
    if (mso.toUpperCase() !== msoName) throw new HomeApiError(HomeErrorCode.GENERIC, { note: 'mso_name is not the MSO of this connection' });
    fields.date('create_date', HomeErrorCode.MUST_SPECIFY_CREATE_DATE);
    fields.optional('mso_request_id');
    fields.optional('request_source_name');
    try {
      return await this.keysOut(await route({ principal, request, fields }));
    } catch (error) {
      // -20053 and -20054 name the site holding the modem by its key.
      const siteKey = error instanceof HomeApiError ? error.placeholders.site_key : undefined;
      if (error instanceof HomeApiError && siteKey !== undefined && UUID.test(siteKey)) throw new HomeApiError(error.code, { ...error.placeholders, site_key: await this.keys.out('site', siteKey) });
      throw error;
    }
  }

  /** Numeric keys sent (HOME_API_NUMERIC_KEYS) read back to our ids, before any transaction sees them. */
  private async keysIn(request: HomeRequest): Promise<HomeRequest> {
    const fields = new Map(request.fields);
    for (const [name, kind] of Object.entries(KEY_FIELDS)) {
      const value = fields.get(name);
      if (value !== undefined) fields.set(name, await this.keys.in(kind, value));
    }
    return { ...request, fields };
  }

  private async keysOut(response: HomeResponse): Promise<HomeResponse> {
    const fields: [string, string][] = [];
    for (const [name, value] of response.fields) {
      const kind = KEY_FIELDS[name];
      fields.push([name, kind === undefined ? value : await this.keys.out(kind, value)]);
    }
    return { ...response, fields };
  }
}
