// Who is calling: decoded from the bearer token, never from arguments. Services take the
// principal first and scope every read and write to `groupIds` (platform admins see all).

export enum Role {
  PLATFORM_ADMIN = 'PLATFORM_ADMIN',
  GROUP_ADMIN = 'GROUP_ADMIN',
  GROUP_SUPPORT = 'GROUP_SUPPORT',
}

export interface Principal {
  userId: string;
  email: string;
  role: Role;
  /** Groups the user belongs to; empty for a platform admin, who is not scoped. */
  groupIds: string[];
  /** Tokens issued before this instant (ms since the epoch) are revoked; absent: none. */
  tokensValidAfter?: number;
}

export function isPlatformAdmin(p: Principal): boolean {
  return p.role === Role.PLATFORM_ADMIN;
}

/** True when the principal may see objects of `groupId`. */
export function canReadGroup(p: Principal, groupId: string): boolean {
  return isPlatformAdmin(p) || p.groupIds.includes(groupId);
}

/** True when the principal may change objects of `groupId`. */
export function canWriteGroup(p: Principal, groupId: string): boolean {
  return isPlatformAdmin(p) || (p.role === Role.GROUP_ADMIN && p.groupIds.includes(groupId));
}
