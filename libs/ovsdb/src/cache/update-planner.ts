// RFC 7047 section 4.1.5 <table-updates> ("update" notation: {"old", "new"}) and the
// <table-updates2> of monitor_cond ("update2": "initial", "insert", "modify" with a diff,
// "delete"). Planning computes every resulting row from the current replica without
// touching it, so a malformed notification is refused as a whole and leaves the cache
// as it was.

import { OvsdbError } from '../errors';
import { decodeRow } from '../notation/row-codec';
import { isUuid } from '../notation/uuid';
import { Row } from '../notation/value';
import { defaultValue } from './default-value';
import { RowChange } from './row-change';
import { applyColumnDiff } from './row-diff';
import { TableCache } from './table-cache';

export type UpdateNotation = 'update' | 'update2';

type JsonObject = Record<string, unknown>;

export function planTableUpdates(
  tables: ReadonlyMap<string, TableCache>,
  updates: unknown,
  notation: UpdateNotation,
): RowChange[] {
  const changes: RowChange[] = [];
  for (const [tableName, rowUpdates] of Object.entries(expectObject(updates, 'table-updates'))) {
    const table = tables.get(tableName);
    if (!table) throw invalid(`table ${tableName} is not monitored`);
    const seen = new Set<string>();
    for (const [uuid, rowUpdate] of Object.entries(expectObject(rowUpdates, tableName))) {
      if (!isUuid(uuid)) throw invalid(`${tableName}: row key ${JSON.stringify(uuid)} is not a UUID`);
      const where = `${tableName} row ${uuid}`;
      const update = expectObject(rowUpdate, where);
      const key = uuid.toLowerCase();
      // Each row is planned against the replica as it was; a second update would be lost.
      if (seen.has(key)) throw invalid(`${where}: row updated twice in one notification`);
      seen.add(key);
      changes.push(notation === 'update' ? planUpdate(table, key, update, where) : planUpdate2(table, key, update, where));
    }
  }
  return changes;
}

function planUpdate(table: TableCache, uuid: string, update: JsonObject, where: string): RowChange {
  checkKeys(update, ['old', 'new'], where);
  const current = table.get(uuid);
  if (update.new === undefined) {
    if (update.old === undefined) throw invalid(`${where}: an update needs "old" or "new"`);
    return deletion(table, uuid, current, where);
  }
  const decoded = decodeRow(table.schema, expectObject(update.new, `${where} new`));
  if (update.old === undefined) return insertion(table, uuid, current, decoded, where);
  if (!current) throw invalid(`${where}: modify of a row the cache does not hold`);
  return { table: table.name, uuid, kind: 'modify', old: current, new: withIdentity({ ...current, ...decoded }, uuid) };
}

function planUpdate2(table: TableCache, uuid: string, update: JsonObject, where: string): RowChange {
  const kinds = Object.keys(update);
  if (kinds.length !== 1) throw invalid(`${where}: a row-update2 has exactly one of initial, insert, modify, delete`);
  const current = table.get(uuid);
  switch (kinds[0]) {
    case 'initial':
    case 'insert':
      return insertion(table, uuid, current, decodeRow(table.schema, expectObject(update[kinds[0]], where)), where);
    case 'delete':
      if (update.delete !== null) throw invalid(`${where}: "delete" must be null`);
      return deletion(table, uuid, current, where);
    case 'modify': {
      if (!current) throw invalid(`${where}: modify of a row the cache does not hold`);
      const next: Row = { ...current };
      for (const [name, diff] of Object.entries(expectObject(update.modify, where))) {
        const column = table.schema.requireColumn(name);
        next[name] = column.implicit
          ? decodeRow(table.schema, { [name]: diff })[name]
          : applyColumnDiff(column.type, current[name], diff, `${table.name}.${name}`);
      }
      return { table: table.name, uuid, kind: 'modify', old: current, new: withIdentity(next, uuid) };
    }
    default:
      throw invalid(`${where}: unknown row-update2 member "${kinds[0]}"`);
  }
}

function insertion(table: TableCache, uuid: string, current: Readonly<Row> | undefined, row: Row, where: string): RowChange {
  if (current) throw invalid(`${where}: insert of a row the cache already holds`);
  const full: Row = {};
  for (const name of table.columns) {
    full[name] = name in row ? row[name] : defaultValue(table.schema.requireColumn(name).type);
  }
  return { table: table.name, uuid, kind: 'insert', new: withIdentity({ ...full, ...row }, uuid) };
}

function deletion(table: TableCache, uuid: string, current: Readonly<Row> | undefined, where: string): RowChange {
  if (!current) throw invalid(`${where}: delete of a row the cache does not hold`);
  return { table: table.name, uuid, kind: 'delete', old: current };
}

/** The row's uuid comes from the update's key; a `_uuid` member must agree with it. */
function withIdentity(row: Row, uuid: string): Row {
  if (row._uuid !== undefined && row._uuid !== uuid) throw invalid(`row ${uuid}: _uuid ${String(row._uuid)} differs from its key`);
  return { _uuid: uuid, ...row };
}

function checkKeys(obj: JsonObject, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(obj)) if (!allowed.includes(key)) throw invalid(`${where}: unexpected member "${key}"`);
}

function expectObject(value: unknown, where: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(`${where} must be a JSON object`);
  return value as JsonObject;
}

function invalid(message: string): OvsdbError {
  return new OvsdbError('CACHE_UPDATE_INVALID', `monitor update: ${message}`);
}
