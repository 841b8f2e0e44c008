import { Principal, Role } from '../common/auth/principal';
import { AppError } from '../common/errors/app-error';
import { assertKeyAccess, assertSubscriberAllowed, assertVenueAdministrable, assertVenueReadable, assertVenueWritable, maySeePassphrase, venueListScope } from './venue-scope';

const G = 'group-1';
const V = 'venue-1';
const key = { groupId: G, venueId: V, customerId: 'cust-1' };
const who: Record<string, Principal> = {
  platform: { userId: 'p', email: 'p', role: Role.PLATFORM_ADMIN, groupIds: [] },
  admin: { userId: 'a', email: 'a', role: Role.GROUP_ADMIN, groupIds: [G] },
  otherAdmin: { userId: 'a2', email: 'a2', role: Role.GROUP_ADMIN, groupIds: ['group-2'] },
  support: { userId: 's', email: 's', role: Role.GROUP_SUPPORT, groupIds: [G] },
  manager: { userId: 'm', email: 'm', role: Role.VENUE_MANAGER, groupIds: [], venueIds: [V] },
  otherManager: { userId: 'm2', email: 'm2', role: Role.VENUE_MANAGER, groupIds: [], venueIds: ['venue-2'] },
  // A manager's venue list never makes them group-wide, even with a group in the principal.
  managerWithGroup: { userId: 'm3', email: 'm3', role: Role.VENUE_MANAGER, groupIds: [G], venueIds: [] },
  resident: { userId: 'cust-1', email: 'r', role: Role.RESIDENT, groupIds: [], customerId: 'cust-1', residentGroupId: G },
  otherResident: { userId: 'cust-2', email: 'r2', role: Role.RESIDENT, groupIds: [], customerId: 'cust-2', residentGroupId: G },
};

function outcome(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return error instanceof AppError ? error.code : 'thrown';
  }
}

describe('venue scope', () => {
  it('reads, changes and administers venue objects by role', () => {
    const table = Object.entries(who).map(([name, p]) => [
      name,
      outcome(() => assertVenueReadable(p, key, 'x', '1')),
      outcome(() => assertVenueWritable(p, key, 'x', '1')),
      outcome(() => assertVenueAdministrable(p, key, 'x', '1')),
    ]);
    expect(table).toEqual([
      ['platform', 'ok', 'ok', 'ok'],
      ['admin', 'ok', 'ok', 'ok'],
      ['otherAdmin', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
      ['support', 'ok', 'FORBIDDEN', 'FORBIDDEN'],
      ['manager', 'ok', 'ok', 'FORBIDDEN'],
      ['otherManager', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
      ['managerWithGroup', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
      ['resident', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
      ['otherResident', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
    ]);
  });

  it('lets a resident read, rotate and make guest keys of their own key only; staff by the venue rules', () => {
    const actions = ['read', 'rotate', 'guest', 'change'] as const;
    const table = Object.entries(who).map(([name, p]) => [name, ...actions.map((a) => outcome(() => assertKeyAccess(p, key, '1', a)))]);
    expect(table).toEqual([
      ['platform', 'ok', 'ok', 'ok', 'ok'],
      ['admin', 'ok', 'ok', 'ok', 'ok'],
      ['otherAdmin', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
      ['support', 'ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
      ['manager', 'ok', 'ok', 'ok', 'ok'],
      ['otherManager', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
      ['managerWithGroup', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
      ['resident', 'ok', 'ok', 'ok', 'FORBIDDEN'],
      ['otherResident', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
    ]);
    expect(outcome(() => assertKeyAccess(who.resident, null, '1', 'read'))).toBe('NOT_FOUND');
    // A customer of another group with the same id is not the key's resident.
    expect(outcome(() => assertKeyAccess({ ...who.resident, residentGroupId: 'group-2' }, key, '1', 'read'))).toBe('NOT_FOUND');
  });

  it('shows passphrases to those who may change the key and to its resident; never to support', () => {
    const seeing = Object.entries(who).filter(([, p]) => maySeePassphrase(p, key)).map(([name]) => name);
    expect(seeing).toEqual(['platform', 'admin', 'manager', 'resident']);
  });

  it('lists venues by group, by assignment, or none', () => {
    expect(venueListScope(who.platform)).toEqual({ kind: 'all' });
    expect(venueListScope(who.support)).toEqual({ kind: 'groups', groupIds: [G] });
    expect(venueListScope(who.manager)).toEqual({ kind: 'venues', venueIds: [V] });
    expect(venueListScope(who.managerWithGroup)).toEqual({ kind: 'none' });
    expect(venueListScope(who.resident)).toEqual({ kind: 'none' });
  });

  it('gives keys to a customer of the group (admins) or a resident of the venue (managers)', () => {
    const customer = { groupId: G };
    expect(outcome(() => assertSubscriberAllowed(who.admin, key, customer, false))).toBe('ok');
    expect(outcome(() => assertSubscriberAllowed(who.manager, key, customer, true))).toBe('ok');
    expect(outcome(() => assertSubscriberAllowed(who.manager, key, customer, false))).toBe('VALIDATION_FAILED');
    expect(outcome(() => assertSubscriberAllowed(who.manager, key, { groupId: 'group-2' }, true))).toBe('VALIDATION_FAILED');
    expect(outcome(() => assertSubscriberAllowed(who.admin, key, null, false))).toBe('VALIDATION_FAILED');
  });
});
