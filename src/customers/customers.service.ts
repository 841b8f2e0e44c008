// Customers and their lifecycle. Creating one creates its first location (with the PRIMARY
// network) in the same transaction; terminating one unclaims its nodes and removes its
// networks, and then nothing about it can change.

import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager, Not } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { isPlatformAdmin, Principal } from '../common/auth/principal';
import { Connection, emptyConnection } from '../common/pagination/connection.type';
import { keysetPage } from '../common/pagination/keyset-page';
import { PageArgs, pageRequest } from '../common/pagination/page.args';
import { assertReadable, assertWritable, targetGroup } from '../access/group-scope';
import { requireUuid } from '../access/location-access';
import { AuditRecord, AuditService } from '../audit/audit.service';
import { isUniqueViolation } from '../database/database-errors';
import { TransactionRunner } from '../database/transaction-runner';
import { DomainEvent } from '../domain-events/domain-event';
import { DomainEvents } from '../domain-events/domain-events.service';
import { Group } from '../identity/group.entity';
import { hashPassword } from '../identity/password-hasher';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { checkIdempotencyKey } from '../idempotency/request-hash';
import { validateCreateLocation } from '../locations/location-input';
import { Location } from '../locations/location.entity';
import { LocationsService } from '../locations/locations.service';
import { NodesService } from '../nodes/nodes.service';
import { checkText, checkUuid } from '../validation/field-checks';
import { WifiNetworksService } from '../wifi-networks/wifi-networks.service';
import { customerSummary } from './customer-summary';
import { CustomerTransition, emailKey, refuseChangeOf, transitionCustomer, validateCustomerFields } from './customer-rules';
import { CustomerStatus } from './customer-status';
import { Customer } from './customer.entity';
import { applyCustomersFilter } from './customers-query';
import { CreateCustomerInput } from './dto/create-customer.input';
import { CustomersFilter } from './dto/customers-filter.input';
import { UpdateCustomerInput } from './dto/update-customer.input';

export type CustomerPage = Connection<Customer>;

@Injectable()
export class CustomersService {
  private readonly logger = new Logger(CustomersService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    private readonly locations: LocationsService,
    private readonly nodes: NodesService,
    private readonly networks: WifiNetworksService,
  ) {}

  async get(principal: Principal, id: string): Promise<Customer> {
    requireUuid('id', id);
    return assertReadable(principal, await this.dataSource.manager.findOneBy(Customer, { id }), 'customer', id);
  }

  /** Within the caller's groups; a caller in several groups (or a platform admin) names the group. */
  async byAccountId(principal: Principal, accountId: string, groupId?: string | null): Promise<Customer> {
    const errors = [...checkText('accountId', accountId, 1, 100), ...(groupId ? checkUuid('groupId', groupId) : [])];
    if (errors.length > 0) throw AppError.validation(errors);
    let group = groupId ?? undefined;
    if (group === undefined) {
      if (principal.groupIds.length !== 1) throw AppError.validation([{ field: 'groupId', message: 'is required when the caller is not in exactly one group' }]);
      group = principal.groupIds[0];
    }
    const found = await this.dataSource.manager.findOneBy(Customer, { groupId: group, accountId });
    return assertReadable(principal, found, 'customer with account id', accountId);
  }

  async list(principal: Principal, filter: CustomersFilter | undefined, page: PageArgs): Promise<CustomerPage> {
    if (filter?.groupId) requireUuid('filter.groupId', filter.groupId);
    pageRequest(page);
    if (principal.groupIds.length === 0 && !isPlatformAdmin(principal)) return emptyConnection();
    const qb = this.dataSource.manager.createQueryBuilder(Customer, 'c');
    applyCustomersFilter(qb, principal, filter);
    return keysetPage(qb, { key: 'c.name', id: 'c.id', direction: 'ASC', positionOf }, page);
  }

  async create(principal: Principal, input: CreateCustomerInput, key?: string | null): Promise<Customer> {
    const errors = [
      ...validateCustomerFields(input, ['name', 'email']),
      ...(input.groupId ? checkUuid('groupId', input.groupId) : []),
      ...validateCreateLocation(input.location, 'location'),
      ...checkIdempotencyKey('idempotencyKey', key),
    ];
    if (errors.length > 0) throw AppError.validation(errors);
    const groupId = targetGroup(principal, input.groupId);
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    let location: Location | undefined;
    const { result, replayed } = await this.idempotency.run(principal, {
      operation: 'createCustomer',
      key,
      input,
      create: async (manager) => {
        if (!(await manager.existsBy(Group, { id: groupId }))) throw AppError.notFound('group', groupId);
        await this.assertUnique(manager, groupId, input.email, input.accountId ?? null);
        const customer = await manager.save(
          manager.create(Customer, {
            groupId,
            name: input.name.trim(),
            email: input.email.trim(),
            emailKey: emailKey(input.email),
            accountId: input.accountId ?? null,
            partnerId: input.partnerId ?? null,
            emailVerified: false,
            onboardingCompletedAt: null,
            status: CustomerStatus.ACTIVE,
            passwordHash,
          }),
        );
        await this.audit.record(principal, manager, this.record('create', customer, null, customerSummary(customer)));
        location = await this.locations.insertWithPrimary(manager, principal, customer, input.location);
        return customer;
      },
      replay: async (manager, id) => assertReadable(principal, await manager.findOneBy(Customer, { id }), 'customer', id),
    }).catch((error: unknown) => {
      throw isUniqueViolation(error) ? AppError.conflict('a customer with this email or account id already exists in the group') : error;
    });
    if (!replayed && location !== undefined) this.events.publish([{ type: 'location-changed', locationId: location.id }]);
    return result;
  }

  /**
   * A customer without a location yet and perhaps without an email, for provisioning systems
   * that send the account first and its sites and logins in later requests (the legacy
   * gateway). Same rules as create otherwise.
   */
  async createAccount(principal: Principal, input: Omit<CreateCustomerInput, 'location' | 'password' | 'email'> & { email?: string | null }): Promise<Customer> {
    const errors = [...validateCustomerFields({ ...input, email: input.email ?? undefined }, ['name']), ...(input.groupId ? checkUuid('groupId', input.groupId) : [])];
    if (errors.length > 0) throw AppError.validation(errors);
    const groupId = targetGroup(principal, input.groupId);
    return this.transactions.run(async (manager) => {
      if (!(await manager.existsBy(Group, { id: groupId }))) throw AppError.notFound('group', groupId);
      const email = input.email ?? null;
      await this.assertUnique(manager, groupId, email, input.accountId ?? null);
      const customer = await manager.save(
        manager.create(Customer, {
          groupId,
          name: input.name.trim(),
          email: email === null ? null : email.trim(),
          emailKey: email === null ? null : emailKey(email),
          accountId: input.accountId ?? null,
          partnerId: input.partnerId ?? null,
          emailVerified: false,
          onboardingCompletedAt: null,
          status: CustomerStatus.ACTIVE,
          passwordHash: null,
        }),
      );
      await this.audit.record(principal, manager, this.record('create', customer, null, customerSummary(customer)));
      return customer;
    }).catch((error: unknown) => {
      throw isUniqueViolation(error) ? AppError.conflict('a customer with this email or account id already exists in the group') : error;
    });
  }

  async update(principal: Principal, id: string, input: UpdateCustomerInput): Promise<Customer> {
    requireUuid('id', id);
    const fields = { ...input, name: input.name ?? undefined, email: input.email ?? undefined };
    const errors = validateCustomerFields(fields);
    if (errors.length > 0) throw AppError.validation(errors);
    const passwordHash = typeof input.password === 'string' ? await hashPassword(input.password) : input.password;
    return this.change(principal, id, 'update', async (manager, customer) => {
      const email = fields.email ?? customer.email;
      const accountId = input.accountId === undefined ? customer.accountId : input.accountId;
      await this.assertUnique(manager, customer.groupId, email, accountId, customer.id);
      if (fields.name !== undefined) customer.name = fields.name.trim();
      if (fields.email !== undefined && emailKey(fields.email) !== customer.emailKey) {
        customer.email = fields.email.trim();
        customer.emailKey = emailKey(fields.email);
        customer.emailVerified = false;
      }
      if (input.accountId !== undefined) customer.accountId = input.accountId;
      if (input.partnerId !== undefined) customer.partnerId = input.partnerId;
      if (passwordHash !== undefined) customer.passwordHash = passwordHash;
      return [];
    });
  }

  verifyEmail(principal: Principal, id: string): Promise<Customer> {
    return this.change(principal, id, 'verifyEmail', async (_m, customer) => {
      customer.emailVerified = true;
      return [];
    });
  }

  /** Sets the timestamp once; completing again keeps the first one. */
  completeOnboarding(principal: Principal, id: string): Promise<Customer> {
    return this.change(principal, id, 'completeOnboarding', async (_m, customer) => {
      customer.onboardingCompletedAt ??= new Date();
      return [];
    });
  }

  suspend(principal: Principal, id: string): Promise<Customer> {
    return this.transition(principal, id, 'suspend');
  }

  resume(principal: Principal, id: string): Promise<Customer> {
    return this.transition(principal, id, 'resume');
  }

  terminate(principal: Principal, id: string): Promise<Customer> {
    return this.transition(principal, id, 'terminate');
  }

  private async transition(principal: Principal, id: string, transition: CustomerTransition): Promise<Customer> {
    let released = 0;
    const customer = await this.change(principal, id, transition, async (manager, customer) => {
      const next = transitionCustomer(customer.status, transition);
      if ('refused' in next) throw AppError.precondition(next.refused);
      customer.status = next.status;
      if (transition !== 'terminate') return [];
      const locationIds = (await manager.findBy(Location, { customerId: customer.id })).map((l) => l.id);
      const events = await this.nodes.releaseAllOf(manager, principal, locationIds, 'customer terminated');
      await this.networks.removeAllOf(manager, principal, locationIds);
      released = events.length;
      return [...events, ...locationIds.map((locationId): DomainEvent => ({ type: 'wifi-network-changed', locationId }))];
    }, true);
    this.logger.log(`customer ${id} ${customer.status} by ${principal.email}${transition === 'terminate' ? `: ${released} node(s) unclaimed` : ''}`);
    return customer;
  }

  /** One audited change of a customer in one transaction; events are published after commit. */
  private async change(
    principal: Principal,
    id: string,
    verb: string,
    apply: (manager: EntityManager, customer: Customer) => Promise<DomainEvent[]>,
    lifecycle = false,
  ): Promise<Customer> {
    requireUuid('id', id);
    const { customer, events } = await this.transactions.run(async (manager) => {
      const customer = assertWritable(principal, await manager.findOneBy(Customer, { id }), 'customer', id);
      const refused = refuseChangeOf(customer.status);
      if (refused !== undefined && !lifecycle) throw AppError.precondition(refused);
      const before = customerSummary(customer);
      const events = await apply(manager, customer);
      customer.updatedAt = new Date();
      const saved = await manager.save(customer);
      await this.audit.record(principal, manager, this.record(verb, saved, before, customerSummary(saved)));
      return { customer: saved, events };
    }).catch((error: unknown) => {
      throw isUniqueViolation(error) ? AppError.conflict('a customer with this email or account id already exists in the group') : error;
    });
    this.events.publish(events);
    return customer;
  }

  private async assertUnique(manager: EntityManager, groupId: string, email: string | null, accountId: string | null, exceptId?: string): Promise<void> {
    const others = exceptId === undefined ? {} : { id: Not(exceptId) };
    if (email !== null && (await manager.countBy(Customer, { groupId, emailKey: emailKey(email), ...others })) > 0) {
      throw AppError.conflict('a customer with this email already exists in the group');
    }
    if (accountId !== null && (await manager.countBy(Customer, { groupId, accountId, ...others })) > 0) {
      throw AppError.conflict('a customer with this account id already exists in the group');
    }
  }

  private record(verb: string, customer: Customer, before: Record<string, unknown> | null, after: Record<string, unknown> | null): AuditRecord {
    return { action: `customer.${verb}`, objectType: 'customer', objectId: customer.id, groupId: customer.groupId, before, after };
  }
}

function positionOf(customer: Customer): { key: string; id: string } {
  return { key: customer.name, id: customer.id };
}
