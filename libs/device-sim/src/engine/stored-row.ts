// RFC 7047 s3.2/s5.1: rows as the engine stores them. Rows are immutable values; a
// transaction replaces them, so an unchanged row keeps its identity and diffing is cheap.
import { Datum, datumEquals } from './datum';
import { EngineColumnType, EngineTable } from './engine-schema';
import { TxnError } from './txn-error';

export interface StoredRow {
  readonly uuid: string;
  readonly version: string;
  readonly values: Readonly<Record<string, Datum>>;
}

export type TableRows = Map<string, StoredRow>;

/** The two columns every table has (s3.2: "_uuid" and "_version"). */
export const UUID_TYPE: EngineColumnType = { key: { type: 'uuid' }, min: 1, max: 1 };

export function columnType(table: EngineTable, name: string): EngineColumnType {
  if (name === '_uuid' || name === '_version') return UUID_TYPE;
  const col = table.columns.get(name);
  if (!col) throw new TxnError('unknown column', `No column ${name} in table ${table.name}.`, name);
  return col.type;
}

export function readColumn(row: StoredRow, name: string): Datum {
  if (name === '_uuid') return { keys: [row.uuid] };
  if (name === '_version') return { keys: [row.version] };
  return row.values[name];
}

export function sameValues(table: EngineTable, a: StoredRow, b: StoredRow): boolean {
  for (const name of table.columns.keys()) {
    if (!datumEquals(a.values[name], b.values[name])) return false;
  }
  return true;
}
