// One helper per role, each going through the public API (login, createGroup, createUser)
// exactly as an operator would, returning tokens for the tests.

import { randomBytes } from 'node:crypto';
import { expectData, gql } from './gql';
import { ADMIN_EMAIL, ADMIN_PASSWORD, TestApp } from './test-app';

export const USER_PASSWORD = 'a long enough password';

export interface GroupWithAdmin {
  groupId: string;
  adminToken: string;
  adminEmail: string;
  adminUserId: string;
}

export interface SupportUser {
  token: string;
  email: string;
  userId: string;
}

const LOGIN = `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token user { id } } }`;
const CREATE_GROUP = `mutation ($name: String!) { createGroup(input: { name: $name }) { id } }`;
const CREATE_USER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { id email } }`;

function unique(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

export async function login(app: TestApp, email: string, password: string): Promise<{ token: string; userId: string }> {
  const data = expectData(await gql<{ login: { token: string; user: { id: string } } }>(app, LOGIN, { email, password }));
  return { token: data.login.token, userId: data.login.user.id };
}

/** The bootstrap platform admin's token. */
export async function platformAdmin(app: TestApp): Promise<string> {
  return (await login(app, ADMIN_EMAIL, ADMIN_PASSWORD)).token;
}

export async function createGroup(app: TestApp, name = unique('group')): Promise<string> {
  const admin = await platformAdmin(app);
  return expectData(await gql<{ createGroup: { id: string } }>(app, CREATE_GROUP, { name }, admin)).createGroup.id;
}

/** A new group and a GROUP_ADMIN of it (created by the platform admin). */
export async function createGroupWithAdmin(app: TestApp): Promise<GroupWithAdmin> {
  const groupId = await createGroup(app);
  const adminEmail = `${unique('admin')}@tenant.test`;
  const input = { email: adminEmail, password: USER_PASSWORD, role: 'GROUP_ADMIN', groupIds: [groupId] };
  expectData(await gql(app, CREATE_USER, { input }, await platformAdmin(app)));
  const { token, userId } = await login(app, adminEmail, USER_PASSWORD);
  return { groupId, adminToken: token, adminEmail, adminUserId: userId };
}

/** A GROUP_SUPPORT user of `groupId` (created by the platform admin). */
export async function createSupportUser(app: TestApp, groupId: string): Promise<SupportUser> {
  const email = `${unique('support')}@tenant.test`;
  const input = { email, password: USER_PASSWORD, role: 'GROUP_SUPPORT', groupIds: [groupId] };
  expectData(await gql(app, CREATE_USER, { input }, await platformAdmin(app)));
  const { token, userId } = await login(app, email, USER_PASSWORD);
  return { token, email, userId };
}
