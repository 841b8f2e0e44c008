// RFC 7047 section 5.2: builds the operations of a "transact" request, validated against
// the schema the peer sent (section 4.1.2), so that a column an older firmware lacks, a
// wrongly typed value or a write to a read-only column fails here, before anything is
// sent. The builder holds no state: each method returns one operation, and callers
// compose them into the array they transact.

import { OvsdbError } from '../errors';
import { encodeRow } from '../notation/row-codec';
import { NamedUuid, Row } from '../notation/value';
import { isNamedUuidName } from '../notation/uuid';
import { DatabaseSchema } from '../schema/database-schema';
import { TableSchema } from '../schema/table-schema';
import { encodeConditions } from './condition';
import { encodeMutations } from './mutation';
import {
  CommentOperation,
  CommitOperation,
  AbortOperation,
  Condition,
  DeleteOperation,
  InsertOperation,
  MutateOperation,
  Mutation,
  Operation,
  OperationResult,
  SelectOperation,
  UpdateOperation,
  WaitOperation,
} from './operation';
import { checkTransactResult } from './transact-result';

export class OperationBuilder {
  constructor(readonly schema: DatabaseSchema) {}

  /** `uuidName` lets later operations of the same transaction refer to the new row. */
  insert(table: string, row: Readonly<Row>, uuidName?: string | NamedUuid): InsertOperation {
    const schema = this.schema.requireTable(table);
    rejectImplicit(schema, row, 'insert');
    const op: InsertOperation = { op: 'insert', table, row: encodeRow(schema, row) };
    if (uuidName !== undefined) {
      const name = uuidName instanceof NamedUuid ? uuidName.name : uuidName;
      if (!isNamedUuidName(name)) throw new OvsdbError('OP_INVALID', `${table}: uuid-name "${name}" is not an <id>`);
      op['uuid-name'] = name;
    }
    return op;
  }

  update(table: string, where: readonly Condition[], row: Readonly<Row>): UpdateOperation {
    const schema = this.schema.requireTable(table);
    rejectImplicit(schema, row, 'update');
    for (const name of Object.keys(row)) {
      if (!schema.requireColumn(name).mutable) throw new OvsdbError('OP_INVALID', `${table}.${name}: column is not mutable`);
    }
    return { op: 'update', table, where: encodeConditions(schema, where), row: encodeRow(schema, row) };
  }

  mutate(table: string, where: readonly Condition[], mutations: readonly Mutation[]): MutateOperation {
    const schema = this.schema.requireTable(table);
    return { op: 'mutate', table, where: encodeConditions(schema, where), mutations: encodeMutations(schema, mutations) };
  }

  delete(table: string, where: readonly Condition[]): DeleteOperation {
    const schema = this.schema.requireTable(table);
    return { op: 'delete', table, where: encodeConditions(schema, where) };
  }

  select(table: string, where: readonly Condition[], columns?: readonly string[]): SelectOperation {
    const schema = this.schema.requireTable(table);
    const op: SelectOperation = { op: 'select', table, where: encodeConditions(schema, where) };
    if (columns !== undefined) op.columns = checkColumns(schema, columns);
    return op;
  }

  /**
   * Waits until the rows matching `where`, projected on `columns`, are (`==`) or are not
   * (`!=`) exactly `rows`; `timeout` in milliseconds, absent meaning forever.
   */
  wait(
    table: string,
    where: readonly Condition[],
    columns: readonly string[],
    until: '==' | '!=',
    rows: readonly Readonly<Row>[],
    timeout?: number,
  ): WaitOperation {
    const schema = this.schema.requireTable(table);
    if (until !== '==' && until !== '!=') throw new OvsdbError('OP_INVALID', `${table}: wait until must be "==" or "!="`);
    const names = checkColumns(schema, columns);
    const encodedRows = rows.map((row) => {
      for (const name of Object.keys(row)) {
        if (!names.includes(name)) throw new OvsdbError('OP_INVALID', `${table}.${name}: wait row column not in columns`);
      }
      return encodeRow(schema, row);
    });
    const op: WaitOperation = { op: 'wait', table, where: encodeConditions(schema, where), columns: names, until, rows: encodedRows };
    if (timeout !== undefined) {
      if (!Number.isInteger(timeout) || timeout < 0) throw new OvsdbError('OP_INVALID', `${table}: wait timeout must be a non-negative integer`);
      op.timeout = timeout;
    }
    return op;
  }

  comment(text: string): CommentOperation {
    if (typeof text !== 'string') throw new OvsdbError('OP_INVALID', 'comment must be a string');
    return { op: 'comment', comment: text };
  }

  commit(durable: boolean): CommitOperation {
    return { op: 'commit', durable };
  }

  abort(): AbortOperation {
    return { op: 'abort' };
  }

  /** checkTransactResult with this builder's schema, so selected rows come back typed. */
  checkResult(ops: readonly Operation[], result: unknown): OperationResult[] {
    return checkTransactResult(ops, result, this.schema);
  }
}

function rejectImplicit(table: TableSchema, row: Readonly<Row>, op: string): void {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) {
    throw new OvsdbError('OP_INVALID', `${table.name}: ${op} row must be an object`);
  }
  for (const name of ['_uuid', '_version']) {
    if (name in row) throw new OvsdbError('OP_INVALID', `${table.name}.${name}: ${op} cannot write a column the server maintains`);
  }
}

function checkColumns(table: TableSchema, columns: readonly string[]): string[] {
  if (!Array.isArray(columns)) throw new OvsdbError('OP_INVALID', `${table.name}: columns must be an array`);
  const seen = new Set<string>();
  for (const name of columns) {
    table.requireColumn(name);
    if (seen.has(name)) throw new OvsdbError('OP_INVALID', `${table.name}.${name}: column listed twice`);
    seen.add(name);
  }
  return [...columns];
}
