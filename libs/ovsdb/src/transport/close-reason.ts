// RFC 7047 section 2 leaves the end of a session to the transport; this names why one ended,
// with a stable code, so sessions, logs and tests can tell a peer hang-up from a protocol fault.

import type { OvsdbErrorCode } from '../errors';

export type CloseCode =
  | OvsdbErrorCode
  | 'LOCAL'
  | 'PEER_DISCONNECTED'
  | 'SOCKET_ERROR'
  | 'WRITE_BUFFER_FULL'
  | 'WS_INVALID_FRAME'
  | 'INACTIVITY'
  | 'LISTENER_LIMIT'
  | 'HANDSHAKE_TIMEOUT'
  | 'ADMISSION_LIMIT'
  | 'LISTENER_CLOSED';

export interface CloseReason {
  readonly code: CloseCode;
  readonly message: string;
}

export function closeReason(code: CloseCode, message: string): CloseReason {
  return { code, message };
}

/** A plain string given to close() means a deliberate local close. */
export function toCloseReason(reason: CloseReason | string): CloseReason {
  return typeof reason === 'string' ? { code: 'LOCAL', message: reason } : reason;
}

export function formatCloseReason(reason: CloseReason): string {
  return `${reason.code}: ${reason.message}`;
}
