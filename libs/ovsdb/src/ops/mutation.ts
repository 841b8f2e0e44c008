// RFC 7047 section 5.1, <mutation>: [column, mutator, value]. Arithmetic mutators apply to
// integer and real columns (and sets of them) with a plain scalar argument, free of the
// column's range constraints since it is an operand, not a stored value; "%=" is integer
// only. "insert" and "delete" apply to sets and maps; "delete" on a map accepts either a
// map (pairs to remove) or a set of keys. Immutable columns cannot be mutated.

import { OvsdbError } from '../errors';
import { decodeDatum, encodeDatum } from '../notation/datum-codec';
import { ColumnType } from '../schema/column-type';
import { TableSchema } from '../schema/table-schema';
import { Mutation, Mutator, WireTriple } from './operation';

const ARITHMETIC: readonly string[] = ['+=', '-=', '*=', '/=', '%='];
const MUTATORS: readonly string[] = [...ARITHMETIC, 'insert', 'delete'];

export function isMutator(value: unknown): value is Mutator {
  return typeof value === 'string' && MUTATORS.includes(value);
}

export function encodeMutations(table: TableSchema, mutations: readonly Mutation[]): WireTriple[] {
  if (!Array.isArray(mutations)) throw opInvalid(`${table.name}: mutations must be an array`);
  return mutations.map((mutation) => encodeMutation(table, mutation));
}

export function encodeMutation(table: TableSchema, mutation: Mutation): WireTriple {
  if (!Array.isArray(mutation) || mutation.length !== 3) {
    throw opInvalid(`${table.name}: a mutation must be [column, mutator, value]`);
  }
  const [name, mutator, value] = mutation;
  const column = table.requireColumn(name);
  const where = `${table.name}.${name}`;
  if (!isMutator(mutator)) throw opInvalid(`${where}: unknown mutator ${JSON.stringify(mutator)}`);
  if (!column.mutable) throw opInvalid(`${where}: column is not mutable`);
  const keysOnly = mutator === 'delete' && column.type.isMap() && Array.isArray(value);
  const valueType = mutationValueType(column.type, mutator, keysOnly, where);
  if ((mutator === '/=' || mutator === '%=') && value === 0) throw opInvalid(`${where}: division by zero`);
  return [name, mutator, encodeDatum(valueType, value, { where })];
}

/**
 * The other direction, for a server reading a transaction: wire mutation -> typed
 * Mutation, with the same checks. Named uuids are allowed (earlier inserts).
 */
export function decodeMutation(table: TableSchema, wire: unknown): Mutation {
  if (!Array.isArray(wire) || wire.length !== 3 || typeof wire[0] !== 'string') {
    throw opInvalid(`${table.name}: a mutation must be [column, mutator, value]`);
  }
  const [name, mutator, value] = wire as [string, unknown, unknown];
  const column = table.requireColumn(name);
  const where = `${table.name}.${name}`;
  if (!isMutator(mutator)) throw opInvalid(`${where}: unknown mutator ${JSON.stringify(mutator)}`);
  if (!column.mutable) throw opInvalid(`${where}: column is not mutable`);
  const keysOnly = mutator === 'delete' && column.type.isMap() && !(Array.isArray(value) && value[0] === 'map');
  const decoded = decodeDatum(mutationValueType(column.type, mutator, keysOnly, where), value, { where, allowNamedUuid: true });
  if ((mutator === '/=' || mutator === '%=') && decoded === 0) throw opInvalid(`${where}: division by zero`);
  return [name, mutator, decoded];
}

/**
 * The type a mutation's value must have, or OP_INVALID when the mutator does not fit the
 * column. `keysOnly`: a map "delete" given a set of keys rather than a map.
 */
export function mutationValueType(type: ColumnType, mutator: Mutator, keysOnly: boolean, where: string): ColumnType {
  if (ARITHMETIC.includes(mutator)) {
    const numeric = type.key.type === 'integer' || (type.key.type === 'real' && mutator !== '%=');
    if (type.isMap() || !numeric) {
      throw opInvalid(`${where}: "${mutator}" applies only to ${mutator === '%=' ? 'integer' : 'integer or real'} columns`);
    }
    return ColumnType.scalar({ type: type.key.type, refType: 'strong' });
  }
  if (type.isScalar()) throw opInvalid(`${where}: "${mutator}" applies only to sets and maps`);
  if (keysOnly) return new ColumnType(type.key, undefined, 0, 'unlimited');
  return new ColumnType(type.key, type.value, 0, mutator === 'delete' ? 'unlimited' : type.max);
}

function opInvalid(message: string): OvsdbError {
  return new OvsdbError('OP_INVALID', message);
}
