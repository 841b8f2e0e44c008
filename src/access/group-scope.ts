// "Which objects may this principal touch", answered in one place for every provisioning
// service. An object of another group is reported exactly like a missing one (NOT_FOUND),
// so ids cannot be probed across tenants; a visible object the caller may not change is
// FORBIDDEN.

import { FindOperator, In } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { canReadGroup, canWriteGroup, isPlatformAdmin, Principal } from '../common/auth/principal';

/** A TypeORM condition on groupId limiting a query to the caller's groups (undefined: no limit). */
export function groupScope(principal: Principal): FindOperator<string> | undefined {
  return isPlatformAdmin(principal) ? undefined : In(principal.groupIds);
}

/**
 * Throws NOT_FOUND unless the object exists and its group is readable by the caller. Rows
 * without a group (unclaimed nodes) are visible to platform admins only.
 */
export function assertReadable<T extends { groupId: string | null }>(principal: Principal, row: T | null, what: string, id: string): T {
  if (row === null) throw AppError.notFound(what, id);
  const visible = row.groupId === null ? isPlatformAdmin(principal) : canReadGroup(principal, row.groupId);
  if (!visible) throw AppError.notFound(what, id);
  return row;
}

/** As assertReadable, and FORBIDDEN when the caller may read but not write the object's group. */
export function assertWritable<T extends { groupId: string | null }>(principal: Principal, row: T | null, what: string, id: string): T {
  const visible = assertReadable(principal, row, what, id);
  if (visible.groupId === null ? !isPlatformAdmin(principal) : !canWriteGroup(principal, visible.groupId)) throw AppError.forbidden(`not allowed to change ${what} ${id}`);
  return visible;
}

/**
 * The group a new object goes into: the one named, or the caller's only group. A group the
 * caller cannot see is NOT_FOUND; one it can only read is FORBIDDEN.
 */
export function targetGroup(principal: Principal, groupId: string | undefined | null): string {
  if (groupId === undefined || groupId === null) {
    if (!isPlatformAdmin(principal) && principal.groupIds.length === 1) return targetGroup(principal, principal.groupIds[0]);
    throw AppError.validation([{ field: 'groupId', message: 'is required when the caller is not in exactly one group' }]);
  }
  if (!canReadGroup(principal, groupId)) throw AppError.notFound('group', groupId);
  if (!canWriteGroup(principal, groupId)) throw AppError.forbidden(`not allowed to write in group ${groupId}`);
  return groupId;
}
