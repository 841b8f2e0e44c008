// Appends on SQLite through the application's own better-sqlite3 connection (the one
// TypeORM holds): one prepared statement per table, and a batch cut into transactions of
// at most ROWS_PER_TRANSACTION rows with a loop turn between them, so a second's samples
// never hold the event loop in one piece. Not a second connection: in WAL mode a
// transaction of the main connection that read before it writes fails at once (busy
// snapshot) when another connection committed in between, and TypeORM's transactions
// begin deferred (docs/decisions/clients-telemetry.md).

import { setImmediate as turn } from 'node:timers/promises';
import type { SampleBatch } from './sample-rows';
import { Row, TABLES } from './sample-rows';

/** About 2-5 ms of loop per transaction on the benchmark machine (docs/benchmarks.md). */
export const ROWS_PER_TRANSACTION = 1000;

interface Statement {
  run(...params: unknown[]): unknown;
}
export interface SqliteConnection {
  prepare(sql: string): Statement;
  transaction<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void;
  readonly inTransaction: boolean;
}

export class SqliteSampleSink {
  private readonly insert: (table: number, rows: Row[]) => void;

  constructor(private readonly db: SqliteConnection) {
    const statements = TABLES.map((t) => db.prepare(`INSERT INTO ${t.name} (${t.columns.join(', ')}) VALUES (${t.columns.map(() => '?').join(', ')})`));
    this.insert = db.transaction((table: number, rows: Row[]) => {
      const statement = statements[table];
      for (const row of rows) statement.run(...row);
    });
  }

  async write(batch: SampleBatch): Promise<void> {
    for (let t = 0; t < TABLES.length; t++) {
      const rows = TABLES[t].rows(batch);
      for (let i = 0; i < rows.length; i += ROWS_PER_TRANSACTION) {
        // A TypeORM transaction open on the connection (between two of its awaits): after it.
        while (this.db.inTransaction) await turn();
        this.insert(t, rows.slice(i, i + ROWS_PER_TRANSACTION));
        await turn();
      }
    }
  }
}
