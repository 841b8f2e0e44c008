// Errors raised by the OpenSync rules. A stable `code` lets the reconciler decide whether a
// problem is the model's (fix the data) or a bug (report it), and keeps logs greppable.

export type OpensyncErrorCode =
  | 'VIF_SLOT_INVALID'
  | 'VIF_BAND_UNKNOWN'
  | 'VIF_NOT_OWNED'
  | 'VIF_NAME_DUPLICATE'
  | 'RADIO_UNKNOWN'
  | 'SCHEMA_TABLE_MISSING'
  | 'ISOLATION_POOL_INVALID';

export class OpensyncError extends Error {
  constructor(
    readonly code: OpensyncErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'OpensyncError';
  }
}
