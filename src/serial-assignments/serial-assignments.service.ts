// Serial assignments (finding 9): platform admins import exact serials or add prefix rules
// per group; a group's admins see in unclaimedNodes only the serials so assigned to one
// of their groups (platform admins see all). Each change is audited.

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, In, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { isPlatformAdmin, Principal } from '../common/auth/principal';
import { AppError } from '../common/errors/app-error';
import { isUniqueViolation } from '../database/database-errors';
import { TransactionRunner } from '../database/transaction-runner';
import { Group } from '../identity/group.entity';
import { normaliseSerial } from '../validation/serial';
import { AssignSerialsInput } from './dto/assign-serials.input';
import { checkAssignedValues, likePrefix } from './serial-assignment-rules';
import { SerialAssignment, SerialAssignmentKind } from './serial-assignment.entity';

/** The unclaimed serials a caller may see: everything, or those matching these assignments. */
export type UnclaimedScope = 'ALL' | { serials: string[]; prefixes: string[] };

@Injectable()
export class SerialAssignmentsService {
  constructor(
    @InjectRepository(SerialAssignment) private readonly assignments: Repository<SerialAssignment>,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async assign(principal: Principal, input: AssignSerialsInput): Promise<SerialAssignment[]> {
    // Canonical form, as node serials are stored (an invalid value stays as given for the error).
    const canonical = (value: string): string => normaliseSerial(value) ?? value;
    const serials = [...new Set((input.serials ?? []).map(canonical))];
    const prefixes = [...new Set((input.prefixes ?? []).map(canonical))];
    const errors = checkAssignedValues(serials, prefixes);
    if (errors.length > 0) throw AppError.validation(errors);
    try {
      return await this.tx.run(async (manager) => {
        if (!(await manager.existsBy(Group, { id: input.groupId }))) throw AppError.notFound('Group', input.groupId);
        const rows = [
          ...serials.map((value) => manager.create(SerialAssignment, { groupId: input.groupId, kind: SerialAssignmentKind.SERIAL, value })),
          ...prefixes.map((value) => manager.create(SerialAssignment, { groupId: input.groupId, kind: SerialAssignmentKind.PREFIX, value })),
        ];
        const saved = await manager.save(rows, { chunk: 200 });
        await this.audit.record(principal, manager, {
          action: 'serial-assignment.create',
          objectType: 'group',
          objectId: input.groupId,
          groupId: input.groupId,
          after: { serials: serials.length, prefixes },
        });
        return saved;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw AppError.conflict('a serial or prefix is already assigned to a group');
      throw error;
    }
  }

  async remove(principal: Principal, id: string): Promise<boolean> {
    return this.tx.run(async (manager) => {
      const found = await manager.findOneBy(SerialAssignment, { id });
      if (found === null) throw AppError.notFound('serial assignment', id);
      await manager.delete(SerialAssignment, { id });
      await this.audit.record(principal, manager, {
        action: 'serial-assignment.delete',
        objectType: 'group',
        objectId: found.groupId,
        groupId: found.groupId,
        before: { kind: found.kind, value: found.value },
      });
      return true;
    });
  }

  list(groupId: string): Promise<SerialAssignment[]> {
    return this.assignments.find({ where: { groupId }, order: { kind: 'ASC', value: 'ASC' } });
  }

  async scopeOf(principal: Principal): Promise<UnclaimedScope> {
    if (isPlatformAdmin(principal)) return 'ALL';
    if (principal.groupIds.length === 0) return { serials: [], prefixes: [] };
    const rows = await this.assignments.find({ where: { groupId: In(principal.groupIds) } });
    return {
      serials: rows.filter((r) => r.kind === SerialAssignmentKind.SERIAL).map((r) => r.value),
      prefixes: rows.filter((r) => r.kind === SerialAssignmentKind.PREFIX).map((r) => r.value),
    };
  }
}

/** The WHERE condition on `alias`.serial_number for a scope (never called with 'ALL'). */
export function serialCondition(alias: string, scope: Exclude<UnclaimedScope, 'ALL'>): Brackets {
  return new Brackets((where) => {
    where.where('1 = 0');
    if (scope.serials.length > 0) where.orWhere(`${alias}.serialNumber IN (:...assignedSerials)`, { assignedSerials: scope.serials });
    scope.prefixes.forEach((prefix, i) => where.orWhere(`${alias}.serialNumber LIKE :prefix${i} ESCAPE '\\'`, { [`prefix${i}`]: likePrefix(prefix) }));
  });
}
