// RFC 7047 s4.1.5/s4.1.6 ("monitor", <table-updates>) and the monitor_cond extension of
// ovsdb-server(7) (<table-updates2>: initial/insert/delete/modify, set and map diffs).
import { Condition, matchesAll, parseConditions } from './condition';
import { Atom, Datum, compareAtoms, datumEquals, defaultDatum, findKey } from './datum';
import { encodeDatum } from './datum-json';
import { EngineSchema, EngineTable } from './engine-schema';
import { StoredRow, TableRows, columnType, readColumn } from './stored-row';
import { ChangeSet } from './transaction';
import { TxnError } from './txn-error';

export type MonitorKind = 'monitor' | 'monitor_cond';

interface Select {
  initial: boolean;
  insert: boolean;
  delete: boolean;
  modify: boolean;
}

interface TableMonitor {
  readonly table: EngineTable;
  readonly columns: string[];
  readonly initialColumns: string[];
  readonly select: Select;
  readonly where: Condition[];
}

type Json = Record<string, unknown>;

/** ovsdb-server rejects a column a monitor request names as a syntax error of the column list. */
function monitoredColumn(table: EngineTable, name: string, list: readonly string[]): void {
  try {
    columnType(table, name);
  } catch (err) {
    if (err instanceof TxnError && err.tag === 'unknown column') throw new TxnError('syntax error', `${name} is not a valid column name`, list);
    throw err;
  }
}

export class MonitorSpec {
  private constructor(
    readonly kind: MonitorKind,
    private readonly tables: ReadonlyMap<string, TableMonitor>,
  ) {}

  static parse(schema: EngineSchema, kind: MonitorKind, json: unknown): MonitorSpec {
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new TxnError('syntax error', 'monitor requests must be an object', json);
    }
    const tables = new Map<string, TableMonitor>();
    for (const [name, reqJson] of Object.entries(json as Json)) {
      const table = schema.tables.get(name);
      if (!table) throw new TxnError('syntax error', `no table named ${name}`);
      const reqs = Array.isArray(reqJson) ? reqJson : [reqJson];
      const columns = new Set<string>();
      const initialColumns = new Set<string>();
      const select: Select = { initial: false, insert: false, delete: false, modify: false };
      let where: Condition[] = [];
      for (const r of reqs as Json[]) {
        const cols = Array.isArray(r?.columns) ? (r.columns as string[]) : ['_version', ...table.columns.keys()];
        for (const c of cols) monitoredColumn(table, c, cols);
        const s = (r?.select ?? {}) as Partial<Select>;
        const sel: Select = { initial: s.initial ?? true, insert: s.insert ?? true, delete: s.delete ?? true, modify: s.modify ?? true };
        for (const c of cols) columns.add(c);
        if (sel.initial) for (const c of cols) initialColumns.add(c);
        for (const k of Object.keys(select) as (keyof Select)[]) select[k] = select[k] || sel[k];
        if (kind === 'monitor_cond' && r?.where !== undefined) where = parseConditions(r.where, table, undefined, true);
      }
      tables.set(name, { table, columns: [...columns], initialColumns: [...initialColumns], select, where });
    }
    return new MonitorSpec(kind, tables);
  }

  initial(db: ReadonlyMap<string, TableRows>): Json {
    const out: Json = {};
    for (const [name, tm] of this.tables) {
      if (!tm.select.initial) continue;
      const rows: Json = {};
      for (const row of db.get(name)?.values() ?? []) {
        if (!matchesAll(tm.where, row)) continue;
        rows[row.uuid] = this.kind === 'monitor' ? { new: full(tm, row, tm.initialColumns) } : { initial: sparse(tm, row, tm.initialColumns) };
      }
      if (Object.keys(rows).length > 0) out[name] = rows;
    }
    return out;
  }

  /** The notification for one committed transaction, or undefined when nothing is visible. */
  update(changes: ChangeSet): Json | undefined {
    let out: Json | undefined;
    for (const [name, tm] of this.tables) {
      const tableChanges = changes.get(name);
      if (!tableChanges) continue;
      const rows: Json = {};
      for (const [uuid, ch] of tableChanges) {
        const oldIn = ch.old !== undefined && matchesAll(tm.where, ch.old);
        const newIn = ch.new !== undefined && matchesAll(tm.where, ch.new);
        const entry = this.entry(tm, oldIn ? ch.old : undefined, newIn ? ch.new : undefined);
        if (entry) rows[uuid] = entry;
      }
      if (Object.keys(rows).length > 0) (out ??= {})[name] = rows;
    }
    return out;
  }

  private entry(tm: TableMonitor, old: StoredRow | undefined, now: StoredRow | undefined): Json | undefined {
    if (!old && now) {
      if (!tm.select.insert) return undefined;
      return this.kind === 'monitor' ? { new: full(tm, now, tm.columns) } : { insert: sparse(tm, now, tm.columns) };
    }
    if (old && !now) {
      if (!tm.select.delete) return undefined;
      return this.kind === 'monitor' ? { old: full(tm, old, tm.columns) } : { delete: null };
    }
    if (!old || !now || !tm.select.modify) return undefined;
    const changed = tm.columns.filter((c) => !datumEquals(readColumn(old, c), readColumn(now, c)));
    if (changed.length === 0) return undefined;
    if (this.kind === 'monitor') return { old: full(tm, old, changed), new: full(tm, now, tm.columns) };
    const diff: Json = {};
    for (const c of changed) {
      const type = columnType(tm.table, c);
      const next = readColumn(now, c);
      diff[c] = encodeDatum(type.max === 1 && !type.value ? next : datumDiff(readColumn(old, c), next), type);
    }
    return { modify: diff };
  }
}

function full(tm: TableMonitor, row: StoredRow, columns: readonly string[]): Json {
  const out: Json = {};
  for (const c of columns) out[c] = encodeDatum(readColumn(row, c), columnType(tm.table, c));
  return out;
}

/** update2 rows leave out columns that hold their default value. */
function sparse(tm: TableMonitor, row: StoredRow, columns: readonly string[]): Json {
  const out: Json = {};
  for (const c of columns) {
    const type = columnType(tm.table, c);
    const value = readColumn(row, c);
    if (c !== '_version' && datumEquals(value, defaultDatum(type))) continue;
    out[c] = encodeDatum(value, type);
  }
  return out;
}

/** Elements (pairs) that were removed or added; for maps, a changed value is the new pair. */
function datumDiff(a: Datum, b: Datum): Datum {
  const keys: Atom[] = [];
  const values: Atom[] = [];
  const push = (k: Atom, v: Atom | undefined): void => {
    keys.push(k);
    if (v !== undefined) values.push(v);
  };
  for (let i = 0; i < a.keys.length; i++) {
    const j = findKey(b, a.keys[i]);
    if (j < 0) push(a.keys[i], a.values?.[i]);
  }
  for (let i = 0; i < b.keys.length; i++) {
    const j = findKey(a, b.keys[i]);
    if (j < 0) push(b.keys[i], b.values?.[i]);
    else if (a.values && b.values && compareAtoms(a.values[j], b.values[i]) !== 0) push(b.keys[i], b.values[i]);
  }
  const order = keys.map((_, i) => i).sort((x, y) => compareAtoms(keys[x], keys[y]));
  const sortedKeys = order.map((i) => keys[i]);
  return a.values ? { keys: sortedKeys, values: order.map((i) => values[i]) } : { keys: sortedKeys };
}
