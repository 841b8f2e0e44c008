// Attachment G's node combine plan file, one file per head end: line 1
// `<CABLE_OPERATOR>~<HEAD_END>~<RDC>~<WAREHOUSE>`, lines 2-n `<HEAD_END>~<LASER_GROUP>~
// <NODE>~<IP_POOL>`. The document's own example of line 1 has five fields
// (`CABLEVISION~NORWALK1~NORWALK1~RDC1.NORWALK1.HOME.COM~XXX-NORWALK1` for the operator
// "CABLEVISION NORWALK1"), so line 1 is read from its end: the last three fields are head
// end, RDC and warehouse, the one or two before them the operator. Every line is checked
// and every bad one reported by number; a plan with any bad line is not returned.

import { FieldError } from '../../../common/errors/app-error';

/** Attachment A's column for head_end and oe_node (the values SITE transactions carry). */
export const TOPOLOGY_NAME_MAX = 32;
const TEXT_MAX = 64;
export const MAX_PLAN_LINES = 10_000;
const PRINTABLE = /^[\x20-\x7e]+$/;

export interface PlanNode {
  line: number;
  laserGroup: string;
  node: string;
  ipPool: string;
}

export interface NodeCombinePlan {
  cableOperator: string;
  headEnd: string;
  rdc: string;
  warehouse: string;
  nodes: PlanNode[];
}

export type PlanParse = { plan: NodeCombinePlan } | { errors: FieldError[] };

export function parseNodeCombinePlan(text: string): PlanParse {
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length < 2) return { errors: [{ field: `line ${Math.max(lines.length, 1)}`, message: 'a plan is a head end line followed by at least one node line' }] };
  if (lines.length > MAX_PLAN_LINES + 1) return { errors: [{ field: 'file', message: `at most ${MAX_PLAN_LINES} node lines per file` }] };
  const errors: FieldError[] = [];
  const headLine = readHeadEnd(lines[0] as string, errors);
  const seen = new Map<string, number>();
  const nodes: PlanNode[] = [];
  lines.slice(1).forEach((text, i) => {
    const node = readNode(text, i + 2, headLine?.headEnd, seen, errors);
    if (node !== undefined) nodes.push(node);
  });
  if (errors.length > 0 || headLine === undefined) return { errors };
  return { plan: { ...headLine, nodes } };
}

function readHeadEnd(text: string, errors: FieldError[]): Omit<NodeCombinePlan, 'nodes'> | undefined {
  const fields = text.split('~');
  if (fields.length !== 4 && fields.length !== 5) {
    errors.push({ field: 'line 1', message: `expected <CABLE_OPERATOR>~<HEAD_END>~<RDC>~<WAREHOUSE>, found ${fields.length} fields` });
    return undefined;
  }
  const [headEnd, rdc, warehouse] = fields.slice(-3) as [string, string, string];
  const operator = fields.slice(0, -3);
  const problems = [
    ...operator.map((v) => check(v, 'CABLE_OPERATOR', TEXT_MAX)),
    check(headEnd, 'HEAD_END', TOPOLOGY_NAME_MAX),
    check(rdc, 'RDC', TEXT_MAX),
    check(warehouse, 'WAREHOUSE', TEXT_MAX),
  ].filter((p): p is string => p !== undefined);
  if (problems.length > 0) {
    errors.push({ field: 'line 1', message: problems.join('; ') });
    return undefined;
  }
  return { cableOperator: operator.join(' ').toUpperCase(), headEnd: headEnd.toUpperCase(), rdc: rdc.toUpperCase(), warehouse: warehouse.toUpperCase() };
}

function readNode(text: string, line: number, headEnd: string | undefined, seen: Map<string, number>, errors: FieldError[]): PlanNode | undefined {
  const fields = text.split('~');
  if (fields.length !== 4) {
    errors.push({ field: `line ${line}`, message: `expected <HEAD_END>~<LASER_GROUP>~<NODE>~<IP_POOL>, found ${fields.length} fields` });
    return undefined;
  }
  const [he, laserGroup, node, ipPool] = fields as [string, string, string, string];
  const problems = [check(he, 'HEAD_END', TOPOLOGY_NAME_MAX), check(laserGroup, 'LASER_GROUP', TEXT_MAX), check(node, 'NODE', TOPOLOGY_NAME_MAX), check(ipPool, 'IP_POOL', TEXT_MAX)].filter(
    (p): p is string => p !== undefined,
  );
  if (problems.length === 0 && headEnd !== undefined && he.toUpperCase() !== headEnd) problems.push(`HEAD_END ${he} is not the file's head end ${headEnd} (one file per head end)`);
  const key = `${laserGroup.toUpperCase()}~${node.toUpperCase()}`;
  const earlier = seen.get(key);
  if (problems.length === 0 && earlier !== undefined) problems.push(`node ${node} of laser group ${laserGroup} is already on line ${earlier}`);
  if (problems.length > 0) {
    errors.push({ field: `line ${line}`, message: problems.join('; ') });
    return undefined;
  }
  seen.set(key, line);
  return { line, laserGroup: laserGroup.toUpperCase(), node: node.toUpperCase(), ipPool: ipPool.toUpperCase() };
}

function check(value: string, name: string, max: number): string | undefined {
  if (value.trim() === '') return `${name} is empty`;
  if (!PRINTABLE.test(value)) return `${name} has a character outside printable ASCII`;
  if (value !== value.trim()) return `${name} has leading or trailing spaces`;
  if (value.includes('|')) return `${name} has a pipe, which no transaction can carry`;
  if (value.length > max) return `${name} is longer than ${max} characters`;
  return undefined;
}
