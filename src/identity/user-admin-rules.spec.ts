import { Principal, Role } from '../common/auth/principal';
import { AppError, ErrorCode } from '../common/errors/app-error';
import { assertManageable, checkNewMemberships, ManagedUser } from './user-admin-rules';

const platform: Principal = { userId: 'p', email: 'p@x.io', role: Role.PLATFORM_ADMIN, groupIds: [] };
const groupAdmin: Principal = { userId: 'a', email: 'a@x.io', role: Role.GROUP_ADMIN, groupIds: ['g1', 'g2'] };

function codeOf(f: () => unknown): ErrorCode | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return undefined;
}

describe('assertManageable', () => {
  const support = (groupIds: string[]): ManagedUser => ({ id: 'u', role: Role.GROUP_SUPPORT, groupIds });

  it('lets platform admins manage anyone, and reports a missing user as NOT_FOUND', () => {
    expect(codeOf(() => assertManageable(platform, { id: 'u', role: Role.GROUP_ADMIN, groupIds: ['g9'] }, 'u'))).toBeUndefined();
    expect(codeOf(() => assertManageable(platform, null, 'u'))).toBe(ErrorCode.NOT_FOUND);
  });

  it('lets a group admin manage support users whose every group is theirs', () => {
    expect(codeOf(() => assertManageable(groupAdmin, support(['g1', 'g2']), 'u'))).toBeUndefined();
    expect(codeOf(() => assertManageable(groupAdmin, support(['g1', 'g3']), 'u'))).toBe(ErrorCode.FORBIDDEN);
    expect(codeOf(() => assertManageable(groupAdmin, { id: 'u', role: Role.GROUP_ADMIN, groupIds: ['g1'] }, 'u'))).toBe(ErrorCode.FORBIDDEN);
  });

  it('hides users who share no group with the group admin (NOT_FOUND)', () => {
    expect(codeOf(() => assertManageable(groupAdmin, support(['g3']), 'u'))).toBe(ErrorCode.NOT_FOUND);
    expect(codeOf(() => assertManageable(groupAdmin, { id: 'u', role: Role.PLATFORM_ADMIN, groupIds: [] }, 'u'))).toBe(ErrorCode.NOT_FOUND);
  });
});

describe('checkNewMemberships', () => {
  it('keeps platform admins out of groups and group users in at least one', () => {
    expect(codeOf(() => checkNewMemberships(platform, Role.PLATFORM_ADMIN, ['g1']))).toBe(ErrorCode.VALIDATION_FAILED);
    expect(codeOf(() => checkNewMemberships(platform, Role.GROUP_SUPPORT, []))).toBe(ErrorCode.VALIDATION_FAILED);
    expect(codeOf(() => checkNewMemberships(platform, Role.GROUP_SUPPORT, ['g9']))).toBeUndefined();
  });

  it('lets a group admin name only their own groups', () => {
    expect(codeOf(() => checkNewMemberships(groupAdmin, Role.GROUP_SUPPORT, ['g2']))).toBeUndefined();
    expect(codeOf(() => checkNewMemberships(groupAdmin, Role.GROUP_SUPPORT, ['g1', 'g3']))).toBe(ErrorCode.NOT_FOUND);
  });
});
