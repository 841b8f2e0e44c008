// Driver error codes the application reacts to, for both databases, in one place so no
// service inspects raw SQL errors. (SQLite: better-sqlite3 codes; PostgreSQL: SQLSTATE.)

import { QueryFailedError } from 'typeorm';

const BUSY_CODES = new Set(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED', '40001', '40P01', '55P03']);
const UNIQUE_CODES = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY', '23505']);

function driverCode(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError: unknown = error.driverError;
  if (typeof driverError !== 'object' || driverError === null || !('code' in driverError)) return undefined;
  return typeof driverError.code === 'string' ? driverError.code : undefined;
}

/** A transient conflict (lock busy, serialization failure, deadlock): the transaction may be retried. */
export function isBusyError(error: unknown): boolean {
  const code = driverCode(error);
  return code !== undefined && BUSY_CODES.has(code);
}

/** A unique constraint refused the write: callers report it as CONFLICT. */
export function isUniqueViolation(error: unknown): boolean {
  const code = driverCode(error);
  return code !== undefined && UNIQUE_CODES.has(code);
}
