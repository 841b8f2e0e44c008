// RFC 7047 section 5.1, <mutation>: [column, mutator, value]. Arithmetic mutators apply to
// integer and real columns (and sets of them) with a plain scalar argument, free of the
// column's range constraints since it is an operand, not a stored value; "%=" is integer
// only. "insert" and "delete" apply to sets and maps; "delete" on a map accepts either a
// map (pairs to remove) or a set of keys. Immutable columns cannot be mutated.

import { OvsdbError } from '../errors';
import { encodeDatum } from '../notation/datum-codec';
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
  const type = column.type;
  if (ARITHMETIC.includes(mutator)) {
    const numeric = type.key.type === 'integer' || (type.key.type === 'real' && mutator !== '%=');
    if (type.isMap() || !numeric) {
      throw opInvalid(`${where}: "${mutator}" applies only to ${mutator === '%=' ? 'integer' : 'integer or real'} columns`);
    }
    if ((mutator === '/=' || mutator === '%=') && value === 0) throw opInvalid(`${where}: division by zero`);
    const operand = ColumnType.scalar({ type: type.key.type, refType: 'strong' });
    return [name, mutator, encodeDatum(operand, value, { where })];
  }
  if (type.isScalar()) throw opInvalid(`${where}: "${mutator}" applies only to sets and maps`);
  if (mutator === 'delete' && type.isMap() && Array.isArray(value)) {
    const keys = new ColumnType(type.key, undefined, 0, 'unlimited');
    return [name, mutator, encodeDatum(keys, value, { where })];
  }
  const max = mutator === 'delete' ? 'unlimited' : type.max;
  return [name, mutator, encodeDatum(new ColumnType(type.key, type.value, 0, max), value, { where })];
}

function opInvalid(message: string): OvsdbError {
  return new OvsdbError('OP_INVALID', message);
}
