// On the main thread: the telemetry tables an older release left in the main database file
// (renamed by migration 1765680000000 when they held rows). `legacyTablesWithRows` tells the
// worker what to copy; once it has, `emptyLegacyTables` deletes those rows in short slices
// with a loop turn between them, on the application's connection (never inside one of its
// transactions). The emptied tables stay until a later migration drops them: the schema
// changes only through migrations.

import { setImmediate as turn } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { LEGACY_TABLES } from './legacy-tables';
import { SqliteDatabase } from './sqlite-driver';

const SLICE_ROWS = 2000;

export async function legacyTablesWithRows(dataSource: DataSource): Promise<string[]> {
  const present = (await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'telemetry_legacy_%'`)) as { name: string }[];
  const names = LEGACY_TABLES.map((t) => t.legacy).filter((name) => present.some((p) => p.name === name));
  const withRows: string[] = [];
  for (const name of names) if (((await dataSource.query(`SELECT EXISTS (SELECT 1 FROM ${name}) AS has`)) as { has: number }[])[0]?.has) withRows.push(name);
  return withRows;
}

export async function emptyLegacyTables(dataSource: DataSource, tables: readonly string[]): Promise<void> {
  const db = (dataSource.driver as unknown as { databaseConnection: SqliteDatabase }).databaseConnection;
  for (const t of LEGACY_TABLES.filter((l) => tables.includes(l.legacy))) {
    const slice = db.prepare(`DELETE FROM ${t.legacy} WHERE rowid IN (SELECT rowid FROM ${t.legacy} LIMIT ${SLICE_ROWS})`);
    for (;;) {
      // A TypeORM transaction open on the connection (between two of its awaits): after it.
      while (db.inTransaction) await turn();
      if (slice.run().changes === 0) break;
      await turn();
    }
  }
}
