// Customers' credentials for the consent pages: the password an operator set (createCustomer,
// updateCustomer) or the customer set through a one-time link. A login is scoped to the
// API client's group (a customer's email is unique within their group only), throttled like
// users' logins, and never says whether the email exists.

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { canReadGroup, canWriteGroup, Principal } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { TransactionRunner } from '../../database/transaction-runner';
import { emailKey, PASSWORD_MAX, PASSWORD_MIN } from '../../customers/customer-rules';
import { CustomerStatus } from '../../customers/customer-status';
import { Customer } from '../../customers/customer.entity';
import { LoginThrottle } from '../../identity/login-throttle';
import { hashPassword, UNKNOWN_USER_HASH, verifyPassword } from '../../identity/password-hasher';
import { OAuthServer } from '../oidc/oauth-server';
import { CustomerPasswordLink } from './password-link.entity';

const LINK_TTL_MS = 72 * 3600_000;

export interface PasswordLink {
  url: string;
  expiresAt: Date;
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

@Injectable()
export class CustomerCredentialsService {
  private readonly throttle = new LoginThrottle();

  constructor(
    @InjectRepository(Customer) private readonly customers: Repository<Customer>,
    @InjectRepository(CustomerPasswordLink) private readonly links: Repository<CustomerPasswordLink>,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly server: OAuthServer,
  ) {}

  /** The customer of `groupId` with this email and password; UNAUTHENTICATED otherwise. */
  async login(groupId: string, email: string, password: string, source: string): Promise<Customer> {
    const account = `${groupId}:${emailKey(email.trim())}`;
    const verdict = this.throttle.check(account, source);
    if (verdict.retryAfterSeconds !== undefined) throw AppError.tooManyRequests('too many failed sign-ins; try again later', verdict.retryAfterSeconds);
    const customer = email.trim() === '' ? null : await this.customers.findOneBy({ groupId, emailKey: emailKey(email.trim()) });
    const matches = await verifyPassword(password, customer?.passwordHash ?? UNKNOWN_USER_HASH);
    if (customer === null || customer.passwordHash === null || !matches || customer.status === CustomerStatus.TERMINATED) {
      this.throttle.failed(account, source);
      throw AppError.unauthenticated('wrong email or password');
    }
    this.throttle.succeeded(account);
    return customer;
  }

  async findCustomer(id: string): Promise<Customer | null> {
    return this.customers.findOneBy({ id });
  }

  /** A one-time link (72 hours) for the customer to set their password. */
  async createPasswordLink(principal: Principal, customerId: string): Promise<PasswordLink> {
    const customer = await this.customers.findOneBy({ id: customerId });
    if (customer === null || !canReadGroup(principal, customer.groupId)) throw AppError.notFound('Customer', customerId);
    if (!canWriteGroup(principal, customer.groupId)) throw AppError.forbidden();
    return this.passwordLinkFor(principal, customer);
  }

  /**
   * A link for a customer the caller has already been allowed to reach by another rule (a
   * venue manager and a resident of their venue: src/venues/venue-people.service.ts).
   */
  async passwordLinkFor(principal: Principal, customer: Customer): Promise<PasswordLink> {
    const customerId = customer.id;
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + LINK_TTL_MS);
    await this.tx.run(async (manager) => {
      await manager.insert(CustomerPasswordLink, { tokenHash: tokenHash(token), customerId, expiresAt, usedAt: null, createdAt: new Date() });
      await this.audit.record(principal, manager, { action: 'customer.password-link', objectType: 'customer', objectId: customerId, groupId: customer.groupId });
    });
    const { issuer } = await this.server.server();
    return { url: `${issuer}/password/${token}`, expiresAt };
  }

  /** Whether the link is usable (unused, not expired). */
  async linkIsValid(token: string): Promise<boolean> {
    const link = await this.links.findOneBy({ tokenHash: tokenHash(token) });
    return link !== null && link.usedAt === null && link.expiresAt.getTime() > Date.now();
  }

  /** Sets the password through a link, which is then used up. */
  async setPasswordWithLink(token: string, password: string): Promise<void> {
    if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) {
      throw AppError.validation([{ field: 'password', message: `must have ${PASSWORD_MIN} to ${PASSWORD_MAX} characters` }]);
    }
    const passwordHash = await hashPassword(password);
    await this.tx.run(async (manager) => {
      const link = await manager.findOneBy(CustomerPasswordLink, { tokenHash: tokenHash(token) });
      if (link === null || link.usedAt !== null || link.expiresAt.getTime() <= Date.now()) throw AppError.notFound('password link');
      await manager.update(CustomerPasswordLink, { tokenHash: link.tokenHash }, { usedAt: new Date() });
      await manager.update(Customer, { id: link.customerId }, { passwordHash });
    });
  }
}
