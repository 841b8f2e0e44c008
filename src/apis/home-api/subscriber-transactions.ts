// SUBSCRIBER transactions (sections 6.4.2 to 6.4.4) onto customers: mso_subscriber_key is
// the customer's accountId, our customer id is returned as subscriber_key, DELETE terminates
// the customer (its nodes are unclaimed, its networks removed, its pre-provisioned modems
// and registered computers forgotten and its login aged: the cascade of 6.4.4).

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Principal } from '../../common/auth/principal';
import { AppError, ErrorCode } from '../../common/errors/app-error';
import { Customer } from '../../customers/customer.entity';
import { CustomerStatus } from '../../customers/customer-status';
import { CustomersService } from '../../customers/customers.service';
import { Location } from '../../locations/location.entity';
import { HomeLogins } from './logins/home-logins.service';
import { PendingModems } from './modems/pending-modems.service';
import { HomeComputers } from './computers/home-computers.service';
import { HomeApiError, HomeErrorCode } from './wire/error-catalogue';
import { RequestFields } from './wire/request-fields';
import { HomeResponse, successResponse } from './wire/transaction-codec';
import { HomeTransaction } from './home-transaction';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

@Injectable()
export class SubscriberTransactions {
  constructor(
    private readonly customers: CustomersService,
    private readonly dataSource: DataSource,
    private readonly pendingModems: PendingModems,
    private readonly computers: HomeComputers,
    private readonly logins: HomeLogins,
  ) {}

  async create(t: HomeTransaction): Promise<HomeResponse> {
    const f = t.fields;
    const msoKey = f.required('mso_subscriber_key', HomeErrorCode.MUST_SPECIFY_MSO_SUBSCRIBER_KEY);
    const last = f.optional('sub_lastname');
    const first = f.optional('sub_firstname');
    if (last === undefined || first === undefined) throw new HomeApiError(HomeErrorCode.NAMES_REQUIRED);
    const email = emailOf(f);
    if (await this.findByMsoKey(t.principal, msoKey, true)) throw new HomeApiError(HomeErrorCode.SUBSCRIBER_EXISTS);
    try {
      const customer = await this.customers.createAccount(t.principal, { name: `${first} ${last}`, email, accountId: msoKey.toUpperCase() });
      return successResponse(t.request, [['subscriber_key', customer.id]]);
    } catch (error) {
      // A concurrent create of the same key lost the race on the unique index.
      if (error instanceof AppError && error.code === ErrorCode.CONFLICT) {
        if (await this.findByMsoKey(t.principal, msoKey, true)) throw new HomeApiError(HomeErrorCode.SUBSCRIBER_EXISTS);
        throw new HomeApiError(HomeErrorCode.GENERIC, { note: 'another subscriber of this MSO has this other_email' });
      }
      throw error;
    }
  }

  async update(t: HomeTransaction): Promise<HomeResponse> {
    const customer = await this.resolve(t.principal, t.fields);
    const last = t.fields.optional('sub_lastname');
    const first = t.fields.optional('sub_firstname');
    if ((last === undefined) !== (first === undefined)) throw new HomeApiError(HomeErrorCode.NAMES_REQUIRED);
    const email = emailOf(t.fields);
    try {
      await this.customers.update(t.principal, customer.id, { ...(first !== undefined ? { name: `${first} ${last}` } : {}), ...(email !== undefined ? { email } : {}) });
    } catch (error) {
      if (error instanceof AppError && error.code === ErrorCode.CONFLICT) throw new HomeApiError(HomeErrorCode.GENERIC, { note: 'another subscriber of this MSO has this other_email' });
      throw error;
    }
    return successResponse(t.request);
  }

  async delete(t: HomeTransaction): Promise<HomeResponse> {
    const customer = await this.resolve(t.principal, t.fields);
    await this.customers.terminate(t.principal, customer.id);
    // The terminated customer keeps its locations: modems pre-provisioned there, and the
    // computers registered there, go now (6.4.4).
    const locations = await this.dataSource.manager.find(Location, { where: { customerId: customer.id }, select: { id: true } });
    await this.pendingModems.removeAllOf(t.principal, locations.map((l) => l.id));
    await this.computers.removeAllOf(t.principal, locations.map((l) => l.id));
    await this.logins.retireAllOf(t.principal, customer.id);
    return successResponse(t.request);
  }

  /**
   * The live customer named by subscriber_key (ours) or mso_subscriber_key (the MSO's), as
   * 6.3.3 allows; a terminated one counts as deleted. Both given must name the same one.
   */
  async resolve(principal: Principal, f: RequestFields): Promise<Customer> {
    const key = f.optional('subscriber_key');
    const msoKey = f.optional('mso_subscriber_key');
    if (key === undefined && msoKey === undefined) throw new HomeApiError(HomeErrorCode.MUST_SPECIFY_SUBSCRIBER_KEY);
    let customer: Customer | undefined;
    if (key !== undefined) {
      customer = UUID.test(key) ? await this.customers.get(principal, key.toLowerCase()).catch(notFoundAs(undefined)) : undefined;
      if (customer === undefined || customer.status === CustomerStatus.TERMINATED) throw new HomeApiError(HomeErrorCode.BAD_SUBSCRIBER_KEY);
    }
    if (msoKey !== undefined) {
      const byMso = await this.findByMsoKey(principal, msoKey);
      if (byMso === undefined) throw new HomeApiError(customer === undefined ? HomeErrorCode.SUBSCRIBER_NO_MATCH : HomeErrorCode.INVALID_KEY);
      if (customer !== undefined && customer.id !== byMso.id) throw new HomeApiError(HomeErrorCode.INVALID_KEY);
      customer = byMso;
    }
    return customer as Customer;
  }

  /** A deleted (terminated) subscriber keeps its key: it still counts for duplicate creates. */
  private async findByMsoKey(principal: Principal, msoKey: string, includeDeleted = false): Promise<Customer | undefined> {
    const found = await this.customers.byAccountId(principal, msoKey.toUpperCase()).catch(notFoundAs(undefined));
    return found === undefined || (found.status === CustomerStatus.TERMINATED && !includeDeleted) ? undefined : found;
  }
}

function emailOf(f: RequestFields): string | undefined {
  const email = f.optional('other_email');
  if (email !== undefined && !EMAIL.test(email)) throw new HomeApiError(HomeErrorCode.BAD_REQUEST);
  return email;
}

function notFoundAs<T>(value: T): (error: unknown) => T {
  return (error: unknown) => {
    if (error instanceof AppError && error.code === ErrorCode.NOT_FOUND) return value;
    throw error;
  };
}
