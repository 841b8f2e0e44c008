// AWLAN_Node.min_backoff / max_backoff (operations.md section 9): after losing its manager,
// CM2 waits a random time between the two, in seconds, before each new attempt, and goes back
// to the redirector only after more than CM2_MAX_DISCONNECTS (10) failed attempts. How fast a
// device whose controller died finds another one is therefore about eleven of these waits.

import { DatabaseSchema, Operation } from '@lib/ovsdb';
import { CachedRow } from '../desired/desired-network';
import { planAwlanNodeColumns } from '../node/awlan-node-plan';

/** Failed attempts CM2 makes before it goes back to the redirector (cm2_event.c). */
export const CM2_ATTEMPTS_BEFORE_REDIRECTOR = 11;

export interface ReconnectBackoff {
  minS: number;
  maxS: number;
}

/** An update of every AWLAN_Node row whose backoff differs (null: leave the device's own). */
export function planReconnectBackoff(desired: ReconnectBackoff | null, rows: readonly CachedRow[], schema: DatabaseSchema): Operation[] {
  return desired === null ? [] : planAwlanNodeColumns({ min_backoff: desired.minS, max_backoff: desired.maxS }, rows, schema);
}

/** The mean time from losing the manager to dialling the redirector, seconds (uniform waits). */
export function meanTimeToRedirectorS(backoff: ReconnectBackoff): number {
  return CM2_ATTEMPTS_BEFORE_REDIRECTOR * ((backoff.minS + backoff.maxS) / 2);
}
