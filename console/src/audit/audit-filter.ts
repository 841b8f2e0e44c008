// Filtering the loaded audit events by who, what and when. The API filters by object only
// (auditEvents(objectId)); the rest narrows the pages loaded so far.

export interface AuditRow {
  actorEmail: string;
  action: string;
  objectType: string;
  objectId: string;
  at: string;
}

export interface AuditFilter {
  who: string;
  what: string;
  /** yyyy-mm-dd, inclusive; empty: no bound. */
  from: string;
  to: string;
}

export function matchesAudit(row: AuditRow, f: AuditFilter): boolean {
  const who = f.who.trim().toLowerCase();
  const what = f.what.trim().toLowerCase();
  if (who !== '' && !row.actorEmail.toLowerCase().includes(who)) return false;
  if (what !== '' && !`${row.action} ${row.objectType} ${row.objectId}`.toLowerCase().includes(what)) return false;
  const day = row.at.slice(0, 10);
  if (f.from !== '' && day < f.from) return false;
  if (f.to !== '' && day > f.to) return false;
  return true;
}
