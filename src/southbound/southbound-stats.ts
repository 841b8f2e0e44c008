// Counters of the device port, cumulative since start, as plain numbers (exported as metrics
// elsewhere). Each names a refusal or a bound of docs/decisions/device-port-security.md.

import type { ListenerStats } from '@lib/ovsdb';

export interface SouthboundStats extends ListenerStats {
  /** Sessions refused: the device reported no valid serial (or its CN did not match it). */
  invalidSerials: number;
  /** Unauthenticated sessions that claimed the serial of a live session (the older one kept it). */
  serialConflicts: number;
  /** Older sessions closed because they did not answer the probe such a conflict triggers. */
  conflictProbesFailed: number;
  /** Unknown serials not recorded as unclaimed nodes (rate limit or cap), their sessions closed. */
  unknownSerialsDropped: number;
}

export function emptySouthboundStats(): SouthboundStats {
  return {
    refusedPending: 0,
    refusedPendingPerAddress: 0,
    handshakeTimeouts: 0,
    invalidSerials: 0,
    serialConflicts: 0,
    conflictProbesFailed: 0,
    unknownSerialsDropped: 0,
  };
}
