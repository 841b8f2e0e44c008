// Builds the TypeORM options from AppConfig. Schema changes only through migrations, found
// by file name in every module's migrations/ folder (ts under jest, js in the build), and
// run at start-up; `synchronize` stays off.

import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { parseDatabaseUrl } from './database-url';

export const MIGRATIONS_GLOB = join(__dirname, '..', '**', 'migrations', '[0-9]*-*.{ts,js}');
const SQLITE_BUSY_TIMEOUT_MS = 5000;

export function buildDataSourceOptions(databaseUrl: string): DataSourceOptions {
  const target = parseDatabaseUrl(databaseUrl);
  const common = { migrations: [MIGRATIONS_GLOB], migrationsRun: true, synchronize: false };
  if (target.kind === 'postgres') {
    return {
      ...common,
      type: 'postgres',
      url: target.url,
      schema: target.schema,
      extra: target.schema ? { options: `-c search_path=${target.schema}` } : {},
    };
  }
  const memory = target.file === ':memory:';
  if (!memory) mkdirSync(dirname(resolve(target.file)), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: target.file,
    enableWAL: !memory,
    timeout: SQLITE_BUSY_TIMEOUT_MS,
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma('foreign_keys = ON');
      // With WAL, NORMAL never corrupts the database and survives a process crash; only an
      // OS crash or power cut may roll back the last commits. FULL fsyncs every commit,
      // which bounded seeding and fleet-wide writes (docs/benchmarks.md).
      if (!memory) db.pragma('synchronous = NORMAL');
    },
  };
}
