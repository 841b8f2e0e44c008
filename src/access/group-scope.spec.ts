import { ErrorCode } from '../common/errors/app-error';
import { Principal, Role } from '../common/auth/principal';
import { assertReadable, assertWritable, groupScope, targetGroup } from './group-scope';

const admin: Principal = { userId: 'u1', email: 'a@x.io', role: Role.GROUP_ADMIN, groupIds: ['g1'] };
const support: Principal = { ...admin, role: Role.GROUP_SUPPORT };
const platform: Principal = { ...admin, role: Role.PLATFORM_ADMIN, groupIds: [] };
const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe('group scope', () => {
  it('reports another group and unclaimed rows like missing ones', () => {
    expect(codeOf(() => assertReadable(admin, { groupId: 'g2' }, 'node', 'x'))).toBe(ErrorCode.NOT_FOUND);
    expect(codeOf(() => assertReadable(admin, null, 'node', 'x'))).toBe(ErrorCode.NOT_FOUND);
    expect(codeOf(() => assertReadable(admin, { groupId: null }, 'node', 'x'))).toBe(ErrorCode.NOT_FOUND);
    expect(assertReadable(platform, { groupId: null }, 'node', 'x')).toEqual({ groupId: null });
    expect(assertReadable(support, { groupId: 'g1' }, 'node', 'x')).toEqual({ groupId: 'g1' });
    expect(assertReadable(platform, { groupId: 'g9' }, 'node', 'x')).toEqual({ groupId: 'g9' });
  });

  it('lets support read but not write; another group stays NOT_FOUND for writes', () => {
    expect(codeOf(() => assertWritable(support, { groupId: 'g1' }, 'node', 'x'))).toBe(ErrorCode.FORBIDDEN);
    expect(codeOf(() => assertWritable(admin, { groupId: 'g2' }, 'node', 'x'))).toBe(ErrorCode.NOT_FOUND);
    expect(codeOf(() => assertWritable(admin, { groupId: 'g1' }, 'node', 'x'))).toBeUndefined();
  });

  it('picks the target group of a new object', () => {
    expect(targetGroup(admin, undefined)).toBe('g1');
    expect(codeOf(() => targetGroup(platform, undefined))).toBe(ErrorCode.VALIDATION_FAILED);
    expect(codeOf(() => targetGroup({ ...admin, groupIds: ['g1', 'g2'] }, null))).toBe(ErrorCode.VALIDATION_FAILED);
    expect(codeOf(() => targetGroup(admin, 'g2'))).toBe(ErrorCode.NOT_FOUND);
    expect(codeOf(() => targetGroup(support, 'g1'))).toBe(ErrorCode.FORBIDDEN);
    expect(targetGroup(platform, 'g7')).toBe('g7');
  });

  it('limits queries to the caller groups unless platform admin', () => {
    expect(groupScope(platform)).toBeUndefined();
    expect(groupScope(admin)).toBeDefined();
  });
});
