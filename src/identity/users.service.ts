// Users are created by platform admins (any role) and by group admins (support users and
// venue managers of their own groups only; a venue manager's venues are assigned apart,
// src/venues/venue-managers.service.ts). A group the caller may not see is reported as not found.

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { canReadGroup, isPlatformAdmin, Principal, Role } from '../common/auth/principal';
import { AppError } from '../common/errors/app-error';
import { Connection, emptyConnection } from '../common/pagination/connection.type';
import { keysetPage } from '../common/pagination/keyset-page';
import { pageRequest } from '../common/pagination/page.args';
import { isUniqueViolation } from '../database/database-errors';
import { TransactionRunner } from '../database/transaction-runner';
import { CreateUserInput } from './dto/create-user.input';
import { UsersArgs } from './dto/users.args';
import { Group } from './group.entity';
import { hashPassword } from './password-hasher';
import { normalizeEmail, User } from './user.entity';

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async create(principal: Principal, input: CreateUserInput): Promise<User> {
    checkRoleRules(principal, input);
    const email = normalizeEmail(input.email);
    const groupIds = [...new Set(input.groupIds)];
    const passwordHash = await hashPassword(input.password);
    try {
      return await this.tx.run(async (manager) => {
        const groups = await manager.findBy(Group, { id: In(groupIds) });
        const missing = groupIds.find((id) => !groups.some((g) => g.id === id) || !canReadGroup(principal, id));
        if (missing !== undefined) throw AppError.notFound('Group', missing);
        if (await manager.exists(User, { where: { email } })) throw conflict();
        const user = await manager.save(manager.create(User, { email, passwordHash, role: input.role, groups }));
        await this.audit.record(principal, manager, {
          action: 'user.create',
          objectType: 'user',
          objectId: user.id,
          groupId: groupIds[0] ?? null,
          after: { email, role: input.role, groupIds },
        });
        return user;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict();
      throw error;
    }
  }

  /** By email. Group admins see the members of their groups, and only those groups of them. */
  async list(principal: Principal, args: UsersArgs): Promise<Connection<User>> {
    const admin = isPlatformAdmin(principal);
    if (args.groupId !== undefined && !canReadGroup(principal, args.groupId)) throw AppError.notFound('Group', args.groupId);
    const scope = args.groupId !== undefined ? [args.groupId] : admin ? undefined : principal.groupIds;
    pageRequest(args);
    if (scope !== undefined && scope.length === 0) return emptyConnection();

    const qb = this.users.createQueryBuilder('u').leftJoinAndSelect('u.groups', 'g');
    if (scope !== undefined) {
      qb.where((sub) => {
        const members = sub.subQuery().select('ug.user_id').from('user_groups', 'ug').where('ug.group_id IN (:...scope)');
        return `u.id IN ${members.getQuery()}`;
      }).setParameter('scope', scope);
    }
    const page = await keysetPage(qb, { key: 'u.email', id: 'u.id', direction: 'ASC', positionOf: position }, args);
    if (!admin) for (const { node: user } of page.edges) user.groups = user.groups.filter((g) => canReadGroup(principal, g.id));
    return page;
  }
}

function checkRoleRules(principal: Principal, input: CreateUserInput): void {
  if (input.role === Role.RESIDENT) throw AppError.validation([{ field: 'role', message: 'residents are customers, not users' }]);
  if (!isPlatformAdmin(principal) && input.role !== Role.GROUP_SUPPORT && input.role !== Role.VENUE_MANAGER) {
    throw AppError.forbidden('a group admin may only create GROUP_SUPPORT and VENUE_MANAGER users');
  }
  if (input.role === Role.PLATFORM_ADMIN && input.groupIds.length > 0) {
    throw AppError.validation([{ field: 'groupIds', message: 'a platform admin belongs to no group' }]);
  }
  if (input.role !== Role.PLATFORM_ADMIN && input.groupIds.length === 0) {
    throw AppError.validation([{ field: 'groupIds', message: 'a group user needs at least one group' }]);
  }
}

/**
 * The same answer whoever holds the email, in which group: it names neither the email nor
 * its owner, so a group admin learns nothing about other groups' users from it.
 */
function conflict(): AppError {
  return AppError.conflict('this email cannot be used for a new user');
}

function position(user: User): { key: string; id: string } {
  return { key: user.email, id: user.id };
}
