// Migrations once per cluster: on PostgreSQL, several instances may start together on one
// database; each runs the pending migrations only while it holds a session-level advisory
// lock (per schema), so the first applies them and the others, once it lets go, find none
// pending. SQLite (one process) keeps TypeORM's own run at initialisation.

import { Logger } from '@nestjs/common';
import { DataSource, DataSourceOptions } from 'typeorm';

/** First key of the two-key advisory lock: this program's migrations (the second: the schema). */
export const MIGRATIONS_LOCK_NAMESPACE = 0x05e7c0de;

const LOCK = `SELECT pg_advisory_lock($1::int, hashtext(coalesce(current_schema(), '')))`;
const UNLOCK = `SELECT pg_advisory_unlock($1::int, hashtext(coalesce(current_schema(), '')))`;

export async function initializeDataSource(options: DataSourceOptions): Promise<DataSource> {
  if (options.type !== 'postgres' || options.migrationsRun !== true) return new DataSource(options).initialize();
  const dataSource = await new DataSource({ ...options, migrationsRun: false }).initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query(LOCK, [MIGRATIONS_LOCK_NAMESPACE]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'all' });
      new Logger('Database').log(`migrations: ${applied.length} applied under the migrations lock`);
    } finally {
      await lock.query(UNLOCK, [MIGRATIONS_LOCK_NAMESPACE]);
    }
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    throw error;
  } finally {
    await lock.release();
  }
  return dataSource;
}
