// Claiming due notifications when several instances share one PostgreSQL: one statement
// takes the due rows no other transaction has locked (FOR UPDATE SKIP LOCKED) and moves
// their next_attempt_at to the end of a claim lease, so another instance's read passes over
// them; the attempt's record then sets the real next attempt (or DELIVERED / FAILED). An
// instance that dies with claims leaves them due again when the lease ends, and any instance
// sends them then. A claim is started only while enough of its lease is left for a whole
// attempt (claimUsable), so no attempt can still be running when another instance claims the
// same row. SQLite is one process: the worker reads due rows as before.

import type { EblConfig } from '../ebl-config';

/** Time a claimed notification may wait in the ready list, then be sent and recorded. */
export function claimLeaseMs(config: Pick<EblConfig, 'attemptTimeoutMs'>): number {
  // Eight rounds of a provider's slots are read ahead (each at most one attempt timeout), then its own attempt.
  return config.attemptTimeoutMs * 10 + CLAIM_MARGIN_MS;
}

/** What is kept back from a claim's lease for recording the attempt after it ended. */
export const CLAIM_MARGIN_MS = 10_000;

/** Whether a claim whose lease ends at `leaseEnd` may start an attempt at `now`. */
export function claimUsable(leaseEnd: Date, now: number, config: Pick<EblConfig, 'attemptTimeoutMs'>): boolean {
  return leaseEnd.getTime() - now >= config.attemptTimeoutMs + CLAIM_MARGIN_MS;
}

/**
 * $1 lease end, $2 now, $3 providers left out, $4 deliveries left out (held here), $5 how many.
 * Returns the claimed ids with the time each was due (the order to send them in).
 */
export const CLAIM_DUE_DELIVERIES = `
WITH due AS (
  SELECT id, next_attempt_at FROM ebl_deliveries
  WHERE status = 'PENDING' AND next_attempt_at <= $2 AND NOT (provider_id = ANY($3::varchar[])) AND NOT (id = ANY($4::varchar[]))
  ORDER BY next_attempt_at
  LIMIT $5
  FOR UPDATE SKIP LOCKED
)
UPDATE ebl_deliveries d SET next_attempt_at = $1 FROM due WHERE d.id = due.id
RETURNING d.id AS id, due.next_attempt_at AS due_at`;

/** $1 now, $2 ids: claims given back at shutdown (not sent, or the attempt was cut off), due again at once. */
export const RELEASE_CLAIMS = `UPDATE ebl_deliveries SET next_attempt_at = $1 WHERE status = 'PENDING' AND id = ANY($2::varchar[])`;
