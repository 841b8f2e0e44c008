// RFC 7047 s4.1.3 (commit) and s3.2 (refType, isRoot, maxRows, indexes): the checks
// ovsdb-server makes when a transaction commits, in its order: strong references, garbage
// collection of unreferenced non-root rows, weak reference removal, row limits, indexes.
import { Datum, datumEquals, referencedUuids } from './datum';
import { encodeDatum } from './datum-json';
import { EngineColumn, EngineSchema, EngineTable } from './engine-schema';
import { StoredRow } from './stored-row';
import { TxnError } from './txn-error';
import { WorkingSet } from './working-set';

export function runCommitChecks(schema: EngineSchema, ws: WorkingSet): void {
  checkStrongRefs(schema, ws);
  // Every commit leaves no garbage and no dangling weak reference behind, so a transaction
  // that inserts nothing, deletes nothing and changes no reference column cannot create
  // either: the scans over every row of every table (most of a commit's cost on a device
  // whose VIF rows are being updated) are skipped.
  if (referencesChanged(schema, ws)) {
    collectGarbage(schema, ws);
    removeWeakRefs(schema, ws);
  }
  checkMaxRows(schema, ws);
  checkIndexes(schema, ws);
}

function referencesChanged(schema: EngineSchema, ws: WorkingSet): boolean {
  if (ws.inserted.size > 0 || ws.deleted.size > 0) return true;
  for (const name of ws.touchedTables()) {
    const before = ws.baseRows(name);
    const after = ws.rows(name);
    if (before.size !== after.size) return true;
    const refColumns = (schema.tables.get(name) as EngineTable).refColumnNames;
    for (const row of after.values()) {
      const old = before.get(row.uuid);
      if (old === row) continue;
      if (old === undefined) return true;
      for (const column of refColumns) {
        const a = old.values[column];
        const b = row.values[column];
        if (a !== b && (a === undefined || b === undefined || !datumEquals(a, b))) return true;
      }
    }
  }
  return false;
}

function strongRefCounts(schema: EngineSchema, ws: WorkingSet): Map<string, number> {
  const counts = new Map<string, number>();
  for (const table of schema.tables.values()) {
    const refCols = [...table.columns.values()].filter((c) => hasRef(c.type.key.refTable, c.type.key.refType) || hasRef(c.type.value?.refTable, c.type.value?.refType));
    if (refCols.length === 0) continue;
    for (const row of ws.rows(table.name).values()) {
      for (const col of refCols) {
        for (const u of referencedUuids(row.values[col.name], col.type, 'strong')) counts.set(u, (counts.get(u) ?? 0) + 1);
      }
    }
  }
  return counts;
}

function hasRef(refTable: string | undefined, refType: string | undefined): boolean {
  return refTable !== undefined && (refType ?? 'strong') === 'strong';
}

function checkStrongRefs(schema: EngineSchema, ws: WorkingSet): void {
  for (const name of ws.touchedTables()) {
    const table = schema.tables.get(name) as EngineTable;
    const before = ws.baseRows(name);
    for (const row of ws.rows(name).values()) {
      if (before.get(row.uuid) === row) continue;
      for (const col of table.columns.values()) {
        for (const [base] of [[col.type.key], [col.type.value]] as const) {
          if (!base || !hasRef(base.refTable, base.refType)) continue;
          const target = base.refTable as string;
          for (const u of referencedUuids(row.values[col.name], col.type, 'strong')) {
            if (!ws.rows(target).has(u)) {
              throw new TxnError(
                'referential integrity violation',
                `Table ${name} column ${col.name} row ${row.uuid} references nonexistent row ${u} in table ${target}.`,
              );
            }
          }
        }
      }
    }
  }
  if (ws.deleted.size === 0) return;
  const counts = strongRefCounts(schema, ws);
  for (const [uuid, table] of ws.deleted) {
    const n = counts.get(uuid) ?? 0;
    if (n > 0) {
      throw new TxnError('referential integrity violation', `cannot delete ${table} row ${uuid} because of ${n} remaining reference(s)`);
    }
  }
}

function collectGarbage(schema: EngineSchema, ws: WorkingSet): void {
  const nonRoot = [...schema.tables.values()].filter((t) => !t.isRoot);
  if (nonRoot.length === 0) return;
  for (;;) {
    const counts = strongRefCounts(schema, ws);
    let removed = false;
    for (const table of nonRoot) {
      for (const uuid of ws.rows(table.name).keys()) {
        if ((counts.get(uuid) ?? 0) > 0) continue;
        ws.writable(table.name).delete(uuid);
        removed = true;
      }
    }
    if (!removed) return;
  }
}

function removeWeakRefs(schema: EngineSchema, ws: WorkingSet): void {
  for (const table of schema.tables.values()) {
    const weakCols = [...table.columns.values()].filter(
      (c) => (c.type.key.refTable && c.type.key.refType === 'weak') || (c.type.value?.refTable && c.type.value.refType === 'weak'),
    );
    if (weakCols.length === 0) continue;
    for (const row of ws.rows(table.name).values()) {
      let values: Record<string, Datum> | undefined;
      for (const col of weakCols) {
        const datum = row.values[col.name];
        const pruned = pruneDatum(datum, (u, ref) => ws.rows(ref).has(u), col.type.key.refType === 'weak' ? col.type.key.refTable : undefined, col.type.value?.refType === 'weak' ? col.type.value.refTable : undefined);
        if (pruned === datum) continue;
        if (pruned.keys.length < col.type.min) {
          const where = ws.inserted.has(row.uuid) ? 'inserted within this transaction' : 'modified or deleted within this transaction';
          throw new TxnError(
            'constraint violation',
            `Deletion of ${datum.keys.length - pruned.keys.length} weak reference(s) to deleted (or never-existing) rows from column "${col.name}" in "${table.name}" row ${row.uuid} (${where}) caused this column to become empty, but constraints on this column disallow an empty column.`,
          );
        }
        values = values ?? { ...row.values };
        values[col.name] = pruned;
      }
      if (values) ws.writable(table.name).set(row.uuid, { ...row, values });
    }
  }
}

function pruneDatum(d: Datum, exists: (u: string, table: string) => boolean, keyRef?: string, valueRef?: string): Datum {
  const keep: number[] = [];
  for (let i = 0; i < d.keys.length; i++) {
    const keyOk = !keyRef || exists(d.keys[i] as string, keyRef);
    const valueOk = !valueRef || !d.values || exists(d.values[i] as string, valueRef);
    if (keyOk && valueOk) keep.push(i);
  }
  if (keep.length === d.keys.length) return d;
  const keys = keep.map((i) => d.keys[i]);
  return d.values ? { keys, values: keep.map((i) => (d.values as Datum['keys'])[i]) } : { keys };
}

function checkMaxRows(schema: EngineSchema, ws: WorkingSet): void {
  for (const name of ws.touchedTables()) {
    const table = schema.tables.get(name) as EngineTable;
    const n = ws.rows(name).size;
    if (table.maxRows !== undefined && n > table.maxRows) {
      throw new TxnError(
        'constraint violation',
        `transaction causes "${name}" table to contain ${n} rows, greater than the schema-defined limit of ${table.maxRows} row(s)`,
      );
    }
  }
}

function checkIndexes(schema: EngineSchema, ws: WorkingSet): void {
  for (const name of ws.touchedTables()) {
    const table = schema.tables.get(name) as EngineTable;
    for (const index of table.indexes) {
      const seen = new Map<string, StoredRow>();
      for (const row of ws.rows(name).values()) {
        const encoded = index.map((c) => encodeDatum(row.values[c], (table.columns.get(c) as EngineColumn).type));
        const key = JSON.stringify(encoded);
        const other = seen.get(key);
        if (other) {
          const cols = index.length > 1 ? 'columns' : 'column';
          throw new TxnError(
            'constraint violation',
            `Transaction causes multiple rows in "${name}" table to have identical values (${encoded.map((e) => String(e)).join(', ')}) for index on ${cols} "${index.join('", "')}".  First row, with UUID ${other.uuid}, ${describeRow(ws, other)}.  Second row, with UUID ${row.uuid}, ${describeRow(ws, row)}.`,
          );
        }
        seen.set(key, row);
      }
    }
  }
}

function describeRow(ws: WorkingSet, row: StoredRow): string {
  return ws.inserted.has(row.uuid) ? 'was inserted by this transaction' : 'existed in the database before this transaction and was not modified by the transaction';
}

