// The operator's network topology for the gateway (Attachment G): node combine plans are
// imported per group, every line checked first and nothing written when one is bad; a head
// end imported again replaces its plan. SITE transactions ask `placement` whether a
// head_end and oe_node exist; a group without any imported plan is not checked.

import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { assertWritable, targetGroup } from '../../../access/group-scope';
import { AuditService } from '../../../audit/audit.service';
import { canReadGroup, isPlatformAdmin, Principal } from '../../../common/auth/principal';
import { AppError, FieldError } from '../../../common/errors/app-error';
import { TransactionRunner } from '../../../database/transaction-runner';
import { Group } from '../../../identity/group.entity';
import { HeadEnd } from './head-end.entity';
import { NodeCombinePlan, parseNodeCombinePlan } from './node-combine-plan';
import { OeNode } from './oe-node.entity';

/** Node rows per INSERT: five columns each, far below every driver's bound on parameters. */
const NODES_PER_INSERT = 200;

export interface PlanFile {
  /** How errors name the file (`<name> line N`); empty for a single plan. */
  name: string;
  text: string;
}

export type Placement = 'UNCHECKED' | 'KNOWN' | 'UNKNOWN_HEAD_END' | 'UNKNOWN_OE_NODE';

@Injectable()
export class TopologyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /** Parses every file, then writes all of them in one transaction, or nothing. */
  async importPlans(principal: Principal, groupId: string | null | undefined, files: readonly PlanFile[]): Promise<HeadEnd[]> {
    const group = targetGroup(principal, groupId);
    const plans = parseAll(files);
    return this.tx.run(async (manager) => {
      if (!(await manager.existsBy(Group, { id: group }))) throw AppError.notFound('group', group);
      const saved: HeadEnd[] = [];
      for (const plan of plans) {
        const before = await manager.findOneBy(HeadEnd, { groupId: group, headEnd: plan.headEnd });
        const replaced = before === null ? 0 : await manager.countBy(OeNode, { headEndId: before.id });
        if (before !== null) {
          await manager.delete(OeNode, { headEndId: before.id });
          await manager.delete(HeadEnd, { id: before.id });
        }
        const headEnd = await manager.save(manager.create(HeadEnd, { groupId: group, headEnd: plan.headEnd, cableOperator: plan.cableOperator, rdc: plan.rdc, warehouse: plan.warehouse }));
        const nodes = plan.nodes.map((n) => manager.create(OeNode, { headEndId: headEnd.id, laserGroup: n.laserGroup, oeNode: n.node, ipPool: n.ipPool }));
        for (const node of nodes) node.id ??= randomUUID();
        for (let i = 0; i < nodes.length; i += NODES_PER_INSERT) await manager.insert(OeNode, nodes.slice(i, i + NODES_PER_INSERT));
        await this.audit.record(principal, manager, {
          action: 'home-api-head-end.import',
          objectType: 'home-api-head-end',
          objectId: headEnd.id,
          groupId: group,
          before: before === null ? null : { headEnd: before.headEnd, oeNodes: replaced },
          after: { headEnd: plan.headEnd, cableOperator: plan.cableOperator, rdc: plan.rdc, warehouse: plan.warehouse, oeNodes: nodes.length },
        });
        saved.push(Object.assign(headEnd, { oeNodes: sortNodes(nodes) }));
      }
      return saved;
    });
  }

  /** The group's head ends with their OE nodes (the caller's only group when none is named). */
  async list(principal: Principal, groupId: string | null | undefined): Promise<HeadEnd[]> {
    const group = groupId ?? (!isPlatformAdmin(principal) && principal.groupIds.length === 1 ? principal.groupIds[0] : undefined);
    if (group === undefined) throw AppError.validation([{ field: 'groupId', message: 'is required when the caller is not in exactly one group' }]);
    if (!canReadGroup(principal, group)) throw AppError.notFound('group', group);
    const manager = this.dataSource.manager;
    const headEnds = await manager.find(HeadEnd, { where: { groupId: group }, order: { headEnd: 'ASC' } });
    const nodes = headEnds.length === 0 ? [] : await manager.findBy(OeNode, { headEndId: In(headEnds.map((h) => h.id)) });
    return headEnds.map((h) => Object.assign(h, { oeNodes: sortNodes(nodes.filter((n) => n.headEndId === h.id)) }));
  }

  /** Removes a head end and its nodes; a group left without any is no longer checked. */
  async remove(principal: Principal, id: string): Promise<boolean> {
    return this.tx.run(async (manager) => {
      const found = assertWritable(principal, await manager.findOneBy(HeadEnd, { id }), 'head end', id);
      const count = await manager.countBy(OeNode, { headEndId: id });
      await manager.delete(OeNode, { headEndId: id });
      await manager.delete(HeadEnd, { id });
      await this.audit.record(principal, manager, {
        action: 'home-api-head-end.delete',
        objectType: 'home-api-head-end',
        objectId: id,
        groupId: found.groupId,
        before: { headEnd: found.headEnd, oeNodes: count },
      });
      return true;
    });
  }

  /**
   * Whether a SITE's head_end and oe_node are in the group's topology (any case): the node
   * under that head end, or, without a head end, under any of the group's.
   */
  async placement(groupId: string, headEnd: string | undefined, oeNode: string | undefined): Promise<Placement> {
    const manager = this.dataSource.manager;
    const headEnds = await manager.find(HeadEnd, { where: { groupId }, select: { id: true, headEnd: true } });
    if (headEnds.length === 0) return 'UNCHECKED';
    const named = headEnd === undefined ? headEnds : headEnds.filter((h) => h.headEnd === headEnd.toUpperCase());
    if (named.length === 0) return 'UNKNOWN_HEAD_END';
    if (oeNode === undefined) return 'KNOWN';
    return (await manager.existsBy(OeNode, { headEndId: In(named.map((h) => h.id)), oeNode: oeNode.toUpperCase() })) ? 'KNOWN' : 'UNKNOWN_OE_NODE';
  }
}

/** Every file's bad lines, or their plans; two files for one head end are refused. */
function parseAll(files: readonly PlanFile[]): NodeCombinePlan[] {
  if (files.length === 0) throw AppError.validation([{ field: 'plan', message: 'no plan given' }]);
  const errors: FieldError[] = [];
  const plans: NodeCombinePlan[] = [];
  const headEnds = new Map<string, string>();
  for (const file of files) {
    const where = (field: string) => (file.name === '' ? field : `${file.name} ${field}`);
    const parsed = parseNodeCombinePlan(file.text);
    if ('errors' in parsed) {
      errors.push(...parsed.errors.map((e) => ({ field: where(e.field), message: e.message })));
      continue;
    }
    const other = headEnds.get(parsed.plan.headEnd);
    if (other !== undefined) errors.push({ field: where('line 1'), message: `head end ${parsed.plan.headEnd} is also the head end of ${other}` });
    headEnds.set(parsed.plan.headEnd, file.name);
    plans.push(parsed.plan);
  }
  if (errors.length > 0) throw AppError.validation(errors);
  return plans;
}

function sortNodes(nodes: OeNode[]): OeNode[] {
  return [...nodes].sort((a, b) => a.laserGroup.localeCompare(b.laserGroup) || a.oeNode.localeCompare(b.oeNode));
}
