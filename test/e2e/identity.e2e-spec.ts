import { describeEachDatabase, expectData, expectErrorCode, gql, useTestApp, platformAdmin, ADMIN_EMAIL, ADMIN_PASSWORD } from './support';

const ME = `{ me { id email role groups { id name } } }`;
const LOGIN = `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token expiresAt user { email role } } }`;

describeEachDatabase('identity: login and me', (db) => {
  const t = useTestApp(db);

  it('logs the bootstrap admin in and answers me', async () => {
    const data = expectData(
      await gql<{ login: { token: string; expiresAt: string; user: { email: string; role: string } } }>(t.current, LOGIN, {
        email: ADMIN_EMAIL.toUpperCase(),
        password: ADMIN_PASSWORD,
      }),
    );
    expect(data.login.user).toEqual({ email: ADMIN_EMAIL, role: 'PLATFORM_ADMIN' });
    expect(new Date(data.login.expiresAt).getTime()).toBeGreaterThan(Date.now() + 11 * 3600 * 1000);
    const me = expectData(await gql<{ me: { email: string; groups: unknown[] } }>(t.current, ME, {}, data.login.token));
    expect(me.me).toMatchObject({ email: ADMIN_EMAIL, role: 'PLATFORM_ADMIN', groups: [] });
  });

  it('refuses me without a token', async () => {
    expectErrorCode(await gql(t.current, ME), 'UNAUTHENTICATED');
  });

  it('still works as a smoke check of the admin helper', async () => {
    expect(typeof (await platformAdmin(t.current))).toBe('string');
  });
});
