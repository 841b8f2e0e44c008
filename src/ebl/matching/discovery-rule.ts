// What makes a sighting a new discovery (one notification), in one place: the in-memory
// tracker decides with it, and the shared presence statement on PostgreSQL
// (shared-presence-sql.ts) says the same in SQL, from the cut-offs computed here.

export interface PriorPresence {
  /** The client was associated to at least one node of the location. */
  present: boolean;
  /** Last sighting, leaving, or (shared presence) keep-alive, epoch ms. */
  lastSeen: number;
}

export interface DiscoveryTimes {
  /** Absence after which a sighting is a new discovery (EBL_REDISCOVERY_AFTER_S). */
  rediscoveryAfterMs: number;
  /**
   * Presence not confirmed for this long no longer counts (Infinity: always counts). The
   * shared presence is kept alive by the instances that see the client; presence written by
   * an instance that died, or whose leave was lost, ends this long after it was last confirmed.
   */
  presenceStaleAfterMs: number;
}

/** A sighting at `at` is a new discovery when nothing was known, or the client was absent (or its presence stale) for the rediscovery time. */
export function isNewDiscovery(prior: PriorPresence | undefined, at: number, times: DiscoveryTimes): boolean {
  if (prior === undefined) return true;
  const { stalePresenceBefore, absentSinceAtMost } = discoveryCutoffs(at, times);
  const present = prior.present && prior.lastSeen > stalePresenceBefore;
  return !present && prior.lastSeen <= absentSinceAtMost;
}

/**
 * The two instants the rule compares lastSeen with (the SQL takes them as parameters):
 * presence confirmed at or before `stalePresenceBefore` is stale; a client last seen at or
 * before `absentSinceAtMost` has been away for the rediscovery time.
 */
export function discoveryCutoffs(at: number, times: DiscoveryTimes): { stalePresenceBefore: number; absentSinceAtMost: number } {
  return { stalePresenceBefore: at - times.presenceStaleAfterMs, absentSinceAtMost: at - times.rediscoveryAfterMs };
}

/** A shared row last seen at or before this instant decides like no row at all (it may be removed). */
export function forgettableBefore(now: number, times: DiscoveryTimes): number {
  return now - Math.max(times.rediscoveryAfterMs, times.presenceStaleAfterMs);
}
