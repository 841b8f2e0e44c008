// AWLAN_Node: the device's one row about itself. The controller sets a few of its columns
// (mqtt_settings, operations.md section 7; min_backoff / max_backoff, section 9) and leaves
// the others to the device; each setting plans its columns with planAwlanNodeColumns.

import { DatabaseSchema, Operation, OperationBuilder, Row } from '@lib/ovsdb';
import { CachedRow } from '../desired/desired-network';
import { valuesEqual } from '../values/value-equality';

export const AWLAN_NODE_TABLE = 'AWLAN_Node';

/**
 * An update, by uuid, of every AWLAN_Node row where any of `desired`'s columns differs from
 * it, writing them all; nothing when the device's schema lacks one of them (its firmware does
 * not have the setting, so the device keeps its own).
 */
export function planAwlanNodeColumns(desired: Readonly<Row>, rows: readonly CachedRow[], schema: DatabaseSchema): Operation[] {
  const columns = schema.table(AWLAN_NODE_TABLE)?.columns;
  const names = Object.keys(desired);
  if (columns === undefined || !names.every((name) => columns.has(name))) return [];
  const builder = new OperationBuilder(schema);
  return rows
    .filter((row) => names.some((name) => !valuesEqual(row[name], desired[name])))
    .map((row) => builder.update(AWLAN_NODE_TABLE, [['_uuid', '==', row._uuid]], desired));
}
