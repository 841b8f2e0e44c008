// Client_Nickname_Config: the names users give clients, written to every node of the
// location so the device's own UI shows the same name. One row per MAC (lower case).

import { DatabaseSchema, Operation, Row } from '@lib/ovsdb';
import { CachedRow } from '../desired/desired-network';
import { planKeyedRows } from './config-rows';

export const NICKNAME_TABLE = 'Client_Nickname_Config';
export const NICKNAME_COLUMNS: readonly string[] = ['mac', 'nickname'];

export function desiredNicknames(nicknames: ReadonlyMap<string, string>): Map<string, Row> {
  const rows = new Map<string, Row>();
  for (const [mac, nickname] of nicknames) rows.set(mac.toLowerCase(), { mac: mac.toLowerCase(), nickname });
  return rows;
}

export function planClientNicknames(desired: ReadonlyMap<string, Readonly<Row>>, rows: readonly CachedRow[], schema: DatabaseSchema): Operation[] {
  const keyOf = (row: Readonly<Row>): string => (typeof row.mac === 'string' ? row.mac.toLowerCase() : '');
  return planKeyedRows({ table: NICKNAME_TABLE, desired, rows, keyOf }, schema);
}
