// The @Home API 2.0 gateway over real TCP: an MSO client built from the document's rules
// provisions a subscriber and its site, resends after a dropped response, sends every kind
// of malformed frame, and checks each answer byte for byte; what it creates is seen in
// GraphQL like any customer.

import { describeEachDatabase, expectData, gql, useTestApp } from '../support';
import { createGroup, platformAdmin } from '../support/roles';
import {
  CLAIM,
  COMMON,
  CUSTOMER,
  CUSTOMER_BY_ACCOUNT,
  CustomerView,
  DATE,
  GATEWAY_ENV,
  GROUP,
  keyOf,
  MSO,
  NETWORKS,
  NODE,
  port,
  site,
  subscriber,
  withLength,
} from './gateway-fixtures';
import { expectedError, expectedSuccess, frame, MsoClient, transaction } from './mso-client';

describeEachDatabase('@Home API 2.0 gateway', (db) => {
  const t = useTestApp(db, { env: GATEWAY_ENV });
  let admin: string;
  let groupId: string;
  let client: MsoClient;

  beforeAll(async () => {
    // The MSO's group is named in the configuration and created afterwards, as an operator would.
    groupId = await createGroup(t.current, GROUP);
    admin = await platformAdmin(t.current);
  });

  beforeEach(async () => {
    client = await MsoClient.open(port(t.current));
  });

  afterEach(() => client.close());

  async function customer(id: string): Promise<CustomerView> {
    return expectData(await gql<{ customer: CustomerView }>(t.current, CUSTOMER, { id }, admin)).customer;
  }

  it('provisions a subscriber and its site in the order of 5.6.8, seen in GraphQL', async () => {
    const created = await client.send(subscriber('1001'));
    const subscriberKey = keyOf(created, 'subscriber_key');
    expect(created).toBe(expectedSuccess('CREATE', 'SUBSCRIBER', [['subscriber_key', subscriberKey]]));
    expect(await customer(subscriberKey)).toMatchObject({ name: 'James Bond', email: 'j1001@mso.test', accountId: '1001', status: 'ACTIVE', locations: [] });

    const siteAnswer = await client.send(site(['subscriber_key', subscriberKey], '5001'));
    const siteKey = keyOf(siteAnswer, 'site_key');
    expect(siteAnswer).toBe(expectedSuccess('CREATE', 'SITE', [['site_key', siteKey]]));
    expect((await customer(subscriberKey)).locations).toEqual([
      {
        id: siteKey,
        name: '12 Main St',
        serviceId: '5001',
        timezone: 'America/New_York',
        address: { street: '12 Main St', city: 'Norwalk, CT', postalCode: '06850', country: 'US' },
      },
    ]);
    const networks = expectData(await gql<{ location: { wifiNetworks: { kind: string; ssid: string; securityMode: string }[] } }>(t.current, NETWORKS, { id: siteKey }, admin));
    expect(networks.location.wifiNetworks).toEqual([{ kind: 'PRIMARY', ssid: expect.stringMatching(/^Home-[0-9A-F]{4}$/), securityMode: 'WPA2_PSK' }]);
  });

  it("accepts the document's own Create Subscriber example (5.6.4), which carries no email", async () => {
    const example = '|CREATE|SUBSCRIBER|create_date=19980131203045|mso_name=ACME|sub_lastname=Bond|sub_firstname=James|mso_subscriber_key=007|\n';
    const answer = await client.send(example);
    const key = keyOf(answer, 'subscriber_key');
    expect(answer).toBe(`0090|CREATE|SUBSCRIBER|completion_code=0|subscriber_key=${key}|\n`);
    expect(await customer(key)).toMatchObject({ name: 'James Bond', email: null, accountId: '007', status: 'ACTIVE' });
  });

  it('accepts the MSO key where ours cannot be given, and names and values in any case', async () => {
    const subscriberKey = keyOf(await client.send(subscriber('1002')), 'subscriber_key');
    const answer = await client.send(
      transaction('update', 'Subscriber', [['CREATE_DATE', DATE], ['Mso_Name', 'acme'], ['MSO_SUBSCRIBER_KEY', '1002'], ['sub_lastname', 'Moneypenny'], ['sub_firstname', 'Eve']]),
    );
    expect(answer).toBe(expectedSuccess('UPDATE', 'SUBSCRIBER'));
    expect((await customer(subscriberKey)).name).toBe('Eve Moneypenny');
    expect(await client.send(site(['mso_subscriber_key', '1002'], '5002'))).toMatch(/completion_code=0\|site_key=/);
    const update = transaction('UPDATE', 'SITE', [...COMMON, ['mso_site_key', '5002'], ['city', 'Stamford'], ['state', 'CT'], ['postcode', '06901']]);
    expect(await client.send(update)).toBe(expectedSuccess('UPDATE', 'SITE'));
    expect((await customer(subscriberKey)).locations[0]?.address).toEqual({ street: '12 Main St', city: 'Stamford, CT', postalCode: '06901', country: 'US' });
  });

  it('answers the duplicate-key error when a create is resent after its response was lost (5.7.1)', async () => {
    client.writeRaw(frame(subscriber('1003')));
    client.close();
    const found = async () => (await gql<{ customerByAccountId: { id: string } }>(t.current, CUSTOMER_BY_ACCOUNT, { accountId: '1003', groupId }, admin)).data;
    for (let i = 0; i < 100 && !(await found()); i++) await new Promise((r) => setTimeout(r, 50));
    const again = await MsoClient.open(port(t.current));
    try {
      expect(await again.send(subscriber('1003'))).toBe(expectedError('CREATE', 'SUBSCRIBER', -20028, 'Bos subscriber already exists'));
      const first = keyOf(await again.send(subscriber('1004')), 'subscriber_key');
      expect(await again.send(site(['subscriber_key', first], '5004'))).toMatch(/completion_code=0/);
      expect(await again.send(site(['subscriber_key', first], '5004'))).toBe(
        expectedError('CREATE', 'SITE', -20021, 'Bos site record already exists for mso_site_key and mso_name'),
      );
    } finally {
      again.close();
    }
  });

  it('deletes a subscriber with the cascade of 6.4.4 and a site with that of 6.4.6', async () => {
    const subscriberKey = keyOf(await client.send(subscriber('1005')), 'subscriber_key');
    const siteKey = keyOf(await client.send(site(['subscriber_key', subscriberKey], '5005')), 'site_key');
    const serial = `HA${Date.now().toString(36).toUpperCase()}`;
    expectData(await gql(t.current, CLAIM, { locationId: siteKey, serial }, admin));
    expect(await client.send(transaction('DELETE', 'SITE', [...COMMON, ['site_key', siteKey]]))).toBe(expectedSuccess('DELETE', 'SITE'));
    expect((await customer(subscriberKey)).locations).toEqual([]);
    expect(expectData(await gql<{ nodeBySerial: { locationId: string | null } }>(t.current, NODE, { serial }, admin)).nodeBySerial.locationId).toBeNull();
    expect(await client.send(transaction('DELETE', 'SITE', [...COMMON, ['site_key', siteKey]]))).toBe(expectedError('DELETE', 'SITE', -20037, 'Bad site_ key'));

    const other = keyOf(await client.send(site(['subscriber_key', subscriberKey], '5006')), 'site_key');
    expectData(await gql(t.current, CLAIM, { locationId: other, serial }, admin));
    expect(await client.send(transaction('DELETE', 'SUBSCRIBER', [...COMMON, ['subscriber_key', subscriberKey]]))).toBe(expectedSuccess('DELETE', 'SUBSCRIBER'));
    expect((await customer(subscriberKey)).status).toBe('TERMINATED');
    expect(expectData(await gql<{ nodeBySerial: { locationId: string | null } }>(t.current, NODE, { serial }, admin)).nodeBySerial.locationId).toBeNull();
    expect(await client.send(transaction('UPDATE', 'SUBSCRIBER', [...COMMON, ['mso_subscriber_key', '1005']]))).toBe(
      expectedError('UPDATE', 'SUBSCRIBER', -20006, 'users record not found'),
    );
    expect(await client.send(subscriber('1005'))).toBe(expectedError('CREATE', 'SUBSCRIBER', -20028, 'Bos subscriber already exists'));
  });

  it("answers missing and wrong inputs with Attachment H's errors and writes nothing", async () => {
    const cases: [string, string][] = [
      [transaction('CREATE', 'SUBSCRIBER', [['create_date', DATE], ['mso_subscriber_key', '1']]), expectedError('CREATE', 'SUBSCRIBER', -20029, 'Must specify mso_name')],
      [transaction('CREATE', 'SUBSCRIBER', [['mso_name', MSO], ['mso_subscriber_key', '1']]), expectedError('CREATE', 'SUBSCRIBER', -20044, 'Must specify create_date')],
      [transaction('CREATE', 'SUBSCRIBER', [['create_date', '19980231203045'], ['mso_name', MSO]]), expectedError('CREATE', 'SUBSCRIBER', -20996, 'Error in request. Please check the request string.')],
      [transaction('CREATE', 'SUBSCRIBER', [['create_date', DATE], ['mso_name', 'OTHER']]), expectedError('CREATE', 'SUBSCRIBER', -20000, 'Generic error (mso_name is not the MSO of this connection)')],
      [transaction('CREATE', 'SUBSCRIBER', [...COMMON, ['sub_lastname', 'Bond']]), expectedError('CREATE', 'SUBSCRIBER', -20047, 'Must specify mso_subscriber_key')],
      [transaction('CREATE', 'SUBSCRIBER', [...COMMON, ['mso_subscriber_key', '1'], ['sub_lastname', 'Bond']]), expectedError('CREATE', 'SUBSCRIBER', -20058, "The subscriber's first name and last name are required fields")],
      [
        transaction('CREATE', 'SUBSCRIBER', [...COMMON, ['mso_subscriber_key', '1'], ['sub_lastname', 'B'.repeat(33)], ['sub_firstname', 'J']]),
        expectedError('CREATE', 'SUBSCRIBER', -20991, 'Error in request; a value sent is longer than the maximum allowed. Please check the request string.'),
      ],
      [transaction('UPDATE', 'SUBSCRIBER', COMMON), expectedError('UPDATE', 'SUBSCRIBER', -20030, 'Must specify mso_subscriber_key / bos_subscriber_key')],
      [transaction('UPDATE', 'SUBSCRIBER', [...COMMON, ['subscriber_key', '123']]), expectedError('UPDATE', 'SUBSCRIBER', -20035, 'Bad subscriber_key')],
      [transaction('CREATE', 'SITE', [...COMMON, ['mso_subscriber_key', '999999']]), expectedError('CREATE', 'SITE', -20006, 'users record not found')],
      [transaction('DELETE', 'SITE', COMMON), expectedError('DELETE', 'SITE', -20036, 'Must specify site_key')],
      [transaction('DELETE', 'SITE', [...COMMON, ['mso_site_key', '999999']]), expectedError('DELETE', 'SITE', -20005, 'bos_subsite record not found')],
      [transaction('CREATE', 'MULTIIP', COMMON), expectedError('CREATE', 'MULTIIP', -20060, 'Invalid Transaction')],
      // This app sets no HOME_API_LOGIN_DOMAIN (home-api-login.e2e-spec sets one).
      [transaction('CHANGE', 'LOGIN', COMMON), expectedError('CHANGE', 'LOGIN', -20000, 'Generic error (no login domain is configured for this server (HOME_API_LOGIN_DOMAIN))')],
      [transaction('CREATE', 'COMPUTER', [...COMMON, ['os', 'WIN 95']]), expectedError('CREATE', 'COMPUTER', -20036, 'Must specify site_key')],
      [transaction('CREATE', 'COMPUTER', [...COMMON, ['site_key', '1'], ['os', 'WIN 95']]), expectedError('CREATE', 'COMPUTER', -20037, 'Bad site_ key')],
      ...['UPDATE', 'DELETE', 'CONVERT'].map((action): [string, string] => [transaction(action, 'COMPUTER', [...COMMON, ['os', 'WIN 95']]), expectedError(action, 'COMPUTER', -20040, 'Must specify computer_key')]),
      [transaction('CREATE', 'COMPUTER', [['create_date', DATE]]), expectedError('CREATE', 'COMPUTER', -20029, 'Must specify mso_name')],
      [transaction('PURGE', 'SUBSCRIBER', COMMON), expectedError('PURGE', 'SUBSCRIBER', -20016, 'Invalid action or type')],
    ];
    for (const [request, answer] of cases) expect(await client.send(request)).toBe(answer);
    const sub = keyOf(await client.send(subscriber('1006')), 'subscriber_key');
    const siteCases: [[string, string][], string][] = [
      [[['street_number', '1']], expectedError('CREATE', 'SITE', -20022, 'Must specify street_name & street_number')],
      [[['street_number', '1'], ['street_name', 'Elm'], ['city', 'X']], expectedError('CREATE', 'SITE', -20031, 'Must specify city, state&post_code')],
      [[['street_number', '1'], ['street_name', 'Elm'], ['city', 'X'], ['state', 'CT'], ['postcode', '1']], expectedError('CREATE', 'SITE', -20032, 'Must specify a head end')],
      [[['street_number', '1'], ['street_name', 'Elm'], ['city', 'X'], ['state', 'CT'], ['postcode', '1'], ['head_end', 'H']], expectedError('CREATE', 'SITE', -20033, 'Must specify a oe_node')],
    ];
    for (const [fields, answer] of siteCases) expect(await client.send(transaction('CREATE', 'SITE', [...COMMON, ['subscriber_key', sub], ...fields]))).toBe(answer);
    expect((await customer(sub)).locations).toEqual([]);
  });

  it('answers every malformed frame it can delimit and goes on with the next', async () => {
    const bad = 'Error in request. Please check the request string.';
    const cases: [string | Buffer, string][] = [
      [frame('|CREATE|SUBSCRIBER|mso_name=|\n'), expectedError('CREATE', 'SUBSCRIBER', -20996, bad)],
      [frame('CREATE|SUBSCRIBER|mso_name=ACME|\n'), expectedError('UNKNOWN', 'UNKNOWN', -20996, bad)],
      [frame('|CREATE|SUBSCRIBER|mso_name=ACME\n'), expectedError('CREATE', 'SUBSCRIBER', -20996, bad)],
      [frame('|CREATE|SUBSCRIBER|mso_name=ACME|'), expectedError('CREATE', 'SUBSCRIBER', -20996, bad)],
      [frame('|CREATE|SUBSCRIBER|mso_name=AC|ME|\n'), expectedError('CREATE', 'SUBSCRIBER', -20996, bad)],
      [withLength(Buffer.from('|CREATE|SUBSCRIBER|mso_name=ACMÉ|\n', 'utf8')), expectedError('CREATE', 'SUBSCRIBER', -20996, bad)],
      [frame(`|CREATE|SUBSCRIBER|sub_lastname=${'x'.repeat(600)}|\n`), expectedError('CREATE', 'SUBSCRIBER', -20996, bad)],
      ['0000', expectedError('UNKNOWN', 'UNKNOWN', -20996, bad)],
    ];
    for (const [bytes, answer] of cases) {
      client.writeRaw(bytes);
      expect(await client.read()).toBe(answer);
    }
    expect(await client.send(subscriber('1007'))).toMatch(/^\d{4}\|CREATE\|SUBSCRIBER\|completion_code=0\|subscriber_key=/);
  });

  it('closes only the connection whose stream cannot be delimited any more', async () => {
    const other = await MsoClient.open(port(t.current));
    try {
      client.writeRaw('12x4|CREATE|SUBSCRIBER|\n');
      await client.closedByServer();
      expect(await other.send(subscriber('1008'))).toMatch(/completion_code=0/);
    } finally {
      other.close();
    }
  });

  it('answers transactions in the order sent, one at a time, when a client sends several at once', async () => {
    client.writeRaw(frame(subscriber('1009')) + frame(subscriber('1009')) + frame(transaction('DELETE', 'SUBSCRIBER', [...COMMON, ['mso_subscriber_key', '1009']])));
    expect(await client.read()).toMatch(/completion_code=0\|subscriber_key=/);
    expect(await client.read()).toBe(expectedError('CREATE', 'SUBSCRIBER', -20028, 'Bos subscriber already exists'));
    expect(await client.read()).toBe(expectedSuccess('DELETE', 'SUBSCRIBER'));
  });

  it('refuses a connection from an address no MSO is configured for', async () => {
    const stranger = await MsoClient.open(port(t.current), '127.0.0.2');
    await stranger.closedByServer();
  });
});

describeEachDatabase('@Home API 2.0 gateway idle timeout', (db) => {
  const t = useTestApp(db, { env: { HOME_API_LISTEN: '127.0.0.1:0', HOME_API_MSOS: `${MSO}=${GROUP}`, HOME_API_MSO_ADDRESSES: `${MSO}=127.0.0.1`, HOME_API_IDLE_TIMEOUT_S: '1' } });

  it('closes a connection that sends no request for HOME_API_IDLE_TIMEOUT_S (5.7.2)', async () => {
    await createGroup(t.current, GROUP);
    const client = await MsoClient.open(port(t.current));
    const opened = Date.now();
    await client.closedByServer();
    expect(Date.now() - opened).toBeGreaterThanOrEqual(900);
  });
});
