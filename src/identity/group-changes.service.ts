// Renaming and deleting groups (platform admins). What happens to their objects: a group
// that still has customers (and so locations, networks, claimed nodes) cannot be deleted
// (CONFLICT: terminate or move them first); an empty group goes with its memberships, and
// its members keep their accounts (a group user left with no group sees nothing). The
// audit trail keeps the group's events.

import { Injectable } from '@nestjs/common';
import { requireUuid } from '../access/location-access';
import { AuditService } from '../audit/audit.service';
import { Principal } from '../common/auth/principal';
import { AppError } from '../common/errors/app-error';
import { isUniqueViolation } from '../database/database-errors';
import { TransactionRunner } from '../database/transaction-runner';
import { UpdateGroupInput } from './dto/account.inputs';
import { Group } from './group.entity';

@Injectable()
export class GroupChangesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async update(principal: Principal, id: string, input: UpdateGroupInput): Promise<Group> {
    requireUuid('id', id);
    const name = input.name?.trim();
    if (input.name === null || name === '') throw AppError.validation([{ field: 'name', message: 'must not be empty' }]);
    try {
      return await this.tx.run(async (manager) => {
        const group = await manager.findOneBy(Group, { id });
        if (group === null) throw AppError.notFound('group', id);
        if (name === undefined || name === group.name) return group;
        if (await manager.exists(Group, { where: { name } })) throw AppError.conflict(`a group named "${name}" exists`);
        const before = { name: group.name };
        group.name = name;
        const saved = await manager.save(group);
        await this.audit.record(principal, manager, { action: 'group.update', objectType: 'group', objectId: id, groupId: id, before, after: { name } });
        return saved;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw AppError.conflict(`a group named "${name ?? ''}" exists`);
      throw error;
    }
  }

  async delete(principal: Principal, id: string): Promise<string> {
    requireUuid('id', id);
    await this.tx.run(async (manager) => {
      const group = await manager.findOneBy(Group, { id });
      if (group === null) throw AppError.notFound('group', id);
      // Customers are another module's table: counted by name, not imported.
      const [{ n }] = await manager.createQueryBuilder().select('COUNT(*)', 'n').from('customers', 'c').where('c.group_id = :id', { id }).getRawMany<{ n: string | number }>();
      if (Number(n) > 0) throw AppError.conflict(`group "${group.name}" has ${Number(n)} customer(s): terminate or move them before deleting the group`);
      await manager.createQueryBuilder().delete().from('user_groups').where('group_id = :id', { id }).execute();
      await manager.delete(Group, { id });
      await this.audit.record(principal, manager, { action: 'group.delete', objectType: 'group', objectId: id, groupId: id, before: { name: group.name }, after: null });
    });
    return id;
  }
}
