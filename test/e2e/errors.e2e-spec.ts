// What clients see when things go wrong: validation failures name the fields and write
// nothing; GraphQL's own refusals are VALIDATION_FAILED; a real database error becomes
// INTERNAL with no SQL in the response.

import { Module } from '@nestjs/common';
import { Int, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { Permission, RequirePermission } from '../../src/common/auth/permission';
import { describeEachDatabase, expectData, expectErrorCode, gql, GqlResponse, useTestApp } from './support';
import { createGroup, platformAdmin, USER_PASSWORD } from './support/roles';

@Resolver()
class BrokenResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Query(() => Int)
  @RequirePermission(Permission.PUBLIC)
  async brokenQuery(): Promise<number> {
    await this.dataSource.query('SELECT secret_column FROM no_such_table');
    return 1;
  }
}

@Module({ providers: [BrokenResolver] })
class BrokenModule {}

const CREATE_USER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`;
const USERS = `query ($first: Int) { users(first: $first) { edges { node { email } } } }`;

function fieldsOf(res: GqlResponse<unknown>): string[] {
  return (res.errors?.[0]?.extensions?.fields as { field: string }[] | undefined)?.map((f) => f.field) ?? [];
}

describeEachDatabase('errors', (db) => {
  const t = useTestApp(db, { imports: [BrokenModule] });

  async function userCount(): Promise<number> {
    return t.current.app.get(DataSource).createQueryBuilder().from('users', 'u').getCount();
  }

  it('rejects invalid user input with the offending fields and writes nothing', async () => {
    const admin = await platformAdmin(t.current);
    const group = await createGroup(t.current);
    const before = await userCount();
    const bad = { email: 'not-an-email', password: 'short', role: 'GROUP_SUPPORT', groupIds: ['not-a-uuid'] };
    const res = await gql(t.current, CREATE_USER, { input: bad }, admin);
    expectErrorCode(res, 'VALIDATION_FAILED');
    expect(new Set(fieldsOf(res))).toEqual(new Set(['email', 'password', 'groupIds']));
    const noGroup = await gql(t.current, CREATE_USER, { input: { email: 'ok@tenant.test', password: USER_PASSWORD, role: 'GROUP_SUPPORT', groupIds: [] } }, admin);
    expect(fieldsOf(expectErrorCode(noGroup, 'VALIDATION_FAILED') && noGroup)).toEqual(['groupIds']);
    expect(await userCount()).toBe(before);
    expect(group).toEqual(expect.any(String));
  });

  it('reports an unknown enum value, a wrong type and a missing argument as VALIDATION_FAILED', async () => {
    const admin = await platformAdmin(t.current);
    const unknownRole = await gql(t.current, CREATE_USER, { input: { email: 'x@y.io', password: USER_PASSWORD, role: 'ROOT', groupIds: [] } }, admin);
    expect(fieldsOf(expectErrorCode(unknownRole, 'VALIDATION_FAILED') && unknownRole)).toEqual(['input']);
    expectErrorCode(await gql(t.current, `{ users(first: "ten") { edges { cursor } } }`, {}, admin), 'VALIDATION_FAILED');
    expectErrorCode(await gql(t.current, `mutation { login(email: "a@b.io") { token } }`), 'VALIDATION_FAILED');
    expectErrorCode(await gql(t.current, `{ me { passwordHash } }`, {}, admin), 'VALIDATION_FAILED');
    expectErrorCode(await gql(t.current, `{ me {`, {}, admin), 'VALIDATION_FAILED');
  });

  it('bounds page sizes and cursors', async () => {
    const admin = await platformAdmin(t.current);
    const tooBig = await gql(t.current, USERS, { first: 1000 }, admin);
    expect(fieldsOf(expectErrorCode(tooBig, 'VALIDATION_FAILED') && tooBig)).toEqual(['first']);
    expect(JSON.stringify(tooBig.errors?.[0]?.extensions?.fields)).toContain('must be at most 100');
    const badCursor = await gql(t.current, `{ users(after: "garbage") { edges { cursor } } }`, {}, admin);
    expect(fieldsOf(expectErrorCode(badCursor, 'VALIDATION_FAILED') && badCursor)).toEqual(['after']);
    expectData(await gql(t.current, USERS, { first: 100 }, admin));
  });

  it('refuses queries nested beyond the depth limit (not counting the nesting of introspection)', async () => {
    const nest = (levels: number): string => `{ __schema { types { fields { type ${'{ ofType '.repeat(levels)}{ name }${' }'.repeat(levels)} } } } }`;
    expectData(await gql(t.current, nest(7)));
    const missing = '00000000-0000-4000-8000-000000000000';
    const deep = `{ location(id: "${missing}") { ${'customer { locations { '.repeat(5)}id${' } }'.repeat(5)} } }`;
    const res = await gql(t.current, deep);
    expect(expectErrorCode(res, 'VALIDATION_FAILED').message).toMatch(/depth limit of 10 exceeded, found 12/);
  });

  it('hides a database error behind INTERNAL without any SQL', async () => {
    const res = await gql(t.current, `{ brokenQuery }`);
    const error = expectErrorCode(res, 'INTERNAL');
    expect(error.message).toBe('internal error');
    const body = JSON.stringify(res);
    expect(body).not.toMatch(/no_such_table|secret_column|SELECT|SQLITE|relation|stack/i);
  });
});
