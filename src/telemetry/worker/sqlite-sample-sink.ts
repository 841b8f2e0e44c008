// The ingestion worker's own connection to the controller's SQLite file (WAL mode lets it
// append while the main thread's connection reads and writes). Rows go in with one prepared
// statement per table, in transactions of at most ROWS_PER_TRANSACTION rows with a short
// pause between them: SQLite has one writer at a time, and a write on the main thread that
// finds the lock taken waits (synchronously, in its busy handler) for the current
// transaction only, never for a whole second's batch.

import { setTimeout as sleep } from 'node:timers/promises';
import type { SampleBatch } from '../store/sample-rows';
import { Row, TABLES } from '../store/sample-rows';

/** A few milliseconds of lock per transaction on the benchmark machine (docs/telemetry.md). */
export const ROWS_PER_TRANSACTION = 500;
const PAUSE_MS = 1;

interface Statement {
  run(...params: unknown[]): unknown;
}
interface SqliteDatabase {
  prepare(sql: string): Statement;
  pragma(source: string): unknown;
  transaction<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void;
  close(): void;
}
// better-sqlite3 is the application's SQLite driver (TypeORM's); used directly here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Database = require('better-sqlite3') as new (file: string, options: { timeout: number; fileMustExist: boolean }) => SqliteDatabase;

export class SqliteSampleSink {
  private readonly db: SqliteDatabase;
  private readonly inserts: { rows: (b: SampleBatch) => Row[]; insert: (rows: Row[]) => void }[];

  constructor(file: string, busyTimeoutMs: number) {
    this.db = new Database(file, { timeout: busyTimeoutMs, fileMustExist: true });
    // The main connection put the file in WAL mode; NORMAL as there (data-source-options.ts).
    this.db.pragma('synchronous = NORMAL');
    this.inserts = TABLES.map((t) => {
      const statement = this.db.prepare(`INSERT INTO ${t.name} (${t.columns.join(', ')}) VALUES (${t.columns.map(() => '?').join(', ')})`);
      return {
        rows: t.rows,
        insert: this.db.transaction((rows: Row[]) => {
          for (const row of rows) statement.run(...row);
        }),
      };
    });
  }

  async write(batch: SampleBatch): Promise<void> {
    let first = true;
    for (const table of this.inserts) {
      const rows = table.rows(batch);
      for (let i = 0; i < rows.length; i += ROWS_PER_TRANSACTION) {
        if (!first) await sleep(PAUSE_MS);
        first = false;
        table.insert(rows.slice(i, i + ROWS_PER_TRANSACTION));
      }
    }
  }

  close(): void {
    this.db.close();
  }
}
