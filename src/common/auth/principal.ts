// Who is calling: decoded from the bearer token, never from arguments. Services take the
// principal first and scope every read and write to `groupIds` (platform admins see all).

export enum Role {
  PLATFORM_ADMIN = 'PLATFORM_ADMIN',
  GROUP_ADMIN = 'GROUP_ADMIN',
  GROUP_SUPPORT = 'GROUP_SUPPORT',
  /** A user who manages the units, residents and keys of some venues of their group, nothing else. */
  VENUE_MANAGER = 'VENUE_MANAGER',
  /** A customer signed in through OAuth (their own keys and devices); never a user's role. */
  RESIDENT = 'RESIDENT',
}

/** The roles that see a whole group (its locations, nodes, customers...). */
const GROUP_WIDE: readonly Role[] = [Role.GROUP_ADMIN, Role.GROUP_SUPPORT];

export interface Principal {
  userId: string;
  email: string;
  role: Role;
  /**
   * Groups whose objects the principal sees group-wide. Empty for a platform admin (not
   * scoped), and for venue managers and residents, who see only their venues' or their own
   * objects (src/access/venue-scope.ts), never a group's.
   */
  groupIds: string[];
  /** VENUE_MANAGER: the venues assigned to the user (of their groups). */
  venueIds?: string[];
  /** RESIDENT: the customer acting on their own keys and devices. */
  customerId?: string;
  /** RESIDENT: the customer's group. */
  residentGroupId?: string;
  /** Tokens issued before this instant (ms since the epoch) are revoked; absent: none. */
  tokensValidAfter?: number;
}

export function isPlatformAdmin(p: Principal): boolean {
  return p.role === Role.PLATFORM_ADMIN;
}

/** True for roles that see their whole groups; venue managers and residents see only their part (src/access/venue-scope.ts). */
export function hasGroupWideAccess(p: Principal): boolean {
  return GROUP_WIDE.includes(p.role);
}

/** True when the principal may see objects of `groupId`. */
export function canReadGroup(p: Principal, groupId: string): boolean {
  return isPlatformAdmin(p) || (hasGroupWideAccess(p) && p.groupIds.includes(groupId));
}

/** True when the principal may change objects of `groupId`. */
export function canWriteGroup(p: Principal, groupId: string): boolean {
  return isPlatformAdmin(p) || (p.role === Role.GROUP_ADMIN && p.groupIds.includes(groupId));
}
