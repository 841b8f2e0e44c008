// RFC 7047 s3.1 and s4.1.3: an error as ovsdb-server reports it inside a transaction result
// or a method reply. `error` is the stable, machine-readable tag; `details` is for people.

export type TxnErrorTag =
  | 'syntax error'
  | 'unknown column'
  | 'constraint violation'
  | 'referential integrity violation'
  | 'duplicate uuid-name'
  | 'domain error'
  | 'range error'
  | 'timed out'
  | 'aborted'
  | 'not supported'
  | 'ovsdb error'
  | 'unknown database';

export interface TxnErrorJson {
  error: TxnErrorTag;
  details?: string;
  syntax?: string;
}

export class TxnError extends Error {
  constructor(
    readonly tag: TxnErrorTag,
    readonly details?: string,
    readonly syntax?: unknown,
  ) {
    super(details ? `${tag}: ${details}` : tag);
    this.name = 'TxnError';
  }

  toJson(): TxnErrorJson {
    const out: TxnErrorJson = { error: this.tag };
    if (this.details !== undefined) out.details = this.details;
    if (this.syntax !== undefined) out.syntax = JSON.stringify(this.syntax);
    return out;
  }
}

export function syntaxError(json: unknown, details: string): TxnError {
  return new TxnError('syntax error', details, json);
}
