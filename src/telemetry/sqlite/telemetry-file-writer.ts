// The telemetry file's writer, in the ingestion worker thread: its own better-sqlite3
// connection (WAL, synchronous NORMAL), which creates or upgrades the schema when it opens
// the file, appends each sample batch in one transaction, and answers the maintenance job's
// statements. Being the file's only writer, its commits run the WAL checkpoints too, all on
// the worker's thread: nothing here touches the main database or the controller's event loop.

import type { Query } from '../store/maintenance-job';
import { Row, SampleBatch, TABLES } from '../store/sample-rows';
import { openSqlite, SqliteDatabase, SqliteStatement } from './sqlite-driver';
import { upgradeTelemetryFile } from './telemetry-file-schema';

/** The worker may wait this long for a lock (the main thread's readers never hold one long). */
const BUSY_TIMEOUT_MS = 5000;
/** After a checkpoint the WAL is cut back to this size. */
const WAL_SIZE_LIMIT = 64 * 2 ** 20;
/** Rows per multi-row INSERT (10 columns: 500 parameters, far below SQLite's limit). */
const CHUNK_ROWS = 50;

export class TelemetryFileWriter {
  readonly db: SqliteDatabase;
  private readonly append: (batch: SampleBatch) => void;

  constructor(file: string) {
    this.db = openSqlite(file, { timeout: BUSY_TIMEOUT_MS });
    try {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT}`);
      upgradeTelemetryFile(this.db as Parameters<typeof upgradeTelemetryFile>[0]);
    } catch (error) {
      this.db.close();
      throw error;
    }
    const appenders = TABLES.map((t) => chunkedInsert(this.db, t.name, t.columns));
    this.append = this.db.transaction((batch: SampleBatch) => {
      TABLES.forEach((t, i) => appenders[i](t.rows(batch)));
    });
  }

  /** Appends a batch (a second's samples at most) in one transaction. */
  write(batch: SampleBatch): void {
    this.append(batch);
  }

  /** Runs one statement: the rows of a read, nothing for a write. */
  readonly query: Query = <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    try {
      const statement = this.db.prepare(sql);
      if (statement.reader) return Promise.resolve(statement.all(...params) as T[]);
      statement.run(...params);
      return Promise.resolve([]);
    } catch (error) {
      return Promise.reject(error as Error);
    }
  };

  close(): void {
    this.db.close();
  }
}

/**
 * Appends rows to `table` CHUNK_ROWS at a time with one prepared multi-row INSERT (the rest
 * one by one): a statement per row costs a bind and a step per row, a chunk one per CHUNK_ROWS.
 */
function chunkedInsert(db: SqliteDatabase, table: string, columns: readonly string[]): (rows: readonly Row[]) => void {
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const insert = (n: number): SqliteStatement => db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: n }, () => tuple).join(', ')}`);
  const chunk = insert(CHUNK_ROWS);
  const one = insert(1);
  const params: unknown[] = new Array<unknown>(CHUNK_ROWS * columns.length);
  return (rows) => {
    let i = 0;
    for (; i + CHUNK_ROWS <= rows.length; i += CHUNK_ROWS) {
      let k = 0;
      for (let r = i; r < i + CHUNK_ROWS; r++) for (const v of rows[r]) params[k++] = v;
      chunk.run(params);
    }
    for (; i < rows.length; i++) one.run(rows[i]);
  };
}
