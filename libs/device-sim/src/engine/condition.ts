// RFC 7047 s5.1 <condition> and s5.2 "where": row predicates for select, update, mutate,
// delete and wait, and (with the true/false literals of monitor_cond) for monitors.
import { Datum, compareAtoms, datumEquals, datumIncludes } from './datum';
import { SymbolResolver, parseDatum } from './datum-json';
import { EngineTable } from './engine-schema';
import { StoredRow, columnType, readColumn } from './stored-row';
import { syntaxError } from './txn-error';

export type ConditionFunction = '<' | '<=' | '==' | '!=' | '>=' | '>' | 'includes' | 'excludes';

export type Condition =
  | { readonly kind: 'literal'; readonly value: boolean }
  | { readonly kind: 'test'; readonly column: string; readonly fn: ConditionFunction; readonly operand: Datum };

const FUNCTIONS: ReadonlySet<string> = new Set(['<', '<=', '==', '!=', '>=', '>', 'includes', 'excludes']);

export function parseConditions(json: unknown, table: EngineTable, resolve?: SymbolResolver, allowLiterals = false): Condition[] {
  if (json === undefined) return [];
  if (!Array.isArray(json)) throw syntaxError(json, 'where must be an array of conditions');
  return json.map((c: unknown) => parseCondition(c, table, resolve, allowLiterals));
}

function parseCondition(json: unknown, table: EngineTable, resolve: SymbolResolver | undefined, allowLiterals: boolean): Condition {
  if (allowLiterals && typeof json === 'boolean') return { kind: 'literal', value: json };
  if (!Array.isArray(json) || json.length !== 3 || typeof json[0] !== 'string' || typeof json[1] !== 'string') {
    throw syntaxError(json, 'Parse error in condition.');
  }
  const [column, fn, value] = json as [string, string, unknown];
  if (!FUNCTIONS.has(fn)) throw syntaxError(json, `No function named ${fn}.`);
  const type = columnType(table, column);
  const ordered = fn === '<' || fn === '<=' || fn === '>' || fn === '>=';
  if (ordered && (type.max !== 1 || type.value || (type.key.type !== 'integer' && type.key.type !== 'real'))) {
    throw syntaxError(json, `Type mismatch: "${fn}" operator may not be applied to column ${column}.`);
  }
  const operand = parseDatum(value, type, resolve, true);
  return { kind: 'test', column, fn: fn as ConditionFunction, operand };
}

export function evaluate(cond: Condition, row: StoredRow): boolean {
  if (cond.kind === 'literal') return cond.value;
  const actual = readColumn(row, cond.column);
  switch (cond.fn) {
    case '==':
      return datumEquals(actual, cond.operand);
    case '!=':
      return !datumEquals(actual, cond.operand);
    case 'includes':
      return datumIncludes(actual, cond.operand);
    case 'excludes':
      return excludes(actual, cond.operand);
    default:
      return ordered(cond.fn, actual, cond.operand);
  }
}

function excludes(actual: Datum, operand: Datum): boolean {
  for (let i = 0; i < operand.keys.length; i++) {
    const single: Datum = operand.values
      ? { keys: [operand.keys[i]], values: [operand.values[i]] }
      : { keys: [operand.keys[i]] };
    if (datumIncludes(actual, single)) return false;
  }
  return true;
}

function ordered(fn: ConditionFunction, actual: Datum, operand: Datum): boolean {
  if (actual.keys.length !== 1 || operand.keys.length !== 1) return false;
  const c = compareAtoms(actual.keys[0], operand.keys[0]);
  return fn === '<' ? c < 0 : fn === '<=' ? c <= 0 : fn === '>' ? c > 0 : c >= 0;
}

export function matchesAll(conds: readonly Condition[], row: StoredRow): boolean {
  for (const c of conds) if (!evaluate(c, row)) return false;
  return true;
}
