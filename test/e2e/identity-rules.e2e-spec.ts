// Who may create and list users, isolation between groups (users, audit events), and
// the audit trail of identity mutations.

import { describeEachDatabase, expectData, expectErrorCode, gql, useTestApp } from './support';
import { createGroup, createGroupWithAdmin, createSupportUser, login, platformAdmin, USER_PASSWORD } from './support/roles';

const CREATE_USER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { id email role groups { id } } }`;
const USERS = `query ($groupId: ID, $first: Int, $after: String) {
  users(groupId: $groupId, first: $first, after: $after) { edges { node { email groups { id } } } pageInfo { endCursor hasNextPage } } }`;
const AUDIT = `query ($objectId: ID) { auditEvents(objectId: $objectId) { edges { node { action objectId groupId actorEmail after } } } }`;

interface UsersPage {
  users: { edges: { node: { email: string; groups: { id: string }[] } }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
}
interface AuditPage {
  auditEvents: { edges: { node: { action: string; objectId: string; groupId: string | null; actorEmail: string; after: Record<string, unknown> } }[] };
}

function supportInput(groupIds: string[], email = `s-${Math.random().toString(36).slice(2)}@tenant.test`) {
  return { email, password: USER_PASSWORD, role: 'GROUP_SUPPORT', groupIds };
}

describeEachDatabase('identity: user administration', (db) => {
  const t = useTestApp(db);

  it('lets a group admin create support users in their own group only', async () => {
    const a = await createGroupWithAdmin(t.current);
    const b = await createGroupWithAdmin(t.current);
    const created = expectData(await gql<{ createUser: { role: string; groups: { id: string }[] } }>(t.current, CREATE_USER, { input: supportInput([a.groupId]) }, a.adminToken));
    expect(created.createUser).toMatchObject({ role: 'GROUP_SUPPORT', groups: [{ id: a.groupId }] });

    expectErrorCode(await gql(t.current, CREATE_USER, { input: { ...supportInput([a.groupId]), role: 'GROUP_ADMIN' } }, a.adminToken), 'FORBIDDEN');
    expectErrorCode(await gql(t.current, CREATE_USER, { input: { ...supportInput([]), role: 'PLATFORM_ADMIN' } }, a.adminToken), 'FORBIDDEN');
    expectErrorCode(await gql(t.current, CREATE_USER, { input: supportInput([b.groupId]) }, a.adminToken), 'NOT_FOUND');
  });

  it('refuses group support users to create users', async () => {
    const a = await createGroupWithAdmin(t.current);
    const support = await createSupportUser(t.current, a.groupId);
    expectErrorCode(await gql(t.current, CREATE_USER, { input: supportInput([a.groupId]) }, support.token), 'FORBIDDEN');
  });

  it('reports a duplicate email, whatever its case, as CONFLICT', async () => {
    const a = await createGroupWithAdmin(t.current);
    const admin = await platformAdmin(t.current);
    expectErrorCode(await gql(t.current, CREATE_USER, { input: supportInput([a.groupId], a.adminEmail.toUpperCase()) }, admin), 'CONFLICT');
  });

  it('lets a platform admin create another platform admin, who can log in', async () => {
    const admin = await platformAdmin(t.current);
    const email = 'second-root@platform.test';
    expectData(await gql(t.current, CREATE_USER, { input: { email, password: USER_PASSWORD, role: 'PLATFORM_ADMIN', groupIds: [] } }, admin));
    expect((await login(t.current, email, USER_PASSWORD)).token).toEqual(expect.any(String));
  });

  it('lists only the users of the caller’s groups, and never another group’s', async () => {
    const a = await createGroupWithAdmin(t.current);
    const b = await createGroupWithAdmin(t.current);
    const aSupport = await createSupportUser(t.current, a.groupId);
    const bSupport = await createSupportUser(t.current, b.groupId);

    const seenByA = expectData(await gql<UsersPage>(t.current, USERS, {}, a.adminToken)).users.edges.map((e) => e.node.email);
    expect(seenByA.sort()).toEqual([a.adminEmail, aSupport.email].sort());
    expect(seenByA).not.toContain(bSupport.email);
    expectErrorCode(await gql(t.current, USERS, { groupId: b.groupId }, a.adminToken), 'NOT_FOUND');

    const seenByAdmin = expectData(await gql<UsersPage>(t.current, USERS, { groupId: b.groupId }, await platformAdmin(t.current)));
    expect(seenByAdmin.users.edges.map((e) => e.node.email).sort()).toEqual([b.adminEmail, bSupport.email].sort());
  });

  it('pages through users with a cursor', async () => {
    const group = await createGroup(t.current);
    const admin = await platformAdmin(t.current);
    for (let i = 0; i < 3; i++) expectData(await gql(t.current, CREATE_USER, { input: supportInput([group]) }, admin));
    const first = expectData(await gql<UsersPage>(t.current, USERS, { groupId: group, first: 2 }, admin)).users;
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = expectData(await gql<UsersPage>(t.current, USERS, { groupId: group, first: 2, after: first.pageInfo.endCursor }, admin)).users;
    expect(second.edges).toHaveLength(1);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(second.edges[0].node.email > first.edges[1].node.email).toBe(true);
  });

  it('audits user creation without the password, visible only inside the group', async () => {
    const a = await createGroupWithAdmin(t.current);
    const b = await createGroupWithAdmin(t.current);
    const input = supportInput([a.groupId]);
    const created = expectData(await gql<{ createUser: { id: string } }>(t.current, CREATE_USER, { input }, a.adminToken)).createUser;

    const events = expectData(await gql<AuditPage>(t.current, AUDIT, { objectId: created.id }, a.adminToken)).auditEvents.edges;
    expect(events.map((e) => e.node)).toEqual([
      { action: 'user.create', objectId: created.id, groupId: a.groupId, actorEmail: a.adminEmail, after: { email: input.email, role: 'GROUP_SUPPORT', groupIds: [a.groupId] } },
    ]);
    expect(JSON.stringify(events)).not.toContain(USER_PASSWORD);

    expect(expectData(await gql<AuditPage>(t.current, AUDIT, { objectId: created.id }, b.adminToken)).auditEvents.edges).toEqual([]);
    const allOfB = expectData(await gql<AuditPage>(t.current, AUDIT, {}, b.adminToken)).auditEvents.edges;
    expect(allOfB.every((e) => e.node.groupId === b.groupId)).toBe(true);
  });

  it('shows a user only their own groups in me', async () => {
    const a = await createGroupWithAdmin(t.current);
    await createGroupWithAdmin(t.current);
    const me = expectData(await gql<{ me: { groups: { id: string }[] } }>(t.current, `{ me { groups { id } } }`, {}, a.adminToken));
    expect(me.me.groups).toEqual([{ id: a.groupId }]);
  });
});
