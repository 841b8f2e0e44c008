// RFC 7047 section 5.1, <condition>: [column, function, value]. The ordering functions
// apply to integer and real scalars only; "includes"/"excludes" test membership in sets
// and maps, so their value may hold any number of elements. Checked here so a bad
// condition fails before it is sent rather than as a server "syntax error".

import { OvsdbError } from '../errors';
import { decodeDatum, encodeDatum } from '../notation/datum-codec';
import { ColumnType } from '../schema/column-type';
import { TableSchema } from '../schema/table-schema';
import { Condition, ConditionFunction, WireTriple } from './operation';

const ORDERING: readonly string[] = ['<', '<=', '>=', '>'];
const FUNCTIONS: readonly string[] = [...ORDERING, '==', '!=', 'includes', 'excludes'];

export function isConditionFunction(value: unknown): value is ConditionFunction {
  return typeof value === 'string' && FUNCTIONS.includes(value);
}

export function encodeConditions(table: TableSchema, where: readonly Condition[]): WireTriple[] {
  if (!Array.isArray(where)) throw opInvalid(`${table.name}: where must be an array of conditions`);
  return where.map((condition) => encodeCondition(table, condition));
}

export function encodeCondition(table: TableSchema, condition: Condition): WireTriple {
  if (!Array.isArray(condition) || condition.length !== 3) {
    throw opInvalid(`${table.name}: a condition must be [column, function, value]`);
  }
  const [name, fn, value] = condition;
  const column = table.requireColumn(name);
  const where = `${table.name}.${name}`;
  if (!isConditionFunction(fn)) throw opInvalid(`${where}: unknown condition function ${JSON.stringify(fn)}`);
  return [name, fn, encodeDatum(conditionValueType(column.type, fn, where), value, { where })];
}

/**
 * The other direction, for a server reading a transaction: wire condition -> typed
 * Condition, with the same checks. Named uuids are allowed (earlier inserts).
 */
export function decodeCondition(table: TableSchema, wire: unknown): Condition {
  if (!Array.isArray(wire) || wire.length !== 3 || typeof wire[0] !== 'string') {
    throw opInvalid(`${table.name}: a condition must be [column, function, value]`);
  }
  const [name, fn, value] = wire as [string, unknown, unknown];
  const column = table.requireColumn(name);
  const where = `${table.name}.${name}`;
  if (!isConditionFunction(fn)) throw opInvalid(`${where}: unknown condition function ${JSON.stringify(fn)}`);
  return [name, fn, decodeDatum(conditionValueType(column.type, fn, where), value, { where, allowNamedUuid: true })];
}

/** The type a condition's value must have, or OP_INVALID when `fn` does not fit the column. */
export function conditionValueType(type: ColumnType, fn: ConditionFunction, where: string): ColumnType {
  if (ORDERING.includes(fn)) {
    if (!type.isScalar() || (type.key.type !== 'integer' && type.key.type !== 'real')) {
      throw opInvalid(`${where}: "${fn}" applies only to integer or real scalar columns`);
    }
    return type;
  }
  if (fn === 'includes' || fn === 'excludes') {
    if (type.isScalar()) throw opInvalid(`${where}: "${fn}" applies only to sets and maps; use "==" or "!="`);
    // An optional column keeps its atom-or-undefined representation.
    return new ColumnType(type.key, type.value, 0, type.isAtomic() ? 1 : 'unlimited');
  }
  return type;
}

function opInvalid(message: string): OvsdbError {
  return new OvsdbError('OP_INVALID', message);
}
