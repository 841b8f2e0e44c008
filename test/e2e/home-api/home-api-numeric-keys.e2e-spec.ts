// HOME_API_NUMERIC_KEYS: the keys the gateway answers are numbers (Attachment A types them
// NUMBER(12)), one per object and kept, read back when sent; our ids still work, a number of
// another kind or unknown is a bad key, and the modem errors name the site by its number.
// computer_key is numbered as the others.

import { describeEachDatabase, expectData, gql, useTestApp } from '../support';
import { createGroup, platformAdmin } from '../support/roles';
import { COMMON, CUSTOMER_BY_ACCOUNT, GATEWAY_ENV, GROUP, NODE, port, site, subscriber } from './gateway-fixtures';
import { expectedError, expectedSuccess, MsoClient, transaction } from './mso-client';

function numberOf(answer: string, name: string): string {
  const m = new RegExp(`\\|${name}=(\\d{1,12})\\|`).exec(answer);
  if (m === null) throw new Error(`no numeric ${name} in ${JSON.stringify(answer)}`);
  return m[1] as string;
}

describeEachDatabase('@Home API 2.0 gateway: numeric keys', (db) => {
  const t = useTestApp(db, { env: { ...GATEWAY_ENV, HOME_API_NUMERIC_KEYS: 'true', HOME_API_LOGIN_DOMAIN: 'home.example.net' } });
  let admin: string;
  let groupId: string;
  let client: MsoClient;

  beforeAll(async () => {
    groupId = await createGroup(t.current, GROUP);
    admin = await platformAdmin(t.current);
    client = await MsoClient.open(port(t.current));
  });

  afterAll(() => client.close());

  it('answers numbers, reads them back, and keeps each object\'s number', async () => {
    const created = await client.send(subscriber('5001'));
    const sub = numberOf(created, 'subscriber_key');
    expect(created).toBe(expectedSuccess('CREATE', 'SUBSCRIBER', [['subscriber_key', sub]]));
    const customerId = expectData(await gql<{ customerByAccountId: { id: string } }>(t.current, CUSTOMER_BY_ACCOUNT, { accountId: '5001', groupId }, admin)).customerByAccountId.id;

    const siteAnswer = await client.send(site(['subscriber_key', sub], '9501'));
    const siteKey = numberOf(siteAnswer, 'site_key');
    expect(siteKey).not.toBe(sub);
    expect(await client.send(transaction('UPDATE', 'SUBSCRIBER', [...COMMON, ['subscriber_key', sub], ['sub_lastname', 'Doe'], ['sub_firstname', 'Jane']]))).toBe(expectedSuccess('UPDATE', 'SUBSCRIBER'));
    // Our id works as well; a site's number is no subscriber's; an unknown number is a bad key.
    expect(await client.send(transaction('UPDATE', 'SUBSCRIBER', [...COMMON, ['subscriber_key', customerId], ['other_email', 'jd@mso.test']]))).toBe(expectedSuccess('UPDATE', 'SUBSCRIBER'));
    expect(await client.send(transaction('UPDATE', 'SUBSCRIBER', [...COMMON, ['subscriber_key', siteKey], ['other_email', 'x@mso.test']]))).toBe(expectedError('UPDATE', 'SUBSCRIBER', -20035, 'Bad subscriber_key'));
    expect(await client.send(transaction('UPDATE', 'SUBSCRIBER', [...COMMON, ['subscriber_key', '999999999999']]))).toBe(expectedError('UPDATE', 'SUBSCRIBER', -20035, 'Bad subscriber_key'));

    const modem = (fields: [string, string][]) => transaction('CREATE', 'MODEM', [...COMMON, ['site_key', siteKey], ...fields]);
    const modemAnswer = await client.send(modem([['manufacturer', 'OTHER'], ['model', 'X'], ['serial_number', 'HANUM0001']]));
    const modemKey = numberOf(modemAnswer, 'modem_key');
    expect(expectData(await gql<{ nodeBySerial: { locationId: string } }>(t.current, NODE, { serial: 'HANUM0001' }, admin)).nodeBySerial.locationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await client.send(modem([['manufacturer', 'OTHER'], ['model', 'X'], ['serial_number', 'HANUM0001']]))).toBe(
      expectedError('CREATE', 'MODEM', -20053, `Modem with serial number: HANUM0001 is already assigned to ${siteKey}`),
    );
    // The same node answers the same number.
    const update = await client.send(transaction('UPDATE', 'MODEM', [...COMMON, ['modem_key', modemKey], ['manufacturer', 'OTHER'], ['model', 'Y'], ['serial_number', 'HANUM0001']]));
    expect(update).toBe(expectedSuccess('UPDATE', 'MODEM', [['modem_key', modemKey]]));

    const login = await client.send(
      transaction('CREATE', 'LOGIN', [...COMMON, ['subscriber_key', sub], ['login_last_name', 'Doe'], ['login_first_name', 'Jane'], ['login', 'jane'], ['password', 'foobar88'], ['password_type', 'N']]),
    );
    const loginKey = numberOf(login, 'login_key');
    expect(login).toBe(expectedSuccess('CREATE', 'LOGIN', [['login_key', loginKey], ['assigned_login', 'jane'], ['assigned_domain', 'home.example.net']]));
    expect(await client.send(transaction('UPDATE', 'LOGIN', [...COMMON, ['login_key', loginKey], ['login_first_name', 'J']]))).toBe(expectedSuccess('UPDATE', 'LOGIN'));

    const computer = await client.send(transaction('CREATE', 'COMPUTER', [...COMMON, ['site_key', siteKey], ['os', 'UNIX']]));
    const computerKey = numberOf(computer, 'computer_key');
    expect(computer).toBe(expectedSuccess('CREATE', 'COMPUTER', [['computer_key', computerKey], ['cpe_dns_name', /cpe_dns_name=(CA\d+-A)\|/.exec(computer)?.[1] ?? 'none']]));
    expect(await client.send(transaction('UPDATE', 'COMPUTER', [...COMMON, ['computer_key', computerKey], ['ram', '>16MB']]))).toBe(expectedSuccess('UPDATE', 'COMPUTER'));
    expect(await client.send(transaction('UPDATE', 'COMPUTER', [...COMMON, ['computer_key', loginKey], ['ram', '8MB']]))).toBe(
      expectedError('UPDATE', 'COMPUTER', -20994, 'Null or invalid BOS/MSO (subscriber/site/computer/modem/login) key. Please check the key and try again'),
    );

    expect(await client.send(transaction('DELETE', 'SITE', [...COMMON, ['site_key', siteKey]]))).toBe(expectedSuccess('DELETE', 'SITE'));
    expect(await client.send(transaction('DELETE', 'SITE', [...COMMON, ['site_key', siteKey]]))).toBe(expectedError('DELETE', 'SITE', -20037, 'Bad site_ key'));
  });
});
