// Which databases the e2e suite runs on: SQLite always; PostgreSQL when reachable (skipped
// with a message otherwise, unless REQUIRE_POSTGRES=1). Each PostgreSQL app gets its own
// schema, dropped when the app closes, so test files never see each other's rows.

import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export type TestDb = 'sqlite' | 'postgres';

export const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let reachable: boolean | undefined;

/** Synchronous because jest collects describe blocks synchronously. Probed once per worker. */
export function postgresReachable(): boolean {
  if (reachable === undefined) {
    const probe = `const { Client } = require('pg');
      const c = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 5000 });
      c.connect().then(() => c.end()).then(() => process.exit(0), () => process.exit(1));`;
    const result = spawnSync(process.execPath, ['-e', probe, POSTGRES_URL], { timeout: 15000, stdio: 'ignore' });
    reachable = result.status === 0;
  }
  return reachable;
}

export interface TestDatabase {
  databaseUrl: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(db: TestDb): Promise<TestDatabase> {
  if (db === 'sqlite') return { databaseUrl: 'sqlite::memory:', drop: async () => undefined };
  const schema = `e2e_${randomBytes(6).toString('hex')}`;
  await withClient((c) => c.query(`CREATE SCHEMA "${schema}"`));
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('schema', schema);
  return {
    databaseUrl: url.toString(),
    drop: () => withClient((c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)).then(() => undefined),
  };
}

async function withClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
