// RFC 7047 s5.1 <mutation> and s5.2.4 "mutate": arithmetic on integer/real columns (applied
// to every element of a set) and insert/delete on sets and maps.
import { Atom, Datum, compareAtoms, findKey, makeDatum } from './datum';
import { SymbolResolver, checkAtomConstraints, parseAtom, parseDatum } from './datum-json';
import { EngineColumnType, EngineTable } from './engine-schema';
import { columnType } from './stored-row';
import { TxnError, syntaxError } from './txn-error';

export type Mutator = '+=' | '-=' | '*=' | '/=' | '%=' | 'insert' | 'delete';

export interface Mutation {
  readonly column: string;
  readonly mutator: Mutator;
  readonly type: EngineColumnType;
  /** Scalar operand for arithmetic, datum operand for insert/delete. */
  readonly scalar?: Atom;
  readonly operand?: Datum;
  /** `delete` on a map with a set of keys. */
  readonly keysOnly?: boolean;
}

const INT64_MAX = 2 ** 63;

export function parseMutation(json: unknown, table: EngineTable, resolve?: SymbolResolver): Mutation {
  if (!Array.isArray(json) || json.length !== 3 || typeof json[0] !== 'string' || typeof json[1] !== 'string') {
    throw syntaxError(json, 'Parse error in mutation.');
  }
  const [column, mutator, value] = json as [string, string, unknown];
  const type = columnType(table, column);
  const col = table.columns.get(column);
  if (!col || !col.mutable) {
    throw new TxnError('constraint violation', `Cannot mutate immutable column ${column} in table ${table.name}.`, json);
  }
  if (mutator === 'insert' || mutator === 'delete') {
    if (type.value && mutator === 'delete' && !(Array.isArray(value) && value[0] === 'map')) {
      const keys = parseDatum(value, { key: type.key, min: 0, max: Infinity }, resolve, true);
      return { column, mutator, type, operand: keys, keysOnly: true };
    }
    return { column, mutator, type, operand: parseDatum(value, type, resolve, true) };
  }
  if (!['+=', '-=', '*=', '/=', '%='].includes(mutator)) throw syntaxError(json, `Unknown mutator ${mutator}.`);
  const numeric = type.key.type === 'integer' || (type.key.type === 'real' && mutator !== '%=');
  if (!numeric || type.value) {
    throw syntaxError(json, `Type mismatch: "${mutator}" operator may not be applied to column ${column} of type ${type.key.type}.`);
  }
  const scalar = parseAtom(value, { type: type.key.type });
  return { column, mutator: mutator as Mutator, type, scalar };
}

export function applyMutation(current: Datum, m: Mutation): Datum {
  let next: Datum;
  if (m.mutator === 'insert') next = insert(current, m.operand as Datum);
  else if (m.mutator === 'delete') next = remove(current, m.operand as Datum, m.keysOnly === true);
  else next = arithmetic(current, m);
  if (next.keys.length > m.type.max || next.keys.length < m.type.min) {
    const max = m.type.max === Infinity ? 'unlimited' : m.type.max;
    throw new TxnError(
      'constraint violation',
      `Attempted to store ${next.keys.length} elements in ${m.type.value ? 'map' : 'set'} of ${m.type.min} to ${max} elements (column ${m.column}).`,
    );
  }
  return next;
}

function insert(current: Datum, operand: Datum): Datum {
  const keys = [...current.keys];
  const values = current.values ? [...current.values] : undefined;
  for (let i = 0; i < operand.keys.length; i++) {
    if (findKey(current, operand.keys[i]) >= 0) continue;
    keys.push(operand.keys[i]);
    if (values && operand.values) values.push(operand.values[i]);
  }
  return makeDatum(keys, values).datum;
}

function remove(current: Datum, operand: Datum, keysOnly: boolean): Datum {
  const keys: Atom[] = [];
  const values: Atom[] = [];
  for (let i = 0; i < current.keys.length; i++) {
    const j = findKey(operand, current.keys[i]);
    const hit =
      j >= 0 && (keysOnly || !current.values || !operand.values || compareAtoms(current.values[i], operand.values[j]) === 0);
    if (hit) continue;
    keys.push(current.keys[i]);
    if (current.values) values.push(current.values[i]);
  }
  return current.values ? { keys, values } : { keys };
}

function arithmetic(current: Datum, m: Mutation): Datum {
  const y = m.scalar as number;
  const integer = m.type.key.type === 'integer';
  const out = current.keys.map((a) => {
    const x = a as number;
    if ((m.mutator === '/=' || m.mutator === '%=') && y === 0) throw new TxnError('domain error', 'Division by zero.');
    let r: number;
    switch (m.mutator) {
      case '+=':
        r = x + y;
        break;
      case '-=':
        r = x - y;
        break;
      case '*=':
        r = x * y;
        break;
      case '/=':
        r = integer ? Math.trunc(x / y) : x / y;
        break;
      default:
        r = x % y;
    }
    if (integer ? r >= INT64_MAX || r < -INT64_MAX : !Number.isFinite(r)) {
      throw new TxnError('range error', `Result of "${m.mutator}" operation is out of range.`);
    }
    checkAtomConstraints(r, m.type.key);
    return r;
  });
  const { datum, duplicate } = makeDatum(out);
  if (duplicate) throw new TxnError('constraint violation', `Result of "${m.mutator}" operation contains duplicate values.`);
  return datum;
}
