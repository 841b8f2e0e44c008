// RFC 7047 section 5.2: the operations of a "transact" request, in their wire form (values
// already in section 5.1 notation), and the typed results of section 5.2 per operation.

import { Row, Value } from '../notation/value';

export type ConditionFunction = '<' | '<=' | '==' | '!=' | '>=' | '>' | 'includes' | 'excludes';
export type Mutator = '+=' | '-=' | '*=' | '/=' | '%=' | 'insert' | 'delete';

/** [column, function, value] with the value in the JS representation. */
export type Condition = readonly [column: string, fn: ConditionFunction, value: Value];
/** [column, mutator, value] with the value in the JS representation. */
export type Mutation = readonly [column: string, mutator: Mutator, value: Value];

/** A condition or mutation as sent: [column, function, <value> in wire notation]. */
export type WireTriple = [string, string, unknown];
export type WireRow = Record<string, unknown>;

export interface InsertOperation {
  op: 'insert';
  table: string;
  row: WireRow;
  'uuid-name'?: string;
}

export interface SelectOperation {
  op: 'select';
  table: string;
  where: WireTriple[];
  columns?: string[];
}

export interface UpdateOperation {
  op: 'update';
  table: string;
  where: WireTriple[];
  row: WireRow;
}

export interface MutateOperation {
  op: 'mutate';
  table: string;
  where: WireTriple[];
  mutations: WireTriple[];
}

export interface DeleteOperation {
  op: 'delete';
  table: string;
  where: WireTriple[];
}

export interface WaitOperation {
  op: 'wait';
  table: string;
  where: WireTriple[];
  columns: string[];
  until: '==' | '!=';
  rows: WireRow[];
  timeout?: number;
}

export interface CommitOperation {
  op: 'commit';
  durable: boolean;
}

export interface AbortOperation {
  op: 'abort';
}

export interface CommentOperation {
  op: 'comment';
  comment: string;
}

export type Operation =
  | InsertOperation
  | SelectOperation
  | UpdateOperation
  | MutateOperation
  | DeleteOperation
  | WaitOperation
  | CommitOperation
  | AbortOperation
  | CommentOperation;

export interface InsertResult {
  op: 'insert';
  /** The uuid the server gave the new row. */
  uuid: string;
}

export interface SelectResult {
  op: 'select';
  rows: Row[];
}

export interface CountResult {
  op: 'update' | 'mutate' | 'delete';
  /** Rows matched by `where`. */
  count: number;
}

export interface EmptyResult {
  op: 'wait' | 'commit' | 'abort' | 'comment';
}

export type OperationResult = InsertResult | SelectResult | CountResult | EmptyResult;
