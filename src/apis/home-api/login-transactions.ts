// LOGIN transactions (sections 4.3 and 6.4.15 to 6.4.20) onto the customer's sign-in: the
// active login of a subscriber is the customer's email `<login>@<HOME_API_LOGIN_DOMAIN>` and
// password (the customers service hashes and keeps it), and the gateway's login rows keep the
// login_key, the MSO's key, the login's names and a deleted login's aging (4.3.3).
// A customer signs in with one login here: a second login, and a child login, are refused.

import { Inject, Injectable } from '@nestjs/common';
import { DataSource, Not } from 'typeorm';
import { Principal } from '../../common/auth/principal';
import { AppError, ErrorCode } from '../../common/errors/app-error';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { emailKey, PASSWORD_MAX, PASSWORD_MIN } from '../../customers/customer-rules';
import { Customer } from '../../customers/customer.entity';
import { isUniqueViolation } from '../../database/database-errors';
import { CustomersService } from '../../customers/customers.service';
import { HomeLogin, HomeLoginStatus } from './logins/home-login.entity';
import { HomeLogins, LoginSnapshot, Retirement } from './logins/home-logins.service';
import { candidateNames, defaultForwardUntil, RequestedLogin, requestedLogin, reservedUntil } from './logins/login-names';
import { HomeApiError, HomeErrorCode } from './wire/error-catalogue';
import { parseHomeDate, RequestFields } from './wire/request-fields';
import { HomeResponse, successResponse } from './wire/transaction-codec';
import { HomeTransaction } from './home-transaction';
import { SubscriberTransactions } from './subscriber-transactions';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const generic = (note: string) => new HomeApiError(HomeErrorCode.GENERIC, { note });
const ONE_LOGIN = 'this subscriber has a login already: a customer signs in with one login here';
const NO_CHILDREN = 'child logins have no counterpart here: a customer signs in with one login';
const NO_CRYPT = 'password_type=Y: a crypt hash cannot be verified here; send the password with password_type=N';
const PASSWORD_LENGTH = `the password must have ${PASSWORD_MIN} to 32 characters`;
const NO_DOMAIN = 'no login domain is configured for this server (HOME_API_LOGIN_DOMAIN)';

@Injectable()
export class LoginTransactions {
  /** HOME_API_LOGIN_DOMAIN: the assigned_domain; LOGIN is refused without it. */
  private readonly domain: string | undefined;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly customers: CustomersService,
    private readonly subscribers: SubscriberTransactions,
    private readonly logins: HomeLogins,
  ) {
    this.domain = config.homeApi?.loginDomain;
  }

  async create(t: HomeTransaction): Promise<HomeResponse> {
    const domain = this.requireDomain();
    const f = t.fields;
    const customer = await this.subscribers.resolve(t.principal, f);
    const names = requiredNames(f);
    const requested = requestedLogin(f.required('login', HomeErrorCode.BAD_REQUEST));
    const additional = f.optional('additional_login')?.toUpperCase();
    if (additional === 'Y') throw generic(NO_CHILDREN);
    if (additional !== undefined && additional !== 'N') throw new HomeApiError(HomeErrorCode.BAD_REQUEST);
    const password = passwordOf(f, true);
    const msoKey = await this.unusedMsoKey(customer.groupId, f);
    const login = await this.freeName(customer, requested, domain);
    if (await this.logins.activeOf(customer.id)) throw generic(ONE_LOGIN);
    const row = await this.addLogin(t.principal, { groupId: customer.groupId, customerId: customer.id, login, ...names, msoLoginKey: msoKey });
    await this.signIn(t.principal, customer, login, password, [], row);
    return successResponse(t.request, [['login_key', row.id], ['assigned_login', login], ['assigned_domain', domain]]);
  }

  /** 6.4.17: the login's names, and the password when one is sent (the only network change). */
  async update(t: HomeTransaction): Promise<HomeResponse> {
    this.requireDomain();
    const row = await this.resolve(t.principal, t.fields);
    const password = passwordOf(t.fields, false);
    const firstName = t.fields.optional('login_first_name');
    const lastName = t.fields.optional('login_last_name');
    if (firstName !== undefined || lastName !== undefined) await this.logins.rename(t.principal, row, { ...(firstName !== undefined ? { firstName } : {}), ...(lastName !== undefined ? { lastName } : {}) });
    if (password !== undefined) await this.customers.update(t.principal, row.customerId, { password }).catch(passwordRefused);
    return successResponse(t.request);
  }

  /** 6.4.18: the login ages (forwarded, then reserved); the customer can no longer sign in with it. */
  async delete(t: HomeTransaction): Promise<HomeResponse> {
    this.requireDomain();
    const row = await this.resolve(t.principal, t.fields);
    const retirement = retirementOf(t.fields);
    await this.logins.retire(t.principal, row, retirement);
    await this.customers.update(t.principal, row.customerId, { password: null });
    return successResponse(t.request);
  }

  /** 6.4.19: a deleted login back to its subscriber, within its forwarding period, under a new login_key. */
  async recreate(t: HomeTransaction): Promise<HomeResponse> {
    const domain = this.requireDomain();
    const f = t.fields;
    const customer = await this.subscribers.resolve(t.principal, f);
    const names = requiredNames(f);
    const { name } = requestedLogin(f.required('login', HomeErrorCode.BAD_REQUEST));
    const password = passwordOf(f, true);
    const rows = await this.logins.named(name);
    const active = rows.find((r) => r.status === HomeLoginStatus.ACTIVE);
    if (active !== undefined) throw new HomeApiError(active.groupId === customer.groupId ? HomeErrorCode.LOGIN_EXISTS : HomeErrorCode.LOGIN_OF_ANOTHER_MSO);
    const key = f.optional('login_key');
    const own = rows.filter((r) => r.customerId === customer.id && (key === undefined || r.id === key.toLowerCase()));
    const now = Date.now();
    const previous = own.find((r) => r.forwardUntil !== null && r.forwardUntil.getTime() > now);
    if (previous === undefined) throw new HomeApiError(own.length > 0 ? HomeErrorCode.INVALID_LOGIN_REUSE : HomeErrorCode.LOGIN_NO_MATCH);
    if (await this.logins.activeOf(customer.id)) throw generic(ONE_LOGIN);
    // The MSO may send the deleted login's own mso_login_key again.
    const msoKey = f.optional('mso_login_key') ?? null;
    const holder = msoKey === null ? null : await this.logins.byMsoKey(customer.groupId, msoKey);
    if (holder !== null && holder.id !== previous.id) throw new HomeApiError(HomeErrorCode.LOGIN_EXISTS_FOR_MSO_KEY);
    const before = [{ ...previous }];
    const row = await this.addLogin(t.principal, { groupId: customer.groupId, customerId: customer.id, login: name, ...names, msoLoginKey: msoKey }, { row: previous });
    await this.signIn(t.principal, customer, name, password, before, row);
    return successResponse(t.request, [['assigned_login', name], ['assigned_domain', domain], ['login_key', row.id]]);
  }

  /** 6.4.20 and 4.3.2: a new login name, as a delete (aging as DELETE's) and a create, under a new login_key. */
  async change(t: HomeTransaction): Promise<HomeResponse> {
    const domain = this.requireDomain();
    const f = t.fields;
    const customer = await this.subscribers.resolve(t.principal, f);
    const row = await this.resolve(t.principal, f);
    if (row.customerId !== customer.id) throw new HomeApiError(HomeErrorCode.INVALID_KEY);
    const names = requiredNames(f);
    const password = passwordOf(f, true);
    const requested = requestedLogin(f.required('change_login', HomeErrorCode.BAD_REQUEST));
    const retirement = retirementOf(f);
    const login = await this.freeName(customer, requested, domain);
    const before = [{ ...row }];
    const added = await this.addLogin(t.principal, { groupId: customer.groupId, customerId: customer.id, login, ...names, msoLoginKey: null }, { row, retire: retirement });
    await this.signIn(t.principal, customer, login, password, before, added);
    return successResponse(t.request, [['assigned_login', login], ['assigned_domain', domain], ['login_key', added.id]]);
  }

  private requireDomain(): string {
    if (this.domain === undefined) throw generic(NO_DOMAIN);
    return this.domain;
  }

  /**
   * The active login named by login_key or mso_login_key (both given must agree). A key of
   * another MSO's login answers -20063, a deleted login -20061.
   */
  private async resolve(principal: Principal, f: RequestFields): Promise<HomeLogin> {
    const key = f.optional('login_key');
    const msoKey = f.optional('mso_login_key');
    if (key === undefined && msoKey === undefined) throw new HomeApiError(HomeErrorCode.MUST_SPECIFY_LOGIN_KEY);
    const groupId = groupOf(principal);
    let row: HomeLogin | null = null;
    if (key !== undefined) {
      row = UUID.test(key) ? await this.logins.byId(key.toLowerCase()) : null;
      if (row === null) throw new HomeApiError(HomeErrorCode.LOGIN_NO_MATCH);
      if (row.groupId !== groupId) throw new HomeApiError(HomeErrorCode.LOGIN_OF_ANOTHER_MSO);
    }
    if (msoKey !== undefined) {
      const byMso = await this.logins.byMsoKey(groupId, msoKey);
      if (byMso === null) throw new HomeApiError(row === null ? HomeErrorCode.LOGIN_NO_MATCH : HomeErrorCode.INVALID_KEY);
      if (row !== null && row.id !== byMso.id) throw new HomeApiError(HomeErrorCode.INVALID_KEY);
      row = byMso;
    }
    if ((row as HomeLogin).status !== HomeLoginStatus.ACTIVE) throw new HomeApiError(HomeErrorCode.LOGIN_ALREADY_DELETED);
    return row as HomeLogin;
  }

  private async unusedMsoKey(groupId: string, f: RequestFields): Promise<string | null> {
    const msoKey = f.optional('mso_login_key') ?? null;
    if (msoKey !== null && (await this.logins.byMsoKey(groupId, msoKey)) !== null) throw new HomeApiError(HomeErrorCode.LOGIN_EXISTS_FOR_MSO_KEY);
    return msoKey;
  }

  /**
   * The first name of the request that is free: not active for any MSO (-20015 in this
   * MSO's group, -20063 in another's), not in a deleted login's aging (-20059), and not the
   * email of another customer of the group (-20015). With a trailing "?", taken names are
   * passed over.
   */
  private async freeName(customer: Customer, requested: RequestedLogin, domain: string): Promise<string> {
    const now = Date.now();
    for (const name of candidateNames(requested)) {
      const rows = await this.logins.named(name);
      const active = rows.find((r) => r.status === HomeLoginStatus.ACTIVE);
      const aging = rows.some((r) => r.status === HomeLoginStatus.DELETED && r.forwardUntil !== null && reservedUntil(r.forwardUntil).getTime() > now);
      const emailTaken = (await this.dataSource.manager.countBy(Customer, { groupId: customer.groupId, emailKey: emailKey(`${name}@${domain}`), id: Not(customer.id) })) > 0;
      if (active === undefined && !aging && !emailTaken) return name;
      if (requested.numbered) continue;
      if (active !== undefined && active.groupId !== customer.groupId) throw new HomeApiError(HomeErrorCode.LOGIN_OF_ANOTHER_MSO);
      throw new HomeApiError(aging && active === undefined ? HomeErrorCode.INVALID_LOGIN_REUSE : HomeErrorCode.LOGIN_EXISTS);
    }
    throw new HomeApiError(HomeErrorCode.LOGIN_EXISTS);
  }

  /** The row; a concurrent request that took the name or key first loses on the unique index. */
  private async addLogin(principal: Principal, fields: Parameters<HomeLogins['add']>[1], succeeds?: Parameters<HomeLogins['add']>[2]): Promise<HomeLogin> {
    try {
      return await this.logins.add(principal, fields, succeeds);
    } catch (error) {
      if (isUniqueViolation(error)) throw new HomeApiError(HomeErrorCode.LOGIN_EXISTS);
      throw error;
    }
  }

  /** The customer's email and password; the login rows are put back when the customer refuses. */
  private async signIn(principal: Principal, customer: Customer, login: string, password: string, before: LoginSnapshot[], created: HomeLogin): Promise<void> {
    try {
      await this.customers.update(principal, customer.id, { email: `${login}@${this.requireDomain()}`, password });
    } catch (error) {
      await this.logins.restore(principal, before, created);
      if (error instanceof AppError && error.code === ErrorCode.CONFLICT) throw new HomeApiError(HomeErrorCode.LOGIN_EXISTS);
      passwordRefused(error);
    }
  }
}

/** The MSO's group: its principal is a group admin of exactly that group (mso-principal.ts). */
function groupOf(principal: Principal): string {
  const groupId = principal.groupIds[0];
  if (groupId === undefined) throw new HomeApiError(HomeErrorCode.UNEXPECTED_FAILURE, { 'actual error': 'the MSO has no group' });
  return groupId;
}

function requiredNames(f: RequestFields): { firstName: string; lastName: string } {
  const lastName = f.required('login_last_name', HomeErrorCode.MUST_SPECIFY_LOGIN_LAST_NAME);
  const firstName = f.required('login_first_name', HomeErrorCode.MUST_SPECIFY_LOGIN_FIRST_NAME);
  return { firstName, lastName };
}

/**
 * password with password_type (Attachment A): N is a clear password, hashed by the customers
 * service; Y (a Solaris crypt hash) is refused, since nothing here can verify one.
 */
function passwordOf(f: RequestFields, required: true): string;
function passwordOf(f: RequestFields, required: false): string | undefined;
function passwordOf(f: RequestFields, required: boolean): string | undefined {
  const password = f.optional('password');
  const type = f.optional('password_type')?.toUpperCase();
  if (type === undefined) {
    if (password !== undefined || required) throw new HomeApiError(HomeErrorCode.BAD_REQUEST);
    return undefined;
  }
  if (type === 'Y') throw generic(NO_CRYPT);
  if (type !== 'N') throw new HomeApiError(HomeErrorCode.BAD_REQUEST);
  if (password === undefined) throw new HomeApiError(HomeErrorCode.PASSWORD_MISSING);
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) throw generic(PASSWORD_LENGTH);
  return password;
}

/** email_forward (an address) and email_forward_disc_date (the end of forwarding, 30 days by default). */
function retirementOf(f: RequestFields): Retirement {
  const emailForward = f.optional('email_forward') ?? null;
  if (emailForward !== null && !EMAIL.test(emailForward)) throw new HomeApiError(HomeErrorCode.BAD_REQUEST);
  const until = f.optional('email_forward_disc_date');
  const forwardUntil = until === undefined ? defaultForwardUntil(new Date()) : parseHomeDate(until);
  if (forwardUntil === undefined) throw new HomeApiError(HomeErrorCode.BAD_REQUEST);
  return { forwardUntil, emailForward };
}

function passwordRefused(error: unknown): never {
  if (error instanceof AppError && error.code === ErrorCode.VALIDATION_FAILED) throw generic(PASSWORD_LENGTH);
  throw error;
}
