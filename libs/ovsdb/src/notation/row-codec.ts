// RFC 7047 section 5.1, <row>: a JSON object from column names to <value>s, decoded and
// encoded column by column with the table's schema. Errors name table.column.

import { OvsdbError } from '../errors';
import { TableSchema } from '../schema/table-schema';
import { notationError } from './atom-codec';
import { decodeDatum, encodeDatum } from './datum-codec';
import { Row } from './value';

export interface RowCodecOptions {
  /** Accept ["named-uuid", name] (a server decoding a transaction). */
  readonly allowNamedUuid?: boolean;
}

export function decodeRow(table: TableSchema, wireRow: unknown, options: RowCodecOptions = {}): Row {
  if (typeof wireRow !== 'object' || wireRow === null || Array.isArray(wireRow)) {
    throw new OvsdbError('NOTATION_INVALID', `${table.name}: a row must be a JSON object`, { where: table.name });
  }
  const row: Row = {};
  for (const [name, wire] of Object.entries(wireRow)) {
    const column = table.requireColumn(name);
    row[name] = decodeDatum(column.type, wire, { where: `${table.name}.${name}`, allowNamedUuid: options.allowNamedUuid });
  }
  return row;
}

export function encodeRow(table: TableSchema, row: Readonly<Row>): Record<string, unknown> {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) {
    throw notationError({ where: table.name }, 'a row must be an object');
  }
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row)) {
    const column = table.requireColumn(name);
    out[name] = encodeDatum(column.type, value, { where: `${table.name}.${name}` });
  }
  return out;
}
