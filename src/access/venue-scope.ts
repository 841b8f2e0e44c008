// Who may touch what inside a venue, answered in one place for every venue service (venues,
// units, key pools, personal keys, scratch cards, residents, venue managers, the residents'
// own face). Group roles act by group as everywhere (group-scope.ts); a venue manager acts
// in the venues assigned to them only; a resident (a customer signed in through OAuth) on
// their own keys only. As elsewhere an object the caller may not see is NOT_FOUND, one it
// may see but not change is FORBIDDEN.
//
//                       read   change   venue admin (create/delete venue, bring a location in)
//   platform admin      all    all      all
//   group admin         group  group    group
//   group support       group  -        -
//   venue manager       venue  venue    -
//   resident            own keys; rotate own key, guest keys of own key

import { AppError } from '../common/errors/app-error';
import { canReadGroup, canWriteGroup, isPlatformAdmin, Principal, Role } from '../common/auth/principal';

/** Anything that lives in a venue: its group, the venue, and for keys the subscriber. */
export interface VenueObject {
  groupId: string;
  venueId: string;
}

/** A personal key placed in its venue (the pool's). */
export interface KeyObject extends VenueObject {
  customerId: string;
}

/** What a resident may do with a key of theirs; nothing with anyone else's. */
export type ResidentKeyAction = 'read' | 'rotate' | 'guest';

export function isVenueManagerOf(p: Principal, venueId: string): boolean {
  return p.role === Role.VENUE_MANAGER && (p.venueIds ?? []).includes(venueId);
}

export function canReadVenueObject(p: Principal, o: VenueObject): boolean {
  return canReadGroup(p, o.groupId) || isVenueManagerOf(p, o.venueId);
}

export function canWriteVenueObject(p: Principal, o: VenueObject): boolean {
  return canWriteGroup(p, o.groupId) || isVenueManagerOf(p, o.venueId);
}

/** NOT_FOUND unless the object exists and the caller may see it. */
export function assertVenueReadable<T extends VenueObject>(p: Principal, o: T | null, what: string, id: string): T {
  if (o === null || !canReadVenueObject(p, o)) throw AppError.notFound(what, id);
  return o;
}

/** As assertVenueReadable, and FORBIDDEN when the caller may see but not change it. */
export function assertVenueWritable<T extends VenueObject>(p: Principal, o: T | null, what: string, id: string): T {
  const visible = assertVenueReadable(p, o, what, id);
  if (!canWriteVenueObject(p, visible)) throw AppError.forbidden(`not allowed to change ${what} ${id}`);
  return visible;
}

/**
 * Changes of the venue itself or that bring in objects from outside it (delete the venue,
 * make a location of the group a unit): group admins only. A venue manager sees the venue
 * and is FORBIDDEN; anyone else gets NOT_FOUND.
 */
export function assertVenueAdministrable<T extends VenueObject>(p: Principal, o: T | null, what: string, id: string): T {
  const visible = assertVenueReadable(p, o, what, id);
  if (!canWriteGroup(p, visible.groupId)) throw AppError.forbidden(`only a group admin may do this to ${what} ${id}`);
  return visible;
}

/** A key: venue rules for staff; for a resident, their own key and only the actions they have. */
export function assertKeyAccess<T extends KeyObject>(p: Principal, key: T | null, id: string, action: 'read' | 'change' | ResidentKeyAction): T {
  if (p.role === Role.RESIDENT) {
    if (key === null || p.customerId === undefined || key.customerId !== p.customerId || key.groupId !== residentGroupOf(p)) throw AppError.notFound('personal key', id);
    if (action === 'change') throw AppError.forbidden(`not allowed to change personal key ${id}`);
    return key;
  }
  return action === 'read' ? assertVenueReadable(p, key, 'personal key', id) : assertVenueWritable(p, key, 'personal key', id);
}

/** Whether the caller may see a key's passphrase: whoever may change the key, and its own resident. Never group support. */
export function maySeePassphrase(p: Principal, key: KeyObject): boolean {
  if (p.role === Role.RESIDENT) return p.customerId !== undefined && key.customerId === p.customerId && key.groupId === residentGroupOf(p);
  return canWriteVenueObject(p, key);
}

/**
 * Which venues a listing may show: every venue (platform admins), those of some groups
 * (group roles) or some venues (venue managers); none for anyone else.
 */
export type VenueListScope = { kind: 'all' } | { kind: 'groups'; groupIds: string[] } | { kind: 'venues'; venueIds: string[] } | { kind: 'none' };

export function venueListScope(p: Principal): VenueListScope {
  if (isPlatformAdmin(p)) return { kind: 'all' };
  if (p.role === Role.VENUE_MANAGER) return (p.venueIds ?? []).length > 0 ? { kind: 'venues', venueIds: [...(p.venueIds ?? [])] } : { kind: 'none' };
  if ((p.role === Role.GROUP_ADMIN || p.role === Role.GROUP_SUPPORT) && p.groupIds.length > 0) return { kind: 'groups', groupIds: [...p.groupIds] };
  return { kind: 'none' };
}

/** A resident principal's group: the customer's, which is the one group the principal names. */
function residentGroupOf(p: Principal): string | undefined {
  return p.residentGroupId;
}

/** A venue row as a venue object. */
export function venueOf(venue: { id: string; groupId: string }): VenueObject {
  return { groupId: venue.groupId, venueId: venue.id };
}

/**
 * Who may get a key or a scratch-card batch of the venue: for group writers any customer of
 * the venue's group; for a venue manager only a resident of that venue (they cannot see the
 * group's other customers). Anyone else: a customer they cannot name.
 */
export function assertSubscriberAllowed(p: Principal, venue: VenueObject, customer: { groupId: string } | null, residentOfVenue: boolean, field = 'customerId'): void {
  const inGroup = customer !== null && customer.groupId === venue.groupId;
  const allowed = inGroup && (canWriteGroup(p, venue.groupId) || (isVenueManagerOf(p, venue.venueId) && residentOfVenue));
  if (!allowed) throw AppError.validation([{ field, message: p.role === Role.VENUE_MANAGER ? 'is not a resident of the venue' : 'is not a customer of the pool\'s group' }]);
}
