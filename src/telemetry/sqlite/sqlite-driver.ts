// better-sqlite3 (the driver TypeORM already uses for SQLite), opened directly for the
// telemetry file: the parts of its API used here, typed (the package ships no types).

export interface SqliteStatement {
  readonly reader: boolean;
  run(...params: unknown[]): { changes: number };
  all(...params: unknown[]): unknown[];
  get(...params: unknown[]): unknown;
}

export interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  exec(sql: string): unknown;
  pragma(source: string, options?: { simple: boolean }): unknown;
  transaction<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void;
  close(): void;
  readonly inTransaction: boolean;
}

export interface SqliteOpenOptions {
  readonly?: boolean;
  fileMustExist?: boolean;
  /** Busy timeout, ms. */
  timeout?: number;
}

type SqliteConstructor = new (file: string, options?: SqliteOpenOptions) => SqliteDatabase;

export function openSqlite(file: string, options: SqliteOpenOptions = {}): SqliteDatabase {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Database = require('better-sqlite3') as SqliteConstructor;
  return new Database(file, options);
}

/** SQLITE_BUSY and SQLITE_LOCKED, with their extended codes. */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}
