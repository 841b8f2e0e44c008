// The signed-in session, kept in localStorage so that it survives a reload (and is shared
// by the agent's tabs). Only the token, its expiry and who it is for; never a password.

/** The roles of users (a RESIDENT is a customer and never signs in here). */
export type Role = 'PLATFORM_ADMIN' | 'GROUP_ADMIN' | 'GROUP_SUPPORT' | 'VENUE_MANAGER';

export interface Session {
  token: string;
  /** ISO time the token stops working. */
  expiresAt: string;
  user: { id: string; email: string; role: Role };
}

export const SESSION_KEY = 'opensync-console.session';

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const ROLES: readonly string[] = ['PLATFORM_ADMIN', 'GROUP_ADMIN', 'GROUP_SUPPORT', 'VENUE_MANAGER'];

export function isUserRole(role: string): role is Role {
  return ROLES.includes(role);
}

/** The stored session, if any and well-formed (an expired one is still returned: see isExpired). */
export function readSession(store: KeyValueStore): Session | undefined {
  const raw = store.getItem(SESSION_KEY);
  if (raw === null) return undefined;
  try {
    const value = JSON.parse(raw) as Partial<Session>;
    if (typeof value.token !== 'string' || typeof value.expiresAt !== 'string') return undefined;
    const user = value.user;
    if (user === undefined || typeof user.id !== 'string' || typeof user.email !== 'string' || !ROLES.includes(user.role)) return undefined;
    return { token: value.token, expiresAt: value.expiresAt, user: { id: user.id, email: user.email, role: user.role } };
  } catch {
    return undefined;
  }
}

export function writeSession(store: KeyValueStore, session: Session | undefined): void {
  if (session === undefined) store.removeItem(SESSION_KEY);
  else store.setItem(SESSION_KEY, JSON.stringify(session));
}

export function isExpired(session: Session, nowMs: number): boolean {
  const expires = Date.parse(session.expiresAt);
  return Number.isNaN(expires) || expires <= nowMs;
}

/** Milliseconds until the token expires (0 when it has). */
export function msUntilExpiry(session: Session, nowMs: number): number {
  const expires = Date.parse(session.expiresAt);
  return Number.isNaN(expires) ? 0 : Math.max(0, expires - nowMs);
}

/** What a role may do in the console; the API enforces the same, this only hides controls. */
export function canEdit(role: Role): boolean {
  return role === 'GROUP_ADMIN' || role === 'PLATFORM_ADMIN';
}

/** Keys and scratch cards of a venue: group admins, and the venue managers of that venue (the API checks which venue). */
export function canEditVenueKeys(role: Role): boolean {
  return canEdit(role) || role === 'VENUE_MANAGER';
}

/** Pages about the group's customers, locations, nodes, operations and audit; a venue manager sees venues only. */
export function seesGroupPages(role: Role): boolean {
  return role !== 'VENUE_MANAGER';
}

export function isPlatformAdmin(role: Role): boolean {
  return role === 'PLATFORM_ADMIN';
}
