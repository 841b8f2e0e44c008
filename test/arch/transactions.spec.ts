// On SQLite the whole process shares one connection: two transactions open on it at once
// end each other's (a COMMIT or ROLLBACK of one closes the other; TypeORM then fails with
// "Transaction is not started yet" or "no such savepoint"). So the application opens
// transactions only through TransactionRunner, which queues them on SQLite. This finds any
// other place that opens one on the TypeORM data source.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

/** Places allowed to open a transaction themselves, and why. */
const ALLOWED: Record<string, string> = {
  'src/database/transaction-runner.ts': 'the runner itself',
  'src/database/migrations-once.ts': 'runs before the application serves anything (PostgreSQL advisory lock)',
  'src/telemetry/store/sql.ts': 'PostgreSQL only: on SQLite the samples go to their own file, written by the ingestion worker',
};

const OPENS_TRANSACTION = /\b(?:dataSource|manager|entityManager)\s*\.\s*transaction\s*\(|\.createQueryRunner\s*\(/;

export function opensTransaction(source: string): boolean {
  return source.split('\n').some((line) => !/^\s*\/\//.test(line) && OPENS_TRANSACTION.test(line));
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('transactions', () => {
  it('are opened only through TransactionRunner (or an allowed place, with its reason)', () => {
    const offenders = sources(join(root, 'src'))
      .map((path) => relative(root, path))
      .filter((path) => ALLOWED[path] === undefined && opensTransaction(readFileSync(join(root, path), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the check sees the ways of opening one', () => {
    expect(opensTransaction('    await this.dataSource.transaction(async (m) => {')).toBe(true);
    expect(opensTransaction('    await this.dataSource.manager.transaction(async (m) => {')).toBe(true);
    expect(opensTransaction('    const runner = this.dataSource.createQueryRunner();')).toBe(true);
    expect(opensTransaction('    await this.transactions.run(async (m) => {')).toBe(false);
    // better-sqlite3's own transactions on a connection of their own (the telemetry file) are fine.
    expect(opensTransaction('    this.append = this.db.transaction((batch) => {')).toBe(false);
  });
});
