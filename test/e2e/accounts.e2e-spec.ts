// Users and groups changed and deleted, per role, with what happens to their objects;
// changing one's own password; revoking a user's sessions (older tokens stop working,
// newer ones work).

import { createCustomer } from './provisioning/provisioning-ops';
import { createGroup, createGroupWithAdmin, createSupportUser, describeEachDatabase, expectData, expectErrorCode, gql, GroupWithAdmin, login, platformAdmin, useTestApp, USER_PASSWORD } from './support';

const ME = '{ me { id email role groups { id } } }';
const UPDATE_USER = `mutation ($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id email role groups { id } } }`;
const DELETE_USER = `mutation ($id: ID!) { deleteUser(id: $id) }`;
const REVOKE = `mutation ($id: ID!) { revokeUserSessions(id: $id) { id } }`;
const CHANGE_PASSWORD = `mutation ($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) { token user { id } } }`;
const UPDATE_GROUP = `mutation ($id: ID!, $name: String) { updateGroup(id: $id, input: { name: $name }) { id name } }`;
const DELETE_GROUP = `mutation ($id: ID!) { deleteGroup(id: $id) }`;

describeEachDatabase('accounts', (db) => {
  const t = useTestApp(db);
  let admin: string;
  let tenant: GroupWithAdmin;
  let other: GroupWithAdmin;

  beforeAll(async () => {
    admin = await platformAdmin(t.current);
    tenant = await createGroupWithAdmin(t.current);
    other = await createGroupWithAdmin(t.current);
  });

  const run = (query: string, variables: Record<string, unknown>, token: string) => gql(t.current, query, variables, token);

  it('lets a group admin manage the support users of their groups only', async () => {
    const support = await createSupportUser(t.current, tenant.groupId);
    const foreign = await createSupportUser(t.current, other.groupId);
    const renamed = `renamed-${support.userId.slice(0, 8)}@tenant.test`;
    const res = await run(UPDATE_USER, { id: support.userId, input: { email: renamed } }, tenant.adminToken);
    expect(expectData(res as never)).toMatchObject({ updateUser: { email: renamed, role: 'GROUP_SUPPORT' } });
    expectErrorCode(await run(UPDATE_USER, { id: foreign.userId, input: { email: renamed } }, tenant.adminToken), 'NOT_FOUND');
    expectErrorCode(await run(UPDATE_USER, { id: support.userId, input: { role: 'GROUP_ADMIN' } }, tenant.adminToken), 'FORBIDDEN');
    expectErrorCode(await run(UPDATE_USER, { id: support.userId, input: { groupIds: [other.groupId] } }, tenant.adminToken), 'NOT_FOUND');
    expectErrorCode(await run(UPDATE_USER, { id: other.adminUserId, input: { email: renamed } }, tenant.adminToken), 'NOT_FOUND');
    expectErrorCode(await run(UPDATE_USER, { id: support.userId, input: { email: 'x@y.io' } }, support.token), 'FORBIDDEN');
    expectErrorCode(await run(UPDATE_USER, { id: support.userId, input: { email: other.adminEmail } }, admin), 'CONFLICT');
  });

  it('deletes a user: their token stops working, and nobody deletes themselves or the last platform admin', async () => {
    const support = await createSupportUser(t.current, tenant.groupId);
    expectData(await run(ME, {}, support.token));
    expectErrorCode(await run(DELETE_USER, { id: support.userId }, support.token), 'FORBIDDEN');
    expectErrorCode(await run(DELETE_USER, { id: support.userId }, other.adminToken), 'NOT_FOUND');
    expect(expectData(await run(DELETE_USER, { id: support.userId }, tenant.adminToken))).toEqual({ deleteUser: support.userId });
    expectErrorCode(await run(ME, {}, support.token), 'UNAUTHENTICATED');
    const me = expectData(await gql<{ me: { id: string } }>(t.current, ME, {}, admin)).me;
    expectErrorCode(await run(DELETE_USER, { id: me.id }, admin), 'PRECONDITION_FAILED');
  });

  it('revokes a user\'s sessions: tokens issued before stop working, a new login works', async () => {
    const support = await createSupportUser(t.current, tenant.groupId);
    const second = await login(t.current, support.email, USER_PASSWORD);
    expectErrorCode(await run(REVOKE, { id: support.userId }, support.token), 'FORBIDDEN');
    expectErrorCode(await run(REVOKE, { id: support.userId }, other.adminToken), 'NOT_FOUND');
    expectData(await run(REVOKE, { id: support.userId }, tenant.adminToken));
    expectErrorCode(await run(ME, {}, support.token), 'UNAUTHENTICATED');
    expectErrorCode(await run(ME, {}, second.token), 'UNAUTHENTICATED');
    const fresh = await login(t.current, support.email, USER_PASSWORD);
    expectData(await run(ME, {}, fresh.token));
  });

  it('changes your own password with the current one; other sessions end, the new token works', async () => {
    const support = await createSupportUser(t.current, tenant.groupId);
    const newPassword = 'another long password';
    const wrong = await run(CHANGE_PASSWORD, { current: 'not my password', next: newPassword }, support.token);
    expect((expectErrorCode(wrong, 'VALIDATION_FAILED').extensions?.fields as { field: string }[]).map((f) => f.field)).toEqual(['currentPassword']);
    expectErrorCode(await run(CHANGE_PASSWORD, { current: USER_PASSWORD, next: 'short' }, support.token), 'VALIDATION_FAILED');
    const changed = expectData(await gql<{ changePassword: { token: string } }>(t.current, CHANGE_PASSWORD, { current: USER_PASSWORD, next: newPassword }, support.token));
    expectErrorCode(await run(ME, {}, support.token), 'UNAUTHENTICATED');
    expectData(await run(ME, {}, changed.changePassword.token));
    expectErrorCode(await gql(t.current, 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: support.email, p: USER_PASSWORD }), 'UNAUTHENTICATED');
    await login(t.current, support.email, newPassword);
  });

  it('renames and deletes groups (platform admins); a group with customers is a CONFLICT', async () => {
    const empty = await createGroup(t.current);
    const member = await createSupportUser(t.current, empty);
    expectErrorCode(await run(UPDATE_GROUP, { id: empty, name: 'x' }, tenant.adminToken), 'FORBIDDEN');
    expect(expectData(await run(UPDATE_GROUP, { id: empty, name: `renamed-${empty.slice(0, 8)}` }, admin))).toEqual({ updateGroup: { id: empty, name: `renamed-${empty.slice(0, 8)}` } });
    await createCustomer(t.current, tenant.adminToken);
    const refused = await run(DELETE_GROUP, { id: tenant.groupId }, admin);
    expect(expectErrorCode(refused, 'CONFLICT').message).toContain('customer');
    expect(expectData(await run(DELETE_GROUP, { id: empty }, admin))).toEqual({ deleteGroup: empty });
    const me = expectData(await gql<{ me: { groups: unknown[] } }>(t.current, ME, {}, member.token)).me;
    expect(me.groups).toEqual([]);
    expectErrorCode(await run(DELETE_GROUP, { id: empty }, admin), 'NOT_FOUND');
  });
});
