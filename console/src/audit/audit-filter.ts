// The audit page's filter fields as auditEvents arguments: who (part of an email), what (an
// action, or "customer." for every action on customers), and the days from and to, both
// included, in the browser's time zone.

export interface AuditFilter {
  who: string;
  what: string;
  /** yyyy-mm-dd; empty: no bound. */
  from: string;
  to: string;
  objectId: string;
}

export interface AuditVariables {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  objectId?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Local midnight at the start of `day` (yyyy-mm-dd), plus `addDays`, as an ISO time. */
export function startOfDay(day: string, addDays = 0): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d + addDays).toISOString();
}

export function auditVariables(f: AuditFilter): AuditVariables {
  const v: AuditVariables = {};
  if (f.who.trim() !== '') v.actor = f.who.trim();
  if (f.what.trim() !== '') v.action = f.what.trim();
  if (DAY.test(f.from)) v.from = startOfDay(f.from);
  if (DAY.test(f.to)) v.to = startOfDay(f.to, 1);
  if (UUID.test(f.objectId.trim())) v.objectId = f.objectId.trim();
  return v;
}
