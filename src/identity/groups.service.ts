// Groups are created and listed by platform admins (members see theirs through `me`).

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Principal } from '../common/auth/principal';
import { AppError } from '../common/errors/app-error';
import { Connection } from '../common/pagination/connection.type';
import { keysetPage } from '../common/pagination/keyset-page';
import { PageArgs } from '../common/pagination/page.args';
import { isUniqueViolation } from '../database/database-errors';
import { TransactionRunner } from '../database/transaction-runner';
import { Group } from './group.entity';

@Injectable()
export class GroupsService {
  constructor(
    @InjectRepository(Group) private readonly groups: Repository<Group>,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async create(principal: Principal, name: string): Promise<Group> {
    try {
      return await this.tx.run(async (manager) => {
        if (await manager.exists(Group, { where: { name } })) throw AppError.conflict(`a group named "${name}" exists`);
        const group = await manager.save(manager.create(Group, { name }));
        await this.audit.record(principal, manager, {
          action: 'group.create',
          objectType: 'group',
          objectId: group.id,
          groupId: group.id,
          after: { name },
        });
        return group;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw AppError.conflict(`a group named "${name}" exists`);
      throw error;
    }
  }

  /** By name; platform admins only (checked by the resolver's permission). */
  async list(page: PageArgs): Promise<Connection<Group>> {
    const qb = this.groups.createQueryBuilder('g');
    return keysetPage(qb, { key: 'g.name', id: 'g.id', direction: 'ASC', positionOf: (g) => ({ key: g.name, id: g.id }) }, page);
  }
}
