// Who may change or remove which user (pure). Platform admins: anyone but themselves for
// deletion. Group admins: support users and venue managers whose every group is one of theirs; a user who
// shares no group with them does not exist for them (NOT_FOUND), one who does but is not
// theirs to manage is FORBIDDEN.

import { isPlatformAdmin, Principal, Role } from '../common/auth/principal';
import { AppError } from '../common/errors/app-error';

/** The roles of the users a group admin creates, changes and removes in their groups. */
export const GROUP_ADMIN_MANAGES: readonly Role[] = [Role.GROUP_SUPPORT, Role.VENUE_MANAGER];

export interface ManagedUser {
  id: string;
  role: Role;
  groupIds: readonly string[];
}

export function assertManageable(principal: Principal, user: ManagedUser | null, id: string): ManagedUser {
  if (user === null) throw AppError.notFound('user', id);
  if (isPlatformAdmin(principal)) return user;
  if (!user.groupIds.some((g) => principal.groupIds.includes(g))) throw AppError.notFound('user', id);
  if (!GROUP_ADMIN_MANAGES.includes(user.role) || !user.groupIds.every((g) => principal.groupIds.includes(g))) {
    throw AppError.forbidden('a group admin manages only the support users and venue managers of their own groups');
  }
  return user;
}

/** The memberships a change may set: a group admin names only their own groups, support users stay support users. */
export function checkNewMemberships(principal: Principal, role: Role, groupIds: readonly string[]): void {
  if (role === Role.RESIDENT) throw AppError.validation([{ field: 'role', message: 'residents are customers, not users' }]);
  if (role === Role.PLATFORM_ADMIN && groupIds.length > 0) throw AppError.validation([{ field: 'groupIds', message: 'a platform admin belongs to no group' }]);
  if (role !== Role.PLATFORM_ADMIN && groupIds.length === 0) throw AppError.validation([{ field: 'groupIds', message: 'a group user needs at least one group' }]);
  if (!isPlatformAdmin(principal)) {
    const foreign = groupIds.find((g) => !principal.groupIds.includes(g));
    if (foreign !== undefined) throw AppError.notFound('group', foreign);
  }
}
