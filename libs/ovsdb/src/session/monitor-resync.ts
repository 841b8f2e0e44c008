// RFC 7047 s4.1.6 gives a client no way to repair a replica once an update cannot be applied
// to it (a "modify" or "delete" of a row it does not hold, an "insert" of one it does): the
// only correct recovery is a fresh copy. Rather than drop the whole session, the monitor is
// cancelled (s4.1.7) and started again under a new id, and its initial contents replace the
// replica. What a session allows and what the process counts live here; a session keeps no
// more than two small integers for it (ten thousand sessions, docs/benchmarks.md).

/** Process-wide counters, plain numbers for a metrics module to read. */
export interface MonitorResyncStats {
  /** Monitors resynced after an update their cache could not apply. */
  resyncs: number;
  /** Resyncs that failed (the monitor request was refused or timed out): session closed. */
  resyncFailures: number;
  /** Sessions closed because their monitors kept sending inconsistent updates. */
  sessionsClosed: number;
}

export const monitorResyncStats: MonitorResyncStats = { resyncs: 0, resyncFailures: 0, sessionsClosed: 0 };

/** More inconsistent updates than this within one clock minute close the session. */
export const DEFAULT_MAX_RESYNCS_PER_MINUTE = 3;

/** The session's side of a resync: says whether one may start (and logs it). */
export interface MonitorHost {
  /**
   * An update for monitor `monitorId` could not be applied (`message` says why). Returns
   * true when the monitor is to be resynced; false when the host closed the session instead.
   */
  monitorInconsistent(monitorId: string, message: string): boolean;
}

/** Monitor ids of resyncs: unique per process, so a session needs no counter of its own. */
let resyncSerial = 0;

export function resyncMonitorId(baseId: string): string {
  resyncSerial = (resyncSerial + 1) % Number.MAX_SAFE_INTEGER;
  return `${baseId}~${resyncSerial}`;
}
