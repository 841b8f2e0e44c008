// MODEM transactions through the gateway: the serial is claimed to the site's location with
// its model, MAC and the MSO's key, replaced by an UPDATE with a new serial, unclaimed by a
// DELETE; duplicates and bad hardware answered with Attachment H's errors.

import { describeEachDatabase, expectData, gql, useTestApp } from '../support';
import { createGroup, platformAdmin } from '../support/roles';
import { COMMON, GATEWAY_ENV, GROUP, keyOf, NODE, port, site, subscriber } from './gateway-fixtures';
import { expectedError, expectedSuccess, MsoClient, transaction } from './mso-client';

interface NodeView {
  id: string;
  locationId: string | null;
  model: string | null;
  macAddress: string | null;
  externalKey: string | null;
}

describeEachDatabase('@Home API 2.0 gateway: MODEM', (db) => {
  const t = useTestApp(db, { env: GATEWAY_ENV });
  let admin: string;
  let client: MsoClient;
  let siteKey: string;

  beforeAll(async () => {
    await createGroup(t.current, GROUP);
    admin = await platformAdmin(t.current);
    client = await MsoClient.open(port(t.current));
    const subscriberKey = keyOf(await client.send(subscriber('2001')), 'subscriber_key');
    siteKey = keyOf(await client.send(site(['subscriber_key', subscriberKey], '6001')), 'site_key');
  });

  afterAll(() => client.close());

  async function node(serial: string): Promise<NodeView> {
    return expectData(await gql<{ nodeBySerial: NodeView }>(t.current, NODE, { serial }, admin)).nodeBySerial;
  }

  const modem = (fields: [string, string][]) => transaction('CREATE', 'MODEM', [...COMMON, ['site_key', siteKey], ...fields]);

  it('claims the modem to the site on CREATE (6.4.7), answers duplicates (5.7.1), swaps on UPDATE (6.4.9), unclaims on DELETE', async () => {
    const hardware: [string, string][] = [['manufacturer', 'other'], ['model', 'PP203X'], ['serial_number', 'HAMODEM0001'], ['mac_address', '60:B4:F7:00:00:01']];
    const created = await client.send(modem([...hardware, ['mso_modem_key', '7001']]));
    const modemKey = keyOf(created, 'modem_key');
    expect(created).toBe(expectedSuccess('CREATE', 'MODEM', [['modem_key', modemKey]]));
    expect(await node('HAMODEM0001')).toEqual({ id: modemKey, locationId: siteKey, model: 'PP203X', macAddress: '60:b4:f7:00:00:01', externalKey: '7001' });

    expect(await client.send(modem([...hardware, ['mso_modem_key', '7001']]))).toBe(
      expectedError('CREATE', 'MODEM', -20045, 'Bos modem record already exists for mso_modem_key and mso_name'),
    );
    expect(await client.send(modem(hardware))).toBe(
      expectedError('CREATE', 'MODEM', -20053, `Modem with serial number: HAMODEM0001 is already assigned to ${siteKey}`),
    );
    expect(await client.send(modem([['manufacturer', 'OTHER'], ['model', 'X'], ['serial_number', 'HAMODEM0009'], ['mac_address', '60:b4:f7:00:00:01']]))).toBe(
      expectedError('CREATE', 'MODEM', -20054, `Modem with mac_address: 60:b4:f7:00:00:01 is already assigned to ${siteKey}`),
    );

    const swapped = await client.send(
      transaction('UPDATE', 'MODEM', [...COMMON, ['mso_modem_key', '7001'], ['manufacturer', 'OTHER'], ['serial_number', 'HAMODEM0002'], ['mac_address', '60:b4:f7:00:00:02']]),
    );
    const newKey = keyOf(swapped, 'modem_key');
    expect(swapped).toBe(expectedSuccess('UPDATE', 'MODEM', [['modem_key', newKey]]));
    expect(newKey).not.toBe(modemKey);
    expect(await node('HAMODEM0001')).toMatchObject({ locationId: null, externalKey: null });
    expect(await node('HAMODEM0002')).toMatchObject({ id: newKey, locationId: siteKey, macAddress: '60:b4:f7:00:00:02', externalKey: '7001' });

    expect(await client.send(transaction('DELETE', 'MODEM', [...COMMON, ['mso_modem_key', '7001']]))).toBe(expectedSuccess('DELETE', 'MODEM'));
    expect(await node('HAMODEM0002')).toMatchObject({ locationId: null, externalKey: null });
    expect(await client.send(transaction('DELETE', 'MODEM', [...COMMON, ['modem_key', newKey]]))).toBe(
      expectedError('DELETE', 'MODEM', -20994, 'Null or invalid BOS/MSO (subscriber/site/computer/modem/login) key. Please check the key and try again'),
    );
  });

  it('takes the serial in any case as the same modem: duplicates are refused, an UPDATE with it swaps nothing', async () => {
    const created = await client.send(modem([['manufacturer', 'OTHER'], ['model', 'PP203X'], ['serial_number', 'hamodem0005'], ['mso_modem_key', '7005']]));
    const modemKey = keyOf(created, 'modem_key');
    expect(await node('HAMODEM0005')).toMatchObject({ id: modemKey, locationId: siteKey, externalKey: '7005' });
    expect(await client.send(modem([['manufacturer', 'OTHER'], ['model', 'PP203X'], ['serial_number', 'HAModem0005']]))).toBe(
      expectedError('CREATE', 'MODEM', -20053, `Modem with serial number: HAMODEM0005 is already assigned to ${siteKey}`),
    );
    const updated = await client.send(transaction('UPDATE', 'MODEM', [...COMMON, ['modem_key', modemKey], ['manufacturer', 'OTHER'], ['serial_number', 'HAMODEM0005'.toLowerCase()], ['model', 'PP213X']]));
    expect(updated).toBe(expectedSuccess('UPDATE', 'MODEM', [['modem_key', modemKey]]));
    expect(await node('HAMODEM0005')).toMatchObject({ id: modemKey, locationId: siteKey, model: 'PP213X', externalKey: '7005' });
    const audit = expectData(
      await gql<{ auditEvents: { edges: { node: { action: string } }[] } }>(t.current, 'query ($id: ID!) { auditEvents(objectId: $id, first: 50) { edges { node { action } } } }', { id: modemKey }, admin),
    ).auditEvents.edges.map((e) => e.node.action);
    expect(audit).toContain('node.claim');
    expect(audit).not.toContain('node.unclaim');
  });

  it("answers bad hardware with Attachment H's errors and claims nothing", async () => {
    const cases: [[string, string][], string][] = [
      [[['manufacturer', 'OTHER'], ['serial_number', 'HAMODEM0003']], expectedError('CREATE', 'MODEM', -20046, 'Must specify manufacturer, model and serial number')],
      [[['manufacturer', 'ACME'], ['model', 'X'], ['serial_number', 'HAMODEM0003']], expectedError('CREATE', 'MODEM', -20023, 'Bad cdm manufacturer')],
      [[['manufacturer', 'LAN CITY'], ['model', 'LCP'], ['serial_number', 'HAMODEM0003']], expectedError('CREATE', 'MODEM', -20024, 'Lan City modems must have mac_address')],
      [[['manufacturer', 'OTHER'], ['model', 'X'], ['serial_number', 'HAMODEM0003'], ['mac_address', '60-b4-f7-00-00-03']], expectedError('CREATE', 'MODEM', -20025, 'Bad mac_address')],
    ];
    for (const [fields, answer] of cases) expect(await client.send(transaction('CREATE', 'MODEM', [...COMMON, ['site_key', siteKey], ...fields]))).toBe(answer);
    expect(await client.send(transaction('DELETE', 'MODEM', COMMON))).toBe(expectedError('DELETE', 'MODEM', -20038, 'Must specify modem_key'));
    const missing = await gql(t.current, NODE, { serial: 'HAMODEM0003' }, admin);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('unclaims the modem when its site is deleted (6.4.6)', async () => {
    const created = await client.send(modem([['manufacturer', 'OTHER'], ['model', 'PP203X'], ['serial_number', 'HAMODEM0004']]));
    expect(created).toMatch(/completion_code=0\|modem_key=/);
    expect(await client.send(transaction('DELETE', 'SITE', [...COMMON, ['site_key', siteKey]]))).toBe(expectedSuccess('DELETE', 'SITE'));
    expect(await node('HAMODEM0004')).toMatchObject({ locationId: null });
  });
});
