// The reboot method table: platform admins set and delete rules (audited); the executor asks
// which method a node takes. Rules are few and read per commanded node, not cached.

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { Principal } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { TransactionRunner } from '../../database/transaction-runner';
import { Node } from '../../nodes/node.entity';
import { RebootMethodEntity } from './reboot-method.entity';
import { RebootMethod, rebootMethodFor } from './reboot-method-rules';

export { RebootMethod };

const PATTERN = /^[A-Za-z0-9*._\-+ ]{1,64}$/;

@Injectable()
export class RebootMethodsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<RebootMethodEntity[]> {
    return this.dataSource.manager.find(RebootMethodEntity, { order: { modelPattern: 'ASC', firmwarePattern: 'ASC' } });
  }

  async methodForNode(nodeId: string): Promise<RebootMethod> {
    const node = await this.dataSource.manager.findOneBy(Node, { id: nodeId });
    return rebootMethodFor(await this.list(), node?.model ?? null, node?.firmwareVersion ?? null);
  }

  /** Creates or replaces the rule for these patterns. */
  async set(principal: Principal, modelPattern: string, firmwarePattern: string, method: RebootMethod): Promise<RebootMethodEntity> {
    const bad = [
      ...(PATTERN.test(modelPattern) ? [] : [{ field: 'modelPattern', message: 'letters, digits, . _ - + space and *, 1 to 64 characters' }]),
      ...(PATTERN.test(firmwarePattern) ? [] : [{ field: 'firmwarePattern', message: 'letters, digits, . _ - + space and *, 1 to 64 characters' }]),
    ];
    if (bad.length > 0) throw AppError.validation(bad);
    return this.tx.run(async (manager) => {
      const existing = await manager.findOneBy(RebootMethodEntity, { modelPattern, firmwarePattern });
      const before = existing ? { ...existing } : null;
      const rule = existing ?? manager.create(RebootMethodEntity, { modelPattern, firmwarePattern });
      rule.method = method;
      rule.updatedAt = new Date();
      const saved = await manager.save(rule);
      await this.audit.record(principal, manager, { action: 'rebootMethod.set', objectType: 'rebootMethod', objectId: saved.id, groupId: null, before, after: { ...saved } });
      return saved;
    });
  }

  async delete(principal: Principal, id: string): Promise<boolean> {
    return this.tx.run(async (manager) => {
      const rule = await manager.findOneBy(RebootMethodEntity, { id });
      if (rule === null) throw AppError.notFound('reboot method rule', id);
      await manager.delete(RebootMethodEntity, { id });
      await this.audit.record(principal, manager, { action: 'rebootMethod.delete', objectType: 'rebootMethod', objectId: id, groupId: null, before: { ...rule } });
      return true;
    });
  }
}
