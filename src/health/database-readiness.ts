// The database is ready when it answers a query on the controller's own schema: the
// migrations table, which exists once migrations have run. `SELECT 1` alone would pass
// with the schema dropped or the search_path pointing elsewhere.

import type { DataSource } from 'typeorm';
import type { ReadinessCheck } from './readiness-checks';

export function databaseReadiness(dataSource: DataSource): ReadinessCheck {
  const table = dataSource.options.migrationsTableName ?? 'migrations';
  return async () => {
    if (!dataSource.isInitialized) throw new Error('the data source is not initialised');
    await dataSource.query(`SELECT 1 FROM ${dataSource.driver.escape(table)} LIMIT 1`);
  };
}
