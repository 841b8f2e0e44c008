import { canEdit, canEditVenueKeys, isExpired, seesGroupPages, msUntilExpiry, readSession, SESSION_KEY, writeSession, type KeyValueStore, type Session } from './session';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const session: Session = { token: 'a.b.c', expiresAt: '2030-01-01T00:00:00.000Z', user: { id: 'u1', email: 'a@b.test', role: 'GROUP_ADMIN' } };

describe('session storage', () => {
  it('round-trips and clears', () => {
    const store = memoryStore();
    writeSession(store, session);
    expect(readSession(store)).toEqual(session);
    writeSession(store, undefined);
    expect(readSession(store)).toBeUndefined();
  });

  it('ignores what is malformed or has an unknown role', () => {
    const store = memoryStore();
    store.setItem(SESSION_KEY, '{not json');
    expect(readSession(store)).toBeUndefined();
    store.setItem(SESSION_KEY, JSON.stringify({ ...session, user: { ...session.user, role: 'ROOT' } }));
    expect(readSession(store)).toBeUndefined();
  });

  it('knows when the token has expired', () => {
    const at = Date.parse(session.expiresAt);
    expect(isExpired(session, at - 1)).toBe(false);
    expect(isExpired(session, at)).toBe(true);
    expect(msUntilExpiry(session, at - 500)).toBe(500);
    expect(isExpired({ ...session, expiresAt: 'garbage' }, 0)).toBe(true);
  });

  it('only admins edit', () => {
    expect(canEdit('GROUP_SUPPORT')).toBe(false);
    expect(canEdit('GROUP_ADMIN')).toBe(true);
    expect(canEdit('PLATFORM_ADMIN')).toBe(true);
    expect(canEdit('VENUE_MANAGER')).toBe(false);
  });

  it('venue managers handle their venues\' keys and see no group pages', () => {
    expect(canEditVenueKeys('VENUE_MANAGER')).toBe(true);
    expect(canEditVenueKeys('GROUP_ADMIN')).toBe(true);
    expect(canEditVenueKeys('GROUP_SUPPORT')).toBe(false);
    expect(seesGroupPages('VENUE_MANAGER')).toBe(false);
    expect(seesGroupPages('GROUP_SUPPORT')).toBe(true);
  });
});
