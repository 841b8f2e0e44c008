// RFC 7047 s5.2: the database operations (insert, select, update, mutate, delete, wait,
// comment, abort) executed against a transaction's working set.
import { Condition, matchesAll, parseConditions } from './condition';
import { Datum, datumEquals, defaultDatum } from './datum';
import { SymbolResolver, checkAtomConstraints, encodeDatum, parseDatum } from './datum-json';
import { EngineSchema, EngineTable } from './engine-schema';
import { Mutation, applyMutation, parseMutation } from './mutation';
import { StoredRow, UUID_TYPE, columnType, readColumn } from './stored-row';
import { TxnError, syntaxError } from './txn-error';
import { WorkingSet, newUuid } from './working-set';

export interface OpContext {
  readonly schema: EngineSchema;
  readonly ws: WorkingSet;
  readonly resolve: SymbolResolver;
  /** Declares a uuid-name; throws "duplicate uuid-name" when seen before. */
  readonly declare: (name: string, json: unknown) => string;
  /** Set when a wait with a non-zero timeout failed and the caller can retry later. */
  blockedFor?: number;
  readonly canBlock: boolean;
}

type OpJson = Record<string, unknown>;

export function executeOperation(ctx: OpContext, op: unknown): unknown {
  if (typeof op !== 'object' || op === null || Array.isArray(op)) throw syntaxError(op, 'operation must be an object');
  const o = op as OpJson;
  switch (o.op) {
    case 'insert':
      return insert(ctx, o);
    case 'select':
      return select(ctx, o);
    case 'update':
      return update(ctx, o);
    case 'mutate':
      return mutate(ctx, o);
    case 'delete':
      return remove(ctx, o);
    case 'wait':
      return wait(ctx, o);
    case 'comment':
      return {};
    case 'abort':
      throw new TxnError('aborted', 'aborted by request');
    default:
      throw syntaxError(op, `No operation named ${String(o.op)}.`);
  }
}

function tableOf(ctx: OpContext, o: OpJson): EngineTable {
  const table = typeof o.table === 'string' ? ctx.schema.tables.get(o.table) : undefined;
  if (!table) throw syntaxError(o, `No table named ${String(o.table)}.`);
  return table;
}

function parseRow(ctx: OpContext, table: EngineTable, json: unknown, forUpdate: boolean): Map<string, Datum> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw syntaxError(json, 'row must be an object');
  const out = new Map<string, Datum>();
  for (const [name, value] of Object.entries(json)) {
    const col = table.columns.get(name);
    if (forUpdate && (name === '_uuid' || name === '_version' || (col && !col.mutable))) {
      throw new TxnError('constraint violation', `Cannot update immutable column ${name} in table ${table.name}.`);
    }
    if (!col) throw new TxnError('unknown column', `No column ${name} in table ${table.name}.`, json);
    out.set(name, parseDatum(value, col.type, ctx.resolve));
  }
  return out;
}

function where(ctx: OpContext, table: EngineTable, o: OpJson): Condition[] {
  if (o.where === undefined) throw syntaxError(o, 'Required "where" member is missing.');
  return parseConditions(o.where, table, ctx.resolve);
}

function matching(ctx: OpContext, table: EngineTable, conds: Condition[]): StoredRow[] {
  const out: StoredRow[] = [];
  for (const row of ctx.ws.rows(table.name).values()) if (matchesAll(conds, row)) out.push(row);
  return out;
}

function insert(ctx: OpContext, o: OpJson): unknown {
  const table = tableOf(ctx, o);
  let uuid: string;
  if (typeof o['uuid-name'] === 'string') uuid = ctx.declare(o['uuid-name'], o['uuid-name']);
  else if (o.uuid !== undefined) uuid = parseDatum(o.uuid, UUID_TYPE).keys[0] as string;
  else uuid = newUuid();
  const given = parseRow(ctx, table, o.row ?? {}, false);
  // Built from entries: an object given 70 properties one keyed store at a time becomes a
  // slow dictionary in V8, and every later update copies it.
  const entries: [string, Datum][] = [];
  for (const col of table.columns.values()) {
    let v = given.get(col.name);
    if (!v) {
      v = defaultDatum(col.type);
      for (const a of v.keys) checkAtomConstraints(a, col.type.key);
      for (const a of v.values ?? []) checkAtomConstraints(a, col.type.value ?? col.type.key);
    }
    entries.push([col.name, v]);
  }
  const values: Record<string, Datum> = Object.fromEntries(entries);
  const rows = ctx.ws.writable(table.name);
  if (rows.has(uuid)) throw new TxnError('constraint violation', `Row ${uuid} already exists in table ${table.name}.`);
  rows.set(uuid, { uuid, version: newUuid(), values });
  ctx.ws.inserted.add(uuid);
  return { uuid: ['uuid', uuid] };
}

function projection(table: EngineTable, columns: unknown): string[] {
  if (columns === undefined) return ['_uuid', '_version', ...table.columns.keys()];
  if (!Array.isArray(columns)) throw syntaxError(columns, 'columns must be an array');
  return columns.map((c: unknown) => {
    if (typeof c !== 'string') throw syntaxError(c, 'column name must be a string');
    columnType(table, c);
    return c;
  });
}

export function encodeRow(table: EngineTable, row: StoredRow, columns: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of columns) out[c] = encodeDatum(readColumn(row, c), columnType(table, c));
  return out;
}

function select(ctx: OpContext, o: OpJson): unknown {
  const table = tableOf(ctx, o);
  const conds = where(ctx, table, o);
  const cols = projection(table, o.columns);
  return { rows: matching(ctx, table, conds).map((r) => encodeRow(table, r, cols)) };
}

function update(ctx: OpContext, o: OpJson): unknown {
  const table = tableOf(ctx, o);
  const conds = where(ctx, table, o);
  const changes = parseRow(ctx, table, o.row, true);
  const hits = matching(ctx, table, conds);
  const rows = ctx.ws.writable(table.name);
  for (const row of hits) {
    const values = { ...row.values };
    for (const [name, v] of changes) values[name] = v;
    rows.set(row.uuid, { ...row, values });
  }
  return { count: hits.length };
}

function mutate(ctx: OpContext, o: OpJson): unknown {
  const table = tableOf(ctx, o);
  const conds = where(ctx, table, o);
  if (!Array.isArray(o.mutations)) throw syntaxError(o, 'Required "mutations" member is missing.');
  const mutations: Mutation[] = o.mutations.map((m: unknown) => parseMutation(m, table, ctx.resolve));
  const hits = matching(ctx, table, conds);
  const rows = ctx.ws.writable(table.name);
  for (const row of hits) {
    const values = { ...row.values };
    for (const m of mutations) values[m.column] = applyMutation(values[m.column], m);
    rows.set(row.uuid, { ...row, values });
  }
  return { count: hits.length };
}

function remove(ctx: OpContext, o: OpJson): unknown {
  const table = tableOf(ctx, o);
  const conds = where(ctx, table, o);
  const hits = matching(ctx, table, conds);
  const rows = ctx.ws.writable(table.name);
  for (const row of hits) {
    rows.delete(row.uuid);
    ctx.ws.deleted.set(row.uuid, table.name);
  }
  return { count: hits.length };
}

function wait(ctx: OpContext, o: OpJson): unknown {
  const table = tableOf(ctx, o);
  const conds = where(ctx, table, o);
  const cols = projection(table, o.columns);
  if (o.until !== '==' && o.until !== '!=') throw syntaxError(o, 'until must be "==" or "!="');
  if (!Array.isArray(o.rows)) throw syntaxError(o, 'Required "rows" member is missing.');
  const expected = o.rows.map((r: unknown) => {
    const parsed = parseRow(ctx, table, r, false);
    return cols.map((c) => parsed.get(c));
  });
  const actual = matching(ctx, table, conds).map((row) => cols.map((c) => readColumn(row, c)));
  const same = sameRowSets(expected, actual);
  if (same === (o.until === '==')) return {};
  const timeout = typeof o.timeout === 'number' ? o.timeout : Infinity;
  if (timeout > 0 && ctx.canBlock) {
    ctx.blockedFor = Math.min(ctx.blockedFor ?? Infinity, timeout);
    return {};
  }
  throw new TxnError('timed out', '"where" clause test failed');
}

function sameRowSets(a: (Datum | undefined)[][], b: Datum[][]): boolean {
  const contains = (xs: (Datum | undefined)[][], row: (Datum | undefined)[]): boolean =>
    xs.some((x) => x.every((d, i) => d !== undefined && row[i] !== undefined && datumEquals(d, row[i] as Datum)));
  return a.every((r) => contains(b, r)) && b.every((r) => contains(a, r));
}
