// Deny by default: every resolver method declares the permission it needs with
// @RequirePermission (or @Public). The global guard refuses any resolver without one, and
// test/e2e lists every (operation, permission) pair so a change shows up in review.

import { SetMetadata } from '@nestjs/common';
import { Role } from './principal';

export enum Permission {
  /** Anyone, without a token (login). */
  PUBLIC = 'PUBLIC',
  /** Any authenticated user (me). */
  AUTHENTICATED = 'AUTHENTICATED',
  /** Read inside own groups: group admin, group support, platform admin. */
  TENANT_READ = 'TENANT_READ',
  /** Write inside own groups: group admin, platform admin. */
  TENANT_WRITE = 'TENANT_WRITE',
  /** Venues, their units, pools, keys and residents: group roles in their groups, venue managers in their venues (src/access/venue-scope.ts). */
  VENUE_READ = 'VENUE_READ',
  /** Changes inside a venue: group admin, platform admin, a venue manager of that venue. */
  VENUE_WRITE = 'VENUE_WRITE',
  /** Support tools (log pull, steering, firmware): group support, group admin, platform admin. */
  SUPPORT_TOOLS = 'SUPPORT_TOOLS',
  /** Manage users: platform admin; a group admin inside their own groups (checked in the service). */
  USER_ADMIN = 'USER_ADMIN',
  /** Platform-wide: platform admin only. */
  PLATFORM = 'PLATFORM',
  /** REST routes of API clients: an OAuth access token, checked by BearerTokenGuard (src/oauth), not a user's. */
  API_CLIENT = 'API_CLIENT',
}

export const PERMISSION_KEY = 'permission';
export const RequirePermission = (permission: Permission) => SetMetadata(PERMISSION_KEY, permission);

const ROLES: Record<Permission, Role[] | 'anyone'> = {
  [Permission.PUBLIC]: 'anyone',
  [Permission.AUTHENTICATED]: [Role.PLATFORM_ADMIN, Role.GROUP_ADMIN, Role.GROUP_SUPPORT, Role.VENUE_MANAGER],
  [Permission.TENANT_READ]: [Role.PLATFORM_ADMIN, Role.GROUP_ADMIN, Role.GROUP_SUPPORT],
  [Permission.TENANT_WRITE]: [Role.PLATFORM_ADMIN, Role.GROUP_ADMIN],
  [Permission.VENUE_READ]: [Role.PLATFORM_ADMIN, Role.GROUP_ADMIN, Role.GROUP_SUPPORT, Role.VENUE_MANAGER],
  [Permission.VENUE_WRITE]: [Role.PLATFORM_ADMIN, Role.GROUP_ADMIN, Role.VENUE_MANAGER],
  [Permission.SUPPORT_TOOLS]: [Role.PLATFORM_ADMIN, Role.GROUP_ADMIN, Role.GROUP_SUPPORT],
  [Permission.USER_ADMIN]: [Role.PLATFORM_ADMIN, Role.GROUP_ADMIN],
  [Permission.PLATFORM]: [Role.PLATFORM_ADMIN],
  [Permission.API_CLIENT]: [],
};

/** Pure rule used by the guard: may a caller with `role` (undefined: no token) pass? */
export function roleHasPermission(role: Role | undefined, permission: Permission): boolean {
  const allowed = ROLES[permission];
  if (allowed === 'anyone') return true;
  return role !== undefined && allowed.includes(role);
}
