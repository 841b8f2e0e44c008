// LOGIN through the gateway (4.3, 6.4.15 to 6.4.20), byte for byte: CREATE gives the
// customer its sign-in (`<login>@<domain>` and the password, checked by signing in), a "?"
// asks for the next free name, UPDATE changes the password, CHANGE renames under a new
// login_key and ages the old name, DELETE ages it, RECREATE restores it to its subscriber;
// duplicates, aging, another MSO's logins and every refused input answer Attachment H's errors.

import { CustomerCredentialsService } from '../../../src/oauth/customers/customer-credentials.service';
import { describeEachDatabase, expectData, gql, useTestApp } from '../support';
import { createGroup, platformAdmin } from '../support/roles';
import { COMMON, COMPUTERS, CUSTOMER, CustomerView, DATE, GATEWAY_ENV, GROUP, keyOf, MSO, NODE, port, site, subscriber } from './gateway-fixtures';
import { expectedError, expectedSuccess, MsoClient, transaction } from './mso-client';

const DOMAIN = 'home.example.net';
const OTHER_MSO = 'OTHERCABLE';
const OTHER_GROUP = 'other-cable-home-api';
const OTHER_COMMON: [string, string][] = [
  ['create_date', DATE],
  ['mso_name', OTHER_MSO],
];
const LOGIN_EXISTS = 'Login/email record already exists';
const NO_MATCH = 'bos_login record not found for login';
const DELETED = 'bos_login record already deleted';

describeEachDatabase('@Home API 2.0 gateway: LOGIN', (db) => {
  const t = useTestApp(db, {
    env: {
      ...GATEWAY_ENV,
      HOME_API_MSOS: `${MSO}=${GROUP},${OTHER_MSO}=${OTHER_GROUP}`,
      HOME_API_MSO_ADDRESSES: `${MSO}=127.0.0.1,${OTHER_MSO}=127.0.0.2`,
      HOME_API_LOGIN_DOMAIN: DOMAIN,
    },
  });
  let admin: string;
  let groupId: string;
  let client: MsoClient;
  let other: MsoClient;

  beforeAll(async () => {
    groupId = await createGroup(t.current, GROUP);
    await createGroup(t.current, OTHER_GROUP);
    admin = await platformAdmin(t.current);
    client = await MsoClient.open(port(t.current));
    other = await MsoClient.open(port(t.current), '127.0.0.2');
  });

  afterAll(() => {
    client.close();
    other.close();
  });

  const person: [string, string][] = [
    ['login_last_name', 'Zeo'],
    ['login_first_name', 'Ann'],
  ];
  const createLogin = (subscriberKey: string, login: string, extra: [string, string][] = [], common = COMMON) =>
    transaction('CREATE', 'LOGIN', [...common, ['subscriber_key', subscriberKey], ...person, ['login', login], ['password', 'foobar88'], ['password_type', 'N'], ...extra]);
  const customer = async (id: string) => expectData(await gql<{ customer: CustomerView }>(t.current, CUSTOMER, { id }, admin)).customer;
  const signsIn = (email: string, password: string) =>
    t.current.app
      .get(CustomerCredentialsService)
      .login(groupId, email, password, 'home-api-login-test')
      .then(
        () => true,
        () => false,
      );

  it('runs the whole provisioning order of 5.6.8 (subscriber, site, login, computer, modem), seen in GraphQL', async () => {
    const sub = keyOf(await client.send(subscriber('4301')), 'subscriber_key');
    const siteKey = keyOf(await client.send(site(['mso_subscriber_key', '4301'], '9301')), 'site_key');
    const login = await client.send(createLogin(sub, 'order'));
    expect(login).toBe(expectedSuccess('CREATE', 'LOGIN', [['login_key', keyOf(login, 'login_key')], ['assigned_login', 'order'], ['assigned_domain', DOMAIN]]));
    const computer = await client.send(transaction('CREATE', 'COMPUTER', [...COMMON, ['site_key', siteKey], ['os', 'WIN 95'], ['cpu', '486/66 or better'], ['mac_address', '02:00:00:43:01:01']]));
    const dnsName = /\|cpe_dns_name=(CA\d{1,6}-A)\|/.exec(computer)?.[1] ?? 'none';
    expect(computer).toBe(expectedSuccess('CREATE', 'COMPUTER', [['computer_key', keyOf(computer, 'computer_key')], ['cpe_dns_name', dnsName]]));
    const modem = await client.send(transaction('CREATE', 'MODEM', [...COMMON, ['site_key', siteKey], ['manufacturer', 'OTHER'], ['model', 'X'], ['serial_number', 'HALOGIN01']]));
    expect(modem).toBe(expectedSuccess('CREATE', 'MODEM', [['modem_key', keyOf(modem, 'modem_key')]]));
    expect(await customer(sub)).toMatchObject({ email: `order@${DOMAIN}`, accountId: '4301', status: 'ACTIVE', locations: [{ id: siteKey, serviceId: '9301' }] });
    expect(expectData(await gql<{ nodeBySerial: { locationId: string } }>(t.current, NODE, { serial: 'HALOGIN01' }, admin)).nodeBySerial.locationId).toBe(siteKey);
    const computers = expectData(await gql<{ location: { homeApiComputers: unknown[] } }>(t.current, COMPUTERS, { id: siteKey }, admin)).location.homeApiComputers;
    expect(computers).toEqual([{ id: keyOf(computer, 'computer_key'), cpeDnsName: dnsName, macAddress: '02:00:00:43:01:01', os: 'WIN 95', preProvisioned: false }]);
    expect(await signsIn(`order@${DOMAIN}`, 'foobar88')).toBe(true);
  });

  it('creates, updates, changes, deletes and recreates a subscriber\'s login, as the customer\'s sign-in', async () => {
    const sub = keyOf(await client.send(subscriber('4001')), 'subscriber_key');

    const created = await client.send(createLogin(sub, 'Zeo', [['mso_login_key', '7001']]));
    const loginKey = keyOf(created, 'login_key');
    expect(created).toBe(expectedSuccess('CREATE', 'LOGIN', [['login_key', loginKey], ['assigned_login', 'zeo'], ['assigned_domain', DOMAIN]]));
    expect((await customer(sub)).email).toBe(`zeo@${DOMAIN}`);
    expect(await signsIn(`zeo@${DOMAIN}`, 'foobar88')).toBe(true);

    // Resends after a lost answer (5.7.1): by the MSO's key, or by the name.
    expect(await client.send(createLogin(sub, 'zeo', [['mso_login_key', '7001']]))).toBe(
      expectedError('CREATE', 'LOGIN', -20027, 'Bos login record already exists for mso_login_key and mso_name'),
    );
    expect(await client.send(createLogin(sub, 'zeo'))).toBe(expectedError('CREATE', 'LOGIN', -20015, LOGIN_EXISTS));
    expect(await client.send(createLogin(sub, 'ann'))).toBe(
      expectedError('CREATE', 'LOGIN', -20000, 'Generic error (this subscriber has a login already: a customer signs in with one login here)'),
    );

    // UPDATE: the password (by the MSO's key), and the login's names alone.
    const update = (fields: [string, string][]) => transaction('UPDATE', 'LOGIN', [...COMMON, ...fields]);
    expect(await client.send(update([['mso_login_key', '7001'], ['password', 'foobar99'], ['password_type', 'n']]))).toBe(expectedSuccess('UPDATE', 'LOGIN'));
    expect(await signsIn(`zeo@${DOMAIN}`, 'foobar88')).toBe(false);
    expect(await signsIn(`zeo@${DOMAIN}`, 'foobar99')).toBe(true);
    expect(await client.send(update([['login_key', loginKey], ['login_first_name', 'Anne']]))).toBe(expectedSuccess('UPDATE', 'LOGIN'));

    // CHANGE: a new name under a new key; the old key is a deleted login's.
    const change = transaction('CHANGE', 'LOGIN', [...COMMON, ['subscriber_key', sub], ['login_key', loginKey], ...person, ['password', 'foobar77'], ['password_type', 'N'], ['change_login', 'We'], ['email_forward', 'ann@elsewhere.test']]);
    const changed = await client.send(change);
    const changedKey = keyOf(changed, 'login_key');
    expect(changedKey).not.toBe(loginKey);
    expect(changed).toBe(expectedSuccess('CHANGE', 'LOGIN', [['assigned_login', 'we'], ['assigned_domain', DOMAIN], ['login_key', changedKey]]));
    expect((await customer(sub)).email).toBe(`we@${DOMAIN}`);
    expect(await signsIn(`we@${DOMAIN}`, 'foobar77')).toBe(true);
    expect(await client.send(update([['login_key', loginKey], ['login_first_name', 'X']]))).toBe(expectedError('UPDATE', 'LOGIN', -20061, DELETED));
    // The MSO's key went with the login to its new name.
    expect(await client.send(update([['mso_login_key', '7001'], ['login_key', changedKey], ['login_first_name', 'Ann']]))).toBe(expectedSuccess('UPDATE', 'LOGIN'));

    // The old name ages: nobody gets it again meanwhile; "?" passes over it.
    const sub2 = keyOf(await client.send(subscriber('4002')), 'subscriber_key');
    expect(await client.send(createLogin(sub2, 'zeo'))).toBe(expectedError('CREATE', 'LOGIN', -20059, 'Invalid Reuse of Login'));
    const numbered = await client.send(createLogin(sub2, 'zeo?'));
    expect(numbered).toBe(expectedSuccess('CREATE', 'LOGIN', [['login_key', keyOf(numbered, 'login_key')], ['assigned_login', 'zeo1'], ['assigned_domain', DOMAIN]]));
    expect((await customer(sub2)).email).toBe(`zeo1@${DOMAIN}`);

    // DELETE with forwarding; the sign-in stops; a second DELETE finds it deleted.
    const del = transaction('DELETE', 'LOGIN', [...COMMON, ['login_key', changedKey], ['email_forward', 'ann@elsewhere.test'], ['email_forward_disc_date', '20990101000000']]);
    expect(await client.send(del)).toBe(expectedSuccess('DELETE', 'LOGIN'));
    expect(await signsIn(`we@${DOMAIN}`, 'foobar77')).toBe(false);
    expect(await client.send(del)).toBe(expectedError('DELETE', 'LOGIN', -20061, DELETED));

    // RECREATE within the forwarding period: the same name, to the same subscriber only.
    const recreate = (subscriberKey: string) =>
      transaction('RECREATE', 'LOGIN', [...COMMON, ['subscriber_key', subscriberKey], ...person, ['login', 'we'], ['password', 'foobar66'], ['password_type', 'N'], ['mso_login_key', '7001']]);
    expect(await client.send(recreate(sub2))).toBe(expectedError('RECREATE', 'LOGIN', -20014, NO_MATCH));
    const recreated = await client.send(recreate(sub));
    const recreatedKey = keyOf(recreated, 'login_key');
    expect(recreatedKey).not.toBe(changedKey);
    expect(recreated).toBe(expectedSuccess('RECREATE', 'LOGIN', [['assigned_login', 'we'], ['assigned_domain', DOMAIN], ['login_key', recreatedKey]]));
    expect(await signsIn(`we@${DOMAIN}`, 'foobar66')).toBe(true);
    expect(await client.send(recreate(sub))).toBe(expectedError('RECREATE', 'LOGIN', -20015, LOGIN_EXISTS));
  });

  it('keeps logins unique across MSOs and ages a deleted subscriber\'s login', async () => {
    const sub = keyOf(await client.send(subscriber('4101')), 'subscriber_key');
    expect(await client.send(createLogin(sub, 'shared'))).toMatch(/\|completion_code=0\|login_key=/);
    const otherSub = keyOf(await other.send(transaction('CREATE', 'SUBSCRIBER', [...OTHER_COMMON, ['mso_subscriber_key', '4101'], ['sub_lastname', 'Doe'], ['sub_firstname', 'Jo']])), 'subscriber_key');
    expect(await other.send(createLogin(otherSub, 'shared', [], OTHER_COMMON))).toBe(expectedError('CREATE', 'LOGIN', -20063, 'Login does not belong to this MSO'));
    const ours = keyOf(await client.send(createLogin(keyOf(await client.send(subscriber('4102')), 'subscriber_key'), 'mine')), 'login_key');
    expect(await other.send(transaction('DELETE', 'LOGIN', [...OTHER_COMMON, ['login_key', ours]]))).toBe(expectedError('DELETE', 'LOGIN', -20063, 'Login does not belong to this MSO'));

    // An email another customer of the group has is a taken login too.
    const busy = transaction('CREATE', 'SUBSCRIBER', [...COMMON, ['mso_subscriber_key', '4103'], ['sub_lastname', 'Busy'], ['sub_firstname', 'B'], ['other_email', `busy@${DOMAIN}`]]);
    expect(await client.send(busy)).toMatch(/\|completion_code=0\|subscriber_key=/);
    const sub4 = keyOf(await client.send(subscriber('4104')), 'subscriber_key');
    expect(await client.send(createLogin(sub4, 'busy'))).toBe(expectedError('CREATE', 'LOGIN', -20015, LOGIN_EXISTS));

    // SUBSCRIBER DELETE takes the login with it, into aging (6.4.4).
    expect(await client.send(transaction('DELETE', 'SUBSCRIBER', [...COMMON, ['subscriber_key', sub]]))).toBe(expectedSuccess('DELETE', 'SUBSCRIBER'));
    expect(await client.send(createLogin(sub4, 'shared'))).toBe(expectedError('CREATE', 'LOGIN', -20059, 'Invalid Reuse of Login'));

    // SITE DELETE of the subscriber's last site does too (6.4.6: logins belong to the site).
    const sub5 = keyOf(await client.send(subscriber('4105')), 'subscriber_key');
    const sites = [keyOf(await client.send(site(['subscriber_key', sub5], '9105')), 'site_key'), keyOf(await client.send(site(['subscriber_key', sub5], '9106')), 'site_key')];
    const siteLogin = keyOf(await client.send(createLogin(sub5, 'onsite')), 'login_key');
    const deleteSite = (key: string) => transaction('DELETE', 'SITE', [...COMMON, ['site_key', key]]);
    const touch = transaction('UPDATE', 'LOGIN', [...COMMON, ['login_key', siteLogin], ['login_first_name', 'B']]);
    expect(await client.send(deleteSite(sites[0] as string))).toBe(expectedSuccess('DELETE', 'SITE'));
    expect(await client.send(touch)).toBe(expectedSuccess('UPDATE', 'LOGIN'));
    expect(await client.send(deleteSite(sites[1] as string))).toBe(expectedSuccess('DELETE', 'SITE'));
    expect(await client.send(touch)).toBe(expectedError('UPDATE', 'LOGIN', -20061, DELETED));
    expect(await signsIn(`onsite@${DOMAIN}`, 'foobar88')).toBe(false);
  });

  it('answers the document\'s errors for refused input, and stores nothing', async () => {
    const sub = keyOf(await client.send(subscriber('4201')), 'subscriber_key');
    const base: [string, string][] = [...COMMON, ['subscriber_key', sub]];
    const cases: [string, string][] = [
      [createLogin(sub, 'me_1'), expectedError('CREATE', 'LOGIN', -20011, 'Bad characters in login/email name')],
      [createLogin(sub, 'me', [['additional_login', 'Y'], ['login_key', sub]]), expectedError('CREATE', 'LOGIN', -20000, 'Generic error (child logins have no counterpart here: a customer signs in with one login)')],
      [
        transaction('CREATE', 'LOGIN', [...base, ...person, ['login', 'me'], ['password', 'x8Y2.abc/'], ['password_type', 'Y']]),
        expectedError('CREATE', 'LOGIN', -20000, 'Generic error (password_type=Y: a crypt hash cannot be verified here; send the password with password_type=N)'),
      ],
      [
        transaction('CREATE', 'LOGIN', [...base, ...person, ['login', 'me'], ['password_type', 'N']]),
        expectedError('CREATE', 'LOGIN', -20989, 'Error in request. A value of "password_type=n" implies the request contains a password that is to be encrypted; but the request sent does not contain any password.'),
      ],
      [transaction('CREATE', 'LOGIN', [...base, ...person, ['login', 'me'], ['password', 'short'], ['password_type', 'N']]), expectedError('CREATE', 'LOGIN', -20000, 'Generic error (the password must have 8 to 32 characters)')],
      [transaction('CREATE', 'LOGIN', [...base, ['login_first_name', 'A'], ['login', 'me'], ['password', 'foobar88'], ['password_type', 'N']]), expectedError('CREATE', 'LOGIN', -20041, 'Must specify login_last_name')],
      [transaction('CREATE', 'LOGIN', [...base, ['login_last_name', 'A'], ['login', 'me'], ['password', 'foobar88'], ['password_type', 'N']]), expectedError('CREATE', 'LOGIN', -20042, 'Must specify login_first_name')],
      [transaction('CREATE', 'LOGIN', [...COMMON, ...person, ['login', 'me'], ['password', 'foobar88'], ['password_type', 'N']]), expectedError('CREATE', 'LOGIN', -20030, 'Must specify mso_subscriber_key / bos_subscriber_key')],
      [createLogin(sub, 'a'.repeat(33)), expectedError('CREATE', 'LOGIN', -20991, 'Error in request; a value sent is longer than the maximum allowed. Please check the request string.')],
      [transaction('UPDATE', 'LOGIN', [...COMMON, ['login_first_name', 'A']]), expectedError('UPDATE', 'LOGIN', -20043, 'Must specify login_key')],
      [transaction('UPDATE', 'LOGIN', [...COMMON, ['login_key', sub]]), expectedError('UPDATE', 'LOGIN', -20014, NO_MATCH)],
      [transaction('DELETE', 'LOGIN', [...COMMON, ['mso_login_key', '999']]), expectedError('DELETE', 'LOGIN', -20014, NO_MATCH)],
      [transaction('CHANGE', 'LOGIN', [...base, ['login_key', sub], ...person, ['password', 'foobar88'], ['password_type', 'N'], ['change_login', 'x']]), expectedError('CHANGE', 'LOGIN', -20014, NO_MATCH)],
    ];
    for (const [request, answer] of cases) expect(await client.send(request)).toBe(answer);
    expect((await customer(sub)).email).toBe('j4201@mso.test');
    expect(await client.send(createLogin(sub, 'me'))).toMatch(/\|completion_code=0\|login_key=/);
  });

});
