// OVSDB values (project notation) as JSON for GraphQL: a Map becomes an object (keys as
// strings), a set an array, an empty optional value null; secrets are masked first when
// the caller may not see them.

import { redactSecrets } from '@lib/opensync';
import { Row, Value } from '@lib/ovsdb';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function jsonValue(value: Value | unknown): Json {
  if (value === undefined || value === null) return null;
  if (value instanceof Map) return Object.fromEntries([...value.entries()].map(([k, v]) => [String(k), jsonValue(v)]));
  if (Array.isArray(value)) return value.map((v) => jsonValue(v));
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/** A row as JSON without the cache's metadata; secrets masked unless `showSecrets`. */
export function jsonRow(row: Readonly<Row> | undefined, showSecrets: boolean): Json {
  if (row === undefined) return null;
  const out: { [key: string]: Json } = {};
  for (const [column, value] of Object.entries(row)) {
    if (column === '_version') continue;
    out[column] = jsonValue(showSecrets ? value : redactSecrets(column, value));
  }
  return out;
}
