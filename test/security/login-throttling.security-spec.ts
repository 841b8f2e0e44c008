// Finding 11 (and the token and createUser points of finding 10): password guessing is
// throttled per account and per source address with a clear code and retry time, an
// account lock is audited, and nothing tells a known email from an unknown one. A token
// without `exp` is refused; a duplicate email in another group is not revealed.

import { JwtService } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { ACCOUNT_POLICY, SOURCE_POLICY } from '../../src/identity/login-throttle';
import { until } from '../e2e/reconciliation/sim-device';
import { createGroupWithAdmin, createSupportUser, expectData, gql, platformAdmin, TestApp, USER_PASSWORD, useTestApp } from '../e2e/support';

const LOGIN = `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;

async function attempt(app: TestApp, email: string, password: string): Promise<string> {
  const res = await gql(app, LOGIN, { email, password });
  if (res.errors === undefined) return 'ok';
  const [error] = res.errors;
  const retry = error.extensions?.retryAfterSeconds;
  return `${String(error.extensions?.code)}: ${error.message}${typeof retry === 'number' ? ` (retry ${retry > 0 ? 'later' : 'now'})` : ''}`;
}

describe('login throttling (finding 11)', () => {
  const t = useTestApp('sqlite');

  it('locks an account after a few failures, refuses even the right password meanwhile, and audits the lock', async () => {
    const group = await createGroupWithAdmin(t.current);
    const victim = await createSupportUser(t.current, group.groupId);
    const outcomes: string[] = [];
    for (let i = 0; i <= ACCOUNT_POLICY.freeFailures; i++) outcomes.push(await attempt(t.current, victim.email, `guess ${i}`));
    expect(new Set(outcomes)).toEqual(new Set(['UNAUTHENTICATED: invalid email or password']));
    const locked = await attempt(t.current, victim.email, USER_PASSWORD);
    expect(locked).toMatch(/^TOO_MANY_REQUESTS: too many failed logins; try again in \d+ s \(retry later\)$/);
    const res = await gql(t.current, LOGIN, { email: victim.email.toUpperCase(), password: USER_PASSWORD });
    expect(res.errors?.[0].extensions).toEqual({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: ACCOUNT_POLICY.baseLockMs / 1000 });

    // The audit is written without delaying the answer (which must not tell known accounts apart).
    await until('the lock audited', async () => {
      const audit = await gql<{ auditEvents: { edges: { node: { action: string } }[] } }>(
        t.current,
        `query ($id: ID!) { auditEvents(objectId: $id, first: 10) { edges { node { action after } } } }`,
        { id: victim.userId },
        group.adminToken,
      );
      return expectData(audit).auditEvents.edges.some((e) => e.node.action === 'user.lock');
    });
  });

  it('answers an unknown email exactly as a known one, lock included', async () => {
    const group = await createGroupWithAdmin(t.current);
    const known = await createSupportUser(t.current, group.groupId);
    const unknown = `nobody-${known.email}`;
    const run = async (email: string): Promise<string[]> => {
      const outcomes: string[] = [];
      for (let i = 0; i <= ACCOUNT_POLICY.freeFailures + 1; i++) outcomes.push(await attempt(t.current, email, `guess ${i}`));
      return outcomes;
    };
    expect(await run(unknown)).toEqual(await run(known.email));
  });

  it('refuses a token without exp, however well signed', async () => {
    const admin = await platformAdmin(t.current);
    const me = expectData(await gql<{ me: { id: string } }>(t.current, '{ me { id } }', {}, admin)).me.id;
    const jwt = new JwtService({ secret: createSecretKey(Buffer.from(t.current.config.jwtSecret, 'utf8')) });
    const forever = jwt.sign({ sub: me }, { algorithm: 'HS256' });
    const res = await gql(t.current, '{ me { id } }', {}, forever);
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('does not reveal that an email belongs to a user of another group', async () => {
    const mine = await createGroupWithAdmin(t.current);
    const other = await createGroupWithAdmin(t.current);
    const input = { email: other.adminEmail, password: USER_PASSWORD, role: 'GROUP_SUPPORT', groupIds: [mine.groupId] };
    const res = await gql(t.current, `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`, { input }, mine.adminToken);
    expect(res.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['CONFLICT', 'this email cannot be used for a new user']]);
    expect(JSON.stringify(res)).not.toContain(other.adminEmail);
  });
});

describe('login throttling per source address (finding 11)', () => {
  const t = useTestApp('sqlite');

  it('refuses every login from an address that failed too often, whatever the email', async () => {
    const group = await createGroupWithAdmin(t.current);
    const user = await createSupportUser(t.current, group.groupId);
    for (let i = 0; i < SOURCE_POLICY.freeFailures + 1; i++) {
      expect(await attempt(t.current, `spray-${i}@nowhere.test`, 'password123456')).toBe('UNAUTHENTICATED: invalid email or password');
    }
    expect(await attempt(t.current, user.email, USER_PASSWORD)).toMatch(/^TOO_MANY_REQUESTS: .* \(retry later\)$/);
  });
});
