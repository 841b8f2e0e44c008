// The guard: tokens (missing, malformed, forged, expired, of a deleted user), roles, and
// deny by default for a resolver that declares no permission.

import { Module } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { describeEachDatabase, expectData, expectErrorCode, gql, useTestApp } from './support';
import { createGroupWithAdmin, createSupportUser, platformAdmin } from './support/roles';

@Resolver()
class UndeclaredResolver {
  @Query(() => String)
  undeclaredSecret(): string {
    return 'should never be returned';
  }
}

@Module({ providers: [UndeclaredResolver] })
class UndeclaredModule {}

const ME = `{ me { email role } }`;

describeEachDatabase('auth guard', (db) => {
  const t = useTestApp(db, { imports: [UndeclaredModule] });

  it('refuses a resolver that declares no permission, even to a platform admin', async () => {
    const res = await gql(t.current, `{ undeclaredSecret }`, {}, await platformAdmin(t.current));
    expectErrorCode(res, 'FORBIDDEN');
    expect(res.data).toBeNull();
  });

  it.each([
    ['a malformed token', 'not-a-jwt'],
    ['a token signed with another secret', new JwtService({ secret: 'x'.repeat(40) }).sign({ sub: 'u' }, { expiresIn: 60 })],
  ])('refuses %s as UNAUTHENTICATED', async (_label, token) => {
    expectErrorCode(await gql(t.current, ME, {}, token), 'UNAUTHENTICATED');
  });

  it('refuses an expired token', async () => {
    const adminToken = await platformAdmin(t.current);
    const { sub } = new JwtService().decode<{ sub: string }>(adminToken);
    const past = Math.floor(Date.now() / 1000) - 3600;
    const expired = new JwtService({ secret: t.current.config.jwtSecret }).sign({ sub, iat: past - 60, exp: past });
    expectErrorCode(await gql(t.current, ME, {}, expired), 'UNAUTHENTICATED');
    expectData(await gql(t.current, ME, {}, adminToken));
  });

  it('refuses the token of a user who no longer exists', async () => {
    const { groupId } = await createGroupWithAdmin(t.current);
    const support = await createSupportUser(t.current, groupId);
    expectData(await gql(t.current, ME, {}, support.token));
    await t.current.app.get(DataSource).createQueryBuilder().delete().from('users').where('id = :id', { id: support.userId }).execute();
    expectErrorCode(await gql(t.current, ME, {}, support.token), 'UNAUTHENTICATED');
  });

  it('refuses a role without the permission as FORBIDDEN', async () => {
    const { groupId } = await createGroupWithAdmin(t.current);
    const support = await createSupportUser(t.current, groupId);
    expectErrorCode(await gql(t.current, `{ users { edges { node { id } } } }`, {}, support.token), 'FORBIDDEN');
    expectErrorCode(await gql(t.current, `{ groups { edges { node { id } } } }`, {}, support.token), 'FORBIDDEN');
  });

  it('lets login through without a token and rejects a wrong password like an unknown email', async () => {
    const LOGIN = `mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`;
    const wrong = expectErrorCode(await gql(t.current, LOGIN, { e: 'root@platform.test', p: 'wrong password 123' }), 'UNAUTHENTICATED');
    const unknown = expectErrorCode(await gql(t.current, LOGIN, { e: 'nobody@platform.test', p: 'wrong password 123' }), 'UNAUTHENTICATED');
    expect(wrong.message).toBe(unknown.message);
  });
});
