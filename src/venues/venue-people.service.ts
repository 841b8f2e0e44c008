// The people of a venue: its managers (users with the VENUE_MANAGER role, assigned by group
// admins) and its residents (customers of the venue's group; a venue manager creates them,
// and issuing a key makes its subscriber one). Every change audited in its transaction.

import { Injectable, Logger } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { requireUuid } from '../access/location-access';
import { assertVenueAdministrable, assertVenueWritable, venueOf } from '../access/venue-scope';
import { AuditService } from '../audit/audit.service';
import { canWriteGroup, Principal, Role } from '../common/auth/principal';
import { AppError } from '../common/errors/app-error';
import { emailKey, validateCustomerFields } from '../customers/customer-rules';
import { CustomerStatus } from '../customers/customer-status';
import { customerSummary } from '../customers/customer-summary';
import { Customer } from '../customers/customer.entity';
import { isUniqueViolation } from '../database/database-errors';
import { TransactionRunner } from '../database/transaction-runner';
import { hashPassword } from '../identity/password-hasher';
import { CustomerCredentialsService, PasswordLink } from '../oauth/customers/customer-credentials.service';
import { User } from '../identity/user.entity';
import { CreateVenueResidentInput } from './dto/venue.inputs';
import { PersonalKey, PersonalKeyStatus } from './personal-key.entity';
import { KeyPool } from './key-pool.entity';
import { Venue } from './venue.entity';
import { UserVenue, VenueResident } from './venue-roles.entity';

@Injectable()
export class VenuePeopleService {
  private readonly logger = new Logger('VenuePeople');

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly credentials: CustomerCredentialsService,
  ) {}

  /** The venue's managers: for group admins (who assign them); null for anyone else. */
  async managersOf(principal: Principal, venue: Venue): Promise<User[] | null> {
    if (!canWriteGroup(principal, venue.groupId)) return null;
    const links = await this.dataSource.manager.findBy(UserVenue, { venueId: venue.id });
    if (links.length === 0) return [];
    return this.dataSource.manager.find(User, { where: { id: In(links.map((l) => l.userId)), role: Role.VENUE_MANAGER }, relations: { groups: true }, order: { email: 'ASC' } });
  }

  /** The venue's residents, by name (the caller reached the venue through a scoped query). */
  async residentsOf(venueId: string): Promise<Customer[]> {
    const links = await this.dataSource.manager.findBy(VenueResident, { venueId });
    if (links.length === 0) return [];
    return this.dataSource.manager.find(Customer, { where: { id: In(links.map((l) => l.customerId)) }, order: { name: 'ASC', id: 'ASC' } });
  }

  /** A group admin makes a venue manager of their group manage one more venue of that group. */
  async assignManager(principal: Principal, userId: string, venueId: string): Promise<User> {
    requireUuid('userId', userId);
    requireUuid('venueId', venueId);
    const user = await this.transactions.run(async (manager) => {
      const venue = await manager.findOneBy(Venue, { id: venueId });
      assertVenueAdministrable(principal, venue && venueOf(venue), 'venue', venueId);
      const user = await this.venueManager(manager.findOne(User, { where: { id: userId }, relations: { groups: true } }), (venue as Venue).groupId, userId);
      if (await manager.existsBy(UserVenue, { userId, venueId })) return user;
      await manager.insert(UserVenue, { userId, venueId, createdAt: new Date() });
      await this.audit.record(principal, manager, { action: 'venue.manager.assign', objectType: 'venue', objectId: venueId, groupId: (venue as Venue).groupId, before: null, after: { userId, email: user.email } });
      return user;
    });
    this.logger.log(`user ${userId} manages venue ${venueId} (by ${principal.email})`);
    return user;
  }

  async unassignManager(principal: Principal, userId: string, venueId: string): Promise<User> {
    requireUuid('userId', userId);
    requireUuid('venueId', venueId);
    const user = await this.transactions.run(async (manager) => {
      const venue = await manager.findOneBy(Venue, { id: venueId });
      assertVenueAdministrable(principal, venue && venueOf(venue), 'venue', venueId);
      const user = await this.venueManager(manager.findOne(User, { where: { id: userId }, relations: { groups: true } }), (venue as Venue).groupId, userId);
      const removed = await manager.delete(UserVenue, { userId, venueId });
      if ((removed.affected ?? 0) === 0) throw AppError.notFound('venue manager assignment', `${userId}/${venueId}`);
      await this.audit.record(principal, manager, { action: 'venue.manager.unassign', objectType: 'venue', objectId: venueId, groupId: (venue as Venue).groupId, before: { userId, email: user.email }, after: null });
      return user;
    });
    this.logger.log(`user ${userId} no longer manages venue ${venueId} (by ${principal.email})`);
    return user;
  }

  /** A new customer of the venue's group without a location, a resident of the venue. */
  async createResident(principal: Principal, input: CreateVenueResidentInput): Promise<Customer> {
    const errors = [...(input.venueId ? [] : [{ field: 'venueId', message: 'is required' }]), ...validateCustomerFields({ name: input.name, email: input.email, password: input.password ?? null }, ['name', 'email'])];
    if (errors.length > 0) throw AppError.validation(errors);
    requireUuid('venueId', input.venueId);
    const passwordHash = input.password == null ? null : await hashPassword(input.password);
    return this.transactions
      .run(async (manager) => {
        const venue = await manager.findOneBy(Venue, { id: input.venueId });
        assertVenueWritable(principal, venue && venueOf(venue), 'venue', input.venueId);
        const groupId = (venue as Venue).groupId;
        if (await manager.existsBy(Customer, { groupId, emailKey: emailKey(input.email) })) throw AppError.conflict('a customer with this email already exists in the group');
        const customer = await manager.save(
          manager.create(Customer, {
            groupId,
            name: input.name.trim(),
            email: input.email.trim(),
            emailKey: emailKey(input.email),
            accountId: null,
            partnerId: null,
            emailVerified: false,
            onboardingCompletedAt: null,
            status: CustomerStatus.ACTIVE,
            passwordHash,
          }),
        );
        await manager.insert(VenueResident, { venueId: input.venueId, customerId: customer.id, createdAt: new Date() });
        await this.audit.record(principal, manager, { action: 'customer.create', objectType: 'customer', objectId: customer.id, groupId, before: null, after: customerSummary(customer) });
        await this.audit.record(principal, manager, { action: 'venue.resident.add', objectType: 'venue', objectId: input.venueId, groupId, before: null, after: { customerId: customer.id } });
        return customer;
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? AppError.conflict('a customer with this email already exists in the group') : error;
      });
  }

  /** A one-time link (72 hours) for a resident of the venue to set their password (the customer sign-in). */
  async residentPasswordLink(principal: Principal, venueId: string, customerId: string): Promise<PasswordLink> {
    requireUuid('venueId', venueId);
    requireUuid('customerId', customerId);
    const manager = this.dataSource.manager;
    const venue = await manager.findOneBy(Venue, { id: venueId });
    assertVenueWritable(principal, venue && venueOf(venue), 'venue', venueId);
    const customer = await manager.findOneBy(Customer, { id: customerId });
    if (customer === null || !(await manager.existsBy(VenueResident, { venueId, customerId }))) throw AppError.notFound('resident', customerId);
    return this.credentials.passwordLinkFor(principal, customer);
  }

  /** The customer stops being a resident of the venue; refused while they hold a live key of it (revoke it first). */
  async removeResident(principal: Principal, venueId: string, customerId: string): Promise<Customer> {
    requireUuid('venueId', venueId);
    requireUuid('customerId', customerId);
    return this.transactions.run(async (manager) => {
      const venue = await manager.findOneBy(Venue, { id: venueId });
      assertVenueWritable(principal, venue && venueOf(venue), 'venue', venueId);
      const customer = await manager.findOneBy(Customer, { id: customerId });
      if (customer === null || !(await manager.existsBy(VenueResident, { venueId, customerId }))) throw AppError.notFound('resident', customerId);
      const pools = (await manager.findBy(KeyPool, { venueId })).map((p) => p.id);
      const live = pools.length === 0 ? 0 : await manager.countBy(PersonalKey, { poolId: In(pools), customerId, status: In([PersonalKeyStatus.ACTIVE, PersonalKeyStatus.SUSPENDED]) });
      if (live > 0) throw AppError.precondition(`resident ${customerId} still holds ${live} key(s) of the venue: revoke them first`);
      await manager.delete(VenueResident, { venueId, customerId });
      await this.audit.record(principal, manager, { action: 'venue.resident.remove', objectType: 'venue', objectId: venueId, groupId: (venue as Venue).groupId, before: { customerId }, after: null });
      return customer;
    });
  }

  private async venueManager(found: Promise<User | null>, groupId: string, userId: string): Promise<User> {
    const user = await found;
    // A user of another group does not exist for this group's admin.
    if (user === null || !user.groups.some((g) => g.id === groupId)) throw AppError.notFound('user', userId);
    if (user.role !== Role.VENUE_MANAGER) throw AppError.validation([{ field: 'userId', message: 'is not a VENUE_MANAGER user' }]);
    return user;
  }
}
