// Shared rule for the cloud-config tables the controller owns whole (Wifi_Stats_Config,
// Client_Nickname_Config): every row is the controller's (the device's only cloud writes
// them; nothing on the device does), each desired row is identified by a key computed from
// its identifying columns, and the plan is update-changed / insert-missing / delete-extra.

import { DatabaseSchema, Operation, OperationBuilder, Row } from '@lib/ovsdb';
import { CachedRow } from '../desired/desired-network';
import { isEmptyValue, valuesEqual } from '../values/value-equality';

export interface KeyedRowsPlan {
  table: string;
  /** Desired rows by identity key; every column listed is managed (empty = must be empty). */
  desired: ReadonlyMap<string, Readonly<Row>>;
  /** Every row of the table in the device cache. */
  rows: readonly CachedRow[];
  keyOf: (row: Readonly<Row>) => string;
}

export function planKeyedRows(plan: KeyedRowsPlan, schema: DatabaseSchema): Operation[] {
  const table = schema.table(plan.table);
  if (table === undefined) return [];
  const builder = new OperationBuilder(schema);
  const ops: Operation[] = [];
  const kept = new Set<string>();
  // uuid order: a stable choice among duplicates (two controllers, a crash between passes).
  const rows = [...plan.rows].sort((a, b) => a._uuid.localeCompare(b._uuid));
  for (const row of rows) {
    const key = plan.keyOf(row);
    const want = plan.desired.get(key);
    if (want === undefined || kept.has(key)) {
      ops.push(builder.delete(plan.table, [['_uuid', '==', row._uuid]]));
      continue;
    }
    kept.add(key);
    const changed = changedColumns(onlyColumnsOf(want, table.columns), row);
    if (Object.keys(changed).length > 0) ops.push(builder.update(plan.table, [['_uuid', '==', row._uuid]], changed));
  }
  for (const [key, want] of plan.desired) {
    if (kept.has(key)) continue;
    const row = Object.fromEntries(Object.entries(onlyColumnsOf(want, table.columns)).filter(([, v]) => !isEmptyValue(v)));
    ops.push(builder.insert(plan.table, row));
  }
  return ops;
}

export function onlyColumnsOf(row: Readonly<Row>, columns: ReadonlyMap<string, unknown>): Row {
  return Object.fromEntries(Object.entries(row).filter(([c]) => columns.has(c)));
}

export function changedColumns(want: Readonly<Row>, have: Readonly<Row>): Row {
  const changed: Row = {};
  for (const [column, value] of Object.entries(want)) {
    if (!valuesEqual(value, have[column])) changed[column] = value;
  }
  return changed;
}
