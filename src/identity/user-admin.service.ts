// Changing and removing users, and ending their sessions. What happens to their objects:
// a deleted user's memberships go with them (their audit events keep the email), and every
// token they hold stops working at once (the guard loads the user on every request). A
// revocation stamps tokensValidAfter: tokens issued before it are refused, including those
// of live subscriptions, which re-authorise before every event.

import { Injectable, Logger } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { requireUuid } from '../access/location-access';
import { AuditService } from '../audit/audit.service';
import { isPlatformAdmin, Principal, Role } from '../common/auth/principal';
import { TokenService } from '../common/auth/token.service';
import { AppError } from '../common/errors/app-error';
import { isUniqueViolation } from '../database/database-errors';
import { TransactionRunner } from '../database/transaction-runner';
import { UpdateUserInput } from './dto/account.inputs';
import { LoginResult } from './dto/login-result.type';
import { Group } from './group.entity';
import { hashPassword, verifyPassword } from './password-hasher';
import { assertManageable, checkNewMemberships } from './user-admin-rules';
import { normalizeEmail, User } from './user.entity';

@Injectable()
export class UserAdminService {
  private readonly logger = new Logger(UserAdminService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly tokens: TokenService,
  ) {}

  async update(principal: Principal, id: string, input: UpdateUserInput): Promise<User> {
    requireUuid('id', id);
    const passwordHash = input.password != null ? await hashPassword(input.password) : undefined;
    const email = input.email != null ? normalizeEmail(input.email) : undefined;
    try {
      return await this.tx.run(async (manager) => {
        const user = await this.manageable(manager, principal, id);
        if (input.role != null && input.role !== user.role && !isPlatformAdmin(principal)) throw AppError.forbidden('only a platform admin changes roles');
        if (input.role != null && input.role !== Role.PLATFORM_ADMIN && user.role === Role.PLATFORM_ADMIN) await this.keepOnePlatformAdmin(manager, id);
        const before = summary(user);
        const role = input.role ?? user.role;
        const groupIds = input.groupIds != null ? [...new Set(input.groupIds)] : input.role === Role.PLATFORM_ADMIN ? [] : user.groups.map((g) => g.id);
        checkNewMemberships(principal, role, groupIds);
        const groups = await manager.findBy(Group, { id: In(groupIds) });
        const missing = groupIds.find((g) => !groups.some((x) => x.id === g));
        if (missing !== undefined) throw AppError.notFound('group', missing);
        if (email !== undefined && email !== user.email && (await manager.exists(User, { where: { email } }))) throw AppError.conflict(`a user with email ${email} exists`);
        // A venue manager who becomes something else keeps no venues (they would come back with the role).
        if (user.role === Role.VENUE_MANAGER && role !== Role.VENUE_MANAGER) await manager.createQueryBuilder().delete().from('user_venues').where('user_id = :id', { id }).execute();
        Object.assign(user, { role, groups, ...(email === undefined ? {} : { email }) });
        if (passwordHash !== undefined) Object.assign(user, { passwordHash, tokensValidAfter: Date.now() });
        const saved = await manager.save(user);
        await this.audit.record(principal, manager, { action: 'user.update', objectType: 'user', objectId: id, groupId: groupIds[0] ?? null, before, after: { ...summary(saved), passwordChanged: passwordHash !== undefined } });
        return saved;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw AppError.conflict(`a user with email ${email ?? ''} exists`);
      throw error;
    }
  }

  async delete(principal: Principal, id: string): Promise<string> {
    requireUuid('id', id);
    if (id === principal.userId) throw AppError.precondition('you cannot delete yourself');
    await this.tx.run(async (manager) => {
      const user = await this.manageable(manager, principal, id);
      if (user.role === Role.PLATFORM_ADMIN) await this.keepOnePlatformAdmin(manager, id);
      await manager.delete(User, { id });
      await this.audit.record(principal, manager, { action: 'user.delete', objectType: 'user', objectId: id, groupId: user.groups[0]?.id ?? null, before: summary(user), after: null });
    });
    this.logger.log(`user ${id} deleted by ${principal.email}`);
    return id;
  }

  /** Tokens issued until now stop working; the user logs in again. */
  async revokeSessions(principal: Principal, id: string): Promise<User> {
    requireUuid('id', id);
    const user = await this.tx.run(async (manager) => {
      const found = await this.manageable(manager, principal, id);
      found.tokensValidAfter = Date.now();
      const saved = await manager.save(found);
      await this.audit.record(principal, manager, { action: 'user.revokeSessions', objectType: 'user', objectId: id, groupId: found.groups[0]?.id ?? null, before: null, after: { tokensValidAfter: new Date(found.tokensValidAfter).toISOString() } });
      return saved;
    });
    this.logger.log(`sessions of user ${id} revoked by ${principal.email}`);
    return user;
  }

  /** Needs the current password; ends every other session and answers with a new token. */
  async changeOwnPassword(principal: Principal, currentPassword: string, newPassword: string): Promise<LoginResult> {
    const now = new Date();
    const passwordHash = await hashPassword(newPassword);
    const user = await this.tx.run(async (manager) => {
      const found = await manager.findOne(User, { where: { id: principal.userId }, relations: { groups: true } });
      if (found === null) throw AppError.unauthenticated();
      if (!(await verifyPassword(currentPassword, found.passwordHash))) {
        throw AppError.validation([{ field: 'currentPassword', message: 'is not your current password' }]);
      }
      Object.assign(found, { passwordHash, tokensValidAfter: now.getTime() });
      const saved = await manager.save(found);
      await this.audit.record(principal, manager, { action: 'user.changePassword', objectType: 'user', objectId: found.id, groupId: found.groups[0]?.id ?? null, before: null, after: { passwordChanged: true } });
      return saved;
    });
    return { ...this.tokens.issue(user.id, now), user };
  }

  private async manageable(manager: EntityManager, principal: Principal, id: string): Promise<User> {
    const user = await manager.findOne(User, { where: { id }, relations: { groups: true } });
    assertManageable(principal, user === null ? null : { id, role: user.role, groupIds: user.groups.map((g) => g.id) }, id);
    return user as User;
  }

  private async keepOnePlatformAdmin(manager: EntityManager, leaving: string): Promise<void> {
    const admins = await manager.find(User, { where: { role: Role.PLATFORM_ADMIN }, select: { id: true }, take: 2 });
    if (admins.filter((a) => a.id !== leaving).length === 0) throw AppError.precondition('the last platform admin stays');
  }
}

function summary(user: User): Record<string, unknown> {
  return { email: user.email, role: user.role, groupIds: user.groups.map((g) => g.id) };
}
