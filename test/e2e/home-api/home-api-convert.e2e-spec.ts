// Pre-provisioning (6.4.8) and CONVERT MODEM (6.4.10) through the gateway, byte for byte: a
// modem created with net_class V2 is stored for its site and claims nothing, holds its
// serial, MAC and MSO key against duplicates, may be updated or deleted by its key, and is
// claimed on CONVERT, after which the same key names the node. Attachment C: the
// pre-provisioned create reaches no device, CONVERT brings the site's networks onto it.

import { setTimeout as sleep } from 'node:timers/promises';
import { describeEachDatabase, expectData, gql, GqlResponse, useTestApp } from '../support';
import { createGroup, platformAdmin } from '../support/roles';
import { ownedNames, SimHandle, startSimDevice, until } from '../reconciliation/sim-device';
import { COMMON, GATEWAY_ENV, GROUP, keyOf, NODE, port, site, subscriber } from './gateway-fixtures';
import { expectedError, expectedSuccess, MsoClient, transaction } from './mso-client';

/** Long enough for a reconcile that a DB-only transaction might have caused to reach the device. */
const SETTLE_MS = 750;
const INVALID_KEY = 'Null or invalid BOS/MSO (subscriber/site/computer/modem/login) key. Please check the key and try again';
const NOT_CONVERTIBLE = 'The modem can not be converted because of invalid status';

interface NodeView {
  id: string;
  locationId: string | null;
  model: string | null;
  macAddress: string | null;
  externalKey: string | null;
}

describeEachDatabase('@Home API 2.0 gateway: pre-provisioning and CONVERT MODEM', (db) => {
  const t = useTestApp(db, { env: GATEWAY_ENV });
  let admin: string;
  let client: MsoClient;
  let subscriberKey: string;
  let siteKey: string;

  beforeAll(async () => {
    await createGroup(t.current, GROUP);
    admin = await platformAdmin(t.current);
    client = await MsoClient.open(port(t.current));
    subscriberKey = keyOf(await client.send(subscriber('3001')), 'subscriber_key');
    siteKey = keyOf(await client.send(site(['subscriber_key', subscriberKey], '9001')), 'site_key');
  });

  afterAll(() => client.close());

  const nodeAnswer = (serial: string): Promise<GqlResponse<{ nodeBySerial: NodeView }>> => gql<{ nodeBySerial: NodeView }>(t.current, NODE, { serial }, admin);
  const modem = (site: string, fields: [string, string][]) => transaction('CREATE', 'MODEM', [...COMMON, ['site_key', site], ...fields]);
  const convert = (key: [string, string]) => transaction('CONVERT', 'MODEM', [...COMMON, key]);

  it('stores a V2 modem without claiming it, holds its serial, MAC and key, converts it once, and keeps its key', async () => {
    const hardware: [string, string][] = [['manufacturer', 'LAN CITY'], ['model', 'LCP'], ['serial_number', 'HAPRE0001'], ['mac_address', '60:B4:F7:00:01:01']];
    const created = await client.send(modem(siteKey, [...hardware, ['mso_modem_key', '8101'], ['cdm_ip_address', '10.1.2.3'], ['net_class', 'v2']]));
    const modemKey = keyOf(created, 'modem_key');
    expect(created).toBe(expectedSuccess('CREATE', 'MODEM', [['modem_key', modemKey]]));
    expect((await nodeAnswer('HAPRE0001')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // A resend after a lost answer (5.7.1), and the same hardware elsewhere, are duplicates.
    expect(await client.send(modem(siteKey, [...hardware, ['mso_modem_key', '8101'], ['net_class', 'V2']]))).toBe(
      expectedError('CREATE', 'MODEM', -20045, 'Bos modem record already exists for mso_modem_key and mso_name'),
    );
    expect(await client.send(modem(siteKey, hardware))).toBe(expectedError('CREATE', 'MODEM', -20053, `Modem with serial number: HAPRE0001 is already assigned to ${siteKey}`));
    expect(await client.send(modem(siteKey, [['manufacturer', 'OTHER'], ['model', 'X'], ['serial_number', 'HAPRE0009'], ['mac_address', '60:b4:f7:00:01:01']]))).toBe(
      expectedError('CREATE', 'MODEM', -20054, `Modem with mac_address: 60:b4:f7:00:01:01 is already assigned to ${siteKey}`),
    );
    expect(await client.send(modem(siteKey, [['manufacturer', 'OTHER'], ['model', 'X'], ['serial_number', 'HAPRE0009'], ['net_class', 'V3']]))).toBe(
      expectedError('CREATE', 'MODEM', -20996, 'Error in request. Please check the request string.'),
    );

    // UPDATE keeps the key of a modem no device has seen yet.
    const update = transaction('UPDATE', 'MODEM', [...COMMON, ['mso_modem_key', '8101'], ['manufacturer', 'LAN CITY'], ['model', 'LCP2'], ['serial_number', 'HAPRE0001'], ['mac_address', '60:b4:f7:00:01:02']]);
    expect(await client.send(update)).toBe(expectedSuccess('UPDATE', 'MODEM', [['modem_key', modemKey]]));

    expect(await client.send(convert(['mso_modem_key', '8101']))).toBe(expectedSuccess('CONVERT', 'MODEM'));
    const node = expectData(await nodeAnswer('HAPRE0001')).nodeBySerial;
    expect(node).toMatchObject({ locationId: siteKey, model: 'LCP2', macAddress: '60:b4:f7:00:01:02', externalKey: '8101' });
    expect(await client.send(convert(['modem_key', modemKey]))).toBe(expectedError('CONVERT', 'MODEM', -20055, NOT_CONVERTIBLE));
    expect(await client.send(convert(['mso_modem_key', '8101']))).toBe(expectedError('CONVERT', 'MODEM', -20055, NOT_CONVERTIBLE));

    // The key given at the V2 create now names the claimed node (CONVERT returns no new key).
    const swap = transaction('UPDATE', 'MODEM', [...COMMON, ['modem_key', modemKey], ['manufacturer', 'OTHER'], ['serial_number', 'HAPRE0002']]);
    const swapped = await client.send(swap);
    expect(swapped).toBe(expectedSuccess('UPDATE', 'MODEM', [['modem_key', keyOf(swapped, 'modem_key')]]));
    expect(expectData(await nodeAnswer('HAPRE0001')).nodeBySerial.locationId).toBeNull();
    expect(expectData(await nodeAnswer('HAPRE0002')).nodeBySerial).toMatchObject({ locationId: siteKey, externalKey: '8101' });
    expect(await client.send(transaction('DELETE', 'MODEM', [...COMMON, ['mso_modem_key', '8101']]))).toBe(expectedSuccess('DELETE', 'MODEM'));
  });

  it('refuses to convert a modem provisioned at once, and forgets a deleted V2 modem', async () => {
    const immediate = keyOf(await client.send(modem(siteKey, [['manufacturer', 'OTHER'], ['model', 'X'], ['serial_number', 'HAPRE0003']])), 'modem_key');
    expect(await client.send(convert(['modem_key', immediate]))).toBe(expectedError('CONVERT', 'MODEM', -20055, NOT_CONVERTIBLE));
    expect(await client.send(convert(['site_key', siteKey]))).toBe(expectedError('CONVERT', 'MODEM', -20038, 'Must specify modem_key'));

    const pending = keyOf(await client.send(modem(siteKey, [['manufacturer', 'OTHER'], ['model', 'X'], ['serial_number', 'HAPRE0004'], ['net_class', 'V2']])), 'modem_key');
    expect(await client.send(transaction('DELETE', 'MODEM', [...COMMON, ['modem_key', pending], ['net_class', 'V2']]))).toBe(expectedSuccess('DELETE', 'MODEM'));
    expect(await client.send(convert(['modem_key', pending]))).toBe(expectedError('CONVERT', 'MODEM', -20994, INVALID_KEY));
    expect(await client.send(modem(siteKey, [['manufacturer', 'OTHER'], ['model', 'X'], ['serial_number', 'HAPRE0004']]))).toMatch(/\|completion_code=0\|modem_key=/);
  });

  it('forgets the V2 modems of a deleted subscriber and of a deleted site (6.4.4, 6.4.6)', async () => {
    const other = keyOf(await client.send(subscriber('3002')), 'subscriber_key');
    const otherSite = keyOf(await client.send(site(['subscriber_key', other], '9002')), 'site_key');
    const bySubscriber = keyOf(await client.send(modem(otherSite, [['manufacturer', 'OTHER'], ['model', 'X'], ['serial_number', 'HAPRE0005'], ['net_class', 'V2']])), 'modem_key');
    expect(await client.send(transaction('DELETE', 'SUBSCRIBER', [...COMMON, ['subscriber_key', other]]))).toBe(expectedSuccess('DELETE', 'SUBSCRIBER'));
    expect(await client.send(convert(['modem_key', bySubscriber]))).toBe(expectedError('CONVERT', 'MODEM', -20994, INVALID_KEY));

    const third = keyOf(await client.send(subscriber('3003')), 'subscriber_key');
    const thirdSite = keyOf(await client.send(site(['subscriber_key', third], '9003')), 'site_key');
    const bySite = keyOf(await client.send(modem(thirdSite, [['manufacturer', 'OTHER'], ['model', 'X'], ['serial_number', 'HAPRE0006'], ['net_class', 'V2']])), 'modem_key');
    expect(await client.send(transaction('DELETE', 'SITE', [...COMMON, ['site_key', thirdSite]]))).toBe(expectedSuccess('DELETE', 'SITE'));
    expect(await client.send(convert(['modem_key', bySite]))).toBe(expectedError('CONVERT', 'MODEM', -20994, INVALID_KEY));
    // Their serials are free again.
    for (const serial of ['HAPRE0005', 'HAPRE0006']) expect(await client.send(modem(siteKey, [['manufacturer', 'OTHER'], ['model', 'X'], ['serial_number', serial]]))).toMatch(/\|completion_code=0\|/);
  });

  describe('Attachment C: CREATE MODEM with net_class V2 does not reach the device, CONVERT MODEM does', () => {
    const serial = `HAPRE${db.toUpperCase()}`;
    let sim: SimHandle;

    beforeAll(async () => {
      sim = await startSimDevice(t.current, serial);
    });

    afterAll(async () => {
      await sim?.stop();
    });

    it('configures the site networks on the device only after CONVERT', async () => {
      const key = keyOf(await client.send(modem(siteKey, [['manufacturer', 'OTHER'], ['model', 'SIM'], ['serial_number', serial], ['net_class', 'V2']])), 'modem_key');
      await sleep(SETTLE_MS);
      expect(ownedNames(sim.device)).toEqual([]);
      expect(expectData(await nodeAnswer(serial)).nodeBySerial.locationId).toBeNull();

      expect(await client.send(convert(['modem_key', key]))).toBe(expectedSuccess('CONVERT', 'MODEM'));
      await until('the PRIMARY network on the device', () => ownedNames(sim.device).length > 0);
      expect(expectData(await nodeAnswer(serial)).nodeBySerial.locationId).toBe(siteKey);
    });
  });
});
