// Errors raised by the OVSDB library. Every error carries a stable `code` so callers can
// branch on it and logs can be grepped; RFC 7047 section 3.1 error strings reported by a
// peer are kept verbatim in `details`.

export type OvsdbErrorCode =
  | 'CODEC_INVALID_JSON'
  | 'CODEC_MESSAGE_TOO_LARGE'
  | 'CODEC_NESTING_TOO_DEEP'
  | 'RPC_INVALID_MESSAGE'
  | 'RPC_UNKNOWN_ID'
  | 'RPC_ERROR'
  | 'SCHEMA_INVALID'
  | 'SCHEMA_UNKNOWN_TABLE'
  | 'SCHEMA_UNKNOWN_COLUMN'
  | 'OP_INVALID'
  | 'NOTATION_INVALID'
  | 'TRANSACTION_FAILED'
  | 'CACHE_UPDATE_INVALID'
  | 'SESSION_CLOSED'
  | 'TIMEOUT'
  | 'LISTENER_INVALID_SPEC';

export class OvsdbError extends Error {
  constructor(
    readonly code: OvsdbErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'OvsdbError';
  }
}
