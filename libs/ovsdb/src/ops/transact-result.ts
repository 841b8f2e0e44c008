// RFC 7047 section 4.1.3: the result of "transact" is an array with one element per
// operation. Execution stops at the first failing operation, whose element is
// {"error": ..., "details": ...}; elements after it are missing or null. When every
// operation succeeded but the commit failed (e.g. a referential integrity violation),
// the array carries one extra element, the commit error.

import { OvsdbError } from '../errors';
import { decodeRow } from '../notation/row-codec';
import { decodeUntypedRow } from '../notation/untyped-datum';
import { isUuid } from '../notation/uuid';
import { Row } from '../notation/value';
import { DatabaseSchema } from '../schema/database-schema';
import { Operation, OperationResult } from './operation';

export interface TransactionFailure {
  /** Index of the failed operation; equal to ops.length for a commit failure. */
  index: number;
  /** The RFC 7047 error string, e.g. "constraint violation". */
  error: string;
  details?: string;
  /** The failed operation, absent for a commit failure. */
  op?: Operation;
}

/**
 * Throws OvsdbError('TRANSACTION_FAILED', ..., TransactionFailure) when any operation or
 * the commit failed, OvsdbError('RPC_INVALID_MESSAGE') when the result does not follow
 * the RFC; otherwise returns the typed result of each operation. With `schema`, selected
 * rows are decoded by their column types.
 */
export function checkTransactResult(ops: readonly Operation[], result: unknown, schema?: DatabaseSchema): OperationResult[] {
  if (!Array.isArray(result)) throw malformed('the result of transact must be an array');
  const failureIndex = result.findIndex((element) => isErrorObject(element));
  if (failureIndex >= 0) throw failure(ops, failureIndex, result[failureIndex]);
  if (result.length < ops.length) {
    throw malformed(`the result has ${result.length} elements for ${ops.length} operations and no error`);
  }
  if (result.length > ops.length) {
    throw malformed(`the result has ${result.length} elements for ${ops.length} operations`);
  }
  return ops.map((op, i) => typedResult(op, result[i], i, schema));
}

/** uuid-name -> uuid of each row inserted, from the operations and their results. */
export function insertedUuids(ops: readonly Operation[], results: readonly OperationResult[]): Map<string, string> {
  const out = new Map<string, string>();
  ops.forEach((op, i) => {
    const res = results[i];
    if (op.op === 'insert' && op['uuid-name'] !== undefined && res?.op === 'insert') out.set(op['uuid-name'], res.uuid);
  });
  return out;
}

function isErrorObject(element: unknown): element is { error: unknown; details?: unknown } {
  return typeof element === 'object' && element !== null && !Array.isArray(element) && 'error' in element;
}

function failure(ops: readonly Operation[], index: number, element: { error: unknown; details?: unknown }): OvsdbError {
  if (index > ops.length) throw malformed(`an error at element ${index} is past the commit result`);
  const error = typeof element.error === 'string' ? element.error : JSON.stringify(element.error);
  const details = typeof element.details === 'string' ? element.details : undefined;
  const op = ops[index];
  const what = op ? `operation ${index} (${describe(op)})` : 'commit';
  const info: TransactionFailure = { index, error, ...(details !== undefined ? { details } : {}), ...(op ? { op } : {}) };
  return new OvsdbError('TRANSACTION_FAILED', `${what} failed: ${error}${details ? `: ${details}` : ''}`, info);
}

function describe(op: Operation): string {
  return 'table' in op ? `${op.op} ${op.table}` : op.op;
}

function typedResult(op: Operation, element: unknown, index: number, schema?: DatabaseSchema): OperationResult {
  if (typeof element !== 'object' || element === null || Array.isArray(element)) {
    throw malformed(`result ${index} (${describe(op)}) must be an object, got ${JSON.stringify(element)}`);
  }
  const obj = element as Record<string, unknown>;
  switch (op.op) {
    case 'insert': {
      const uuid = obj.uuid;
      if (!Array.isArray(uuid) || uuid.length !== 2 || uuid[0] !== 'uuid' || !isUuid(uuid[1])) {
        throw malformed(`result ${index} (insert) lacks a uuid`);
      }
      return { op: 'insert', uuid: uuid[1].toLowerCase() };
    }
    case 'select': {
      if (!Array.isArray(obj.rows)) throw malformed(`result ${index} (select) lacks rows`);
      const table = schema?.requireTable(op.table);
      const rows: Row[] = obj.rows.map((row: unknown) => (table ? decodeRow(table, row) : decodeUntypedRow(row, op.table)));
      return { op: 'select', rows };
    }
    case 'update':
    case 'mutate':
    case 'delete':
      if (typeof obj.count !== 'number' || !Number.isInteger(obj.count) || obj.count < 0) {
        throw malformed(`result ${index} (${op.op}) lacks a count`);
      }
      return { op: op.op, count: obj.count };
    default:
      return { op: op.op };
  }
}

function malformed(message: string): OvsdbError {
  return new OvsdbError('RPC_INVALID_MESSAGE', `transact: ${message}`);
}
