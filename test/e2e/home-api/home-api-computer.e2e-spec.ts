// COMPUTER through the gateway (6.4.11 to 6.4.14), byte for byte: a computer of a site is
// registered with its description and a DNS name of Attachment A's form (C<x><n>-<a>),
// active at once or pre-provisioned (net_class V2) until CONVERT; UPDATE, DELETE and
// CONVERT by either key; a restore keeps the DNS name sent (6.4.13); resends and every
// refused input answer Attachment H's errors; SITE and SUBSCRIBER DELETE take the site's
// computers; support sees them as Location.homeApiComputers, and every change is audited.

import { describeEachDatabase, expectData, gql, useTestApp } from '../support';
import { createGroup, platformAdmin } from '../support/roles';
import { COMMON, GATEWAY_ENV, GROUP, keyOf, port, site, subscriber } from './gateway-fixtures';
import { expectedError, expectedSuccess, MsoClient, transaction } from './mso-client';

const INVALID_KEY = 'Null or invalid BOS/MSO (subscriber/site/computer/modem/login) key. Please check the key and try again';
const NOT_CONVERTIBLE = 'The computer can not be converted because of invalid status';
const DUPLICATE_KEY = 'Bos computer record already exists for mso_computer_key and mso_name';
const AUDIT = `query ($action: String) { auditEvents(first: 100, action: $action) { edges { node { action actorEmail objectId } } } }`;
const COMPUTERS = `query ($id: ID!) { location(id: $id) { homeApiComputers { id msoComputerKey cpeDnsName macAddress os cpu ram hardDiskSize availableSpace soundCard compliant preProvisioned } } }`;

interface ComputerView {
  id: string;
  msoComputerKey: string | null;
  cpeDnsName: string;
  macAddress: string | null;
  os: string;
  cpu: string | null;
  ram: string | null;
  hardDiskSize: string | null;
  availableSpace: string | null;
  soundCard: string | null;
  compliant: string | null;
  preProvisioned: boolean;
}

function dnsNameOf(answer: string): string {
  const m = /\|cpe_dns_name=(CA\d{1,6}-[A-Z])\|/.exec(answer);
  if (m === null) throw new Error(`no generated cpe_dns_name in ${JSON.stringify(answer)}`);
  return m[1] as string;
}

describeEachDatabase('@Home API 2.0 gateway: COMPUTER', (db) => {
  const t = useTestApp(db, { env: GATEWAY_ENV });
  let admin: string;
  let client: MsoClient;

  beforeAll(async () => {
    await createGroup(t.current, GROUP);
    admin = await platformAdmin(t.current);
    client = await MsoClient.open(port(t.current));
  });

  afterAll(() => client.close());

  const computersOf = async (siteKey: string): Promise<ComputerView[]> =>
    expectData(await gql<{ location: { homeApiComputers: ComputerView[] } }>(t.current, COMPUTERS, { id: siteKey }, admin)).location.homeApiComputers;
  const newSite = async (msoKey: string): Promise<{ sub: string; siteKey: string }> => {
    const sub = keyOf(await client.send(subscriber(msoKey)), 'subscriber_key');
    return { sub, siteKey: keyOf(await client.send(site(['subscriber_key', sub], `9${msoKey}`)), 'site_key') };
  };
  const create = (siteKey: string, fields: [string, string][]) => transaction('CREATE', 'COMPUTER', [...COMMON, ['site_key', siteKey], ...fields]);
  const send = (action: string, fields: [string, string][]) => client.send(transaction(action, 'COMPUTER', [...COMMON, ...fields]));

  it('registers computers of a site with their description and DNS names, refuses resends and bad input', async () => {
    const { siteKey } = await newSite('6001');
    const described: [string, string][] = [['os', 'WIN 3.11 (for Workgroups)'], ['cpu', '486/66 or better'], ['ram', '>16MB'], ['hard_disk_size', '> 1 GIG'], ['available_space', '100-400 MEG'], ['sound_card', 'SoundBlaster'], ['compliant', 'y']];
    const first = await client.send(create(siteKey, [...described, ['mso_computer_key', '8601'], ['mac_address', '02-00-00-60-01-AA']]));
    const firstKey = keyOf(first, 'computer_key');
    const firstName = dnsNameOf(first);
    // Only the key and the DNS name: no address, netmask or server is assigned here.
    expect(first).toBe(expectedSuccess('CREATE', 'COMPUTER', [['computer_key', firstKey], ['cpe_dns_name', firstName]]));
    expect(firstName).toMatch(/-A$/);

    // A resend after a lost answer (5.7.1) is a duplicate; the site's next computer takes the next letter.
    expect(await client.send(create(siteKey, [...described, ['mso_computer_key', '8601'], ['mac_address', '02-00-00-60-01-AA']]))).toBe(expectedError('CREATE', 'COMPUTER', -20026, DUPLICATE_KEY));
    const second = await client.send(create(siteKey, [['os', 'UNKNOWN']]));
    expect(dnsNameOf(second)).toBe(firstName.replace(/-A$/, '-B'));

    expect(await computersOf(siteKey)).toEqual([
      { id: firstKey, msoComputerKey: '8601', cpeDnsName: firstName, macAddress: '02:00:00:60:01:aa', os: 'WIN 3.11 (for Workgroups)', cpu: '486/66 or better', ram: '>16MB', hardDiskSize: '> 1 GIG', availableSpace: '100-400 MEG', soundCard: 'SoundBlaster', compliant: 'Y', preProvisioned: false },
      { id: keyOf(second, 'computer_key'), msoComputerKey: null, cpeDnsName: dnsNameOf(second), macAddress: null, os: 'UNKNOWN', cpu: null, ram: null, hardDiskSize: null, availableSpace: null, soundCard: null, compliant: null, preProvisioned: false },
    ]);

    const refused: [[string, string][], number, string][] = [
      [[['cpu', '486/50']], -20039, 'Must specify os'],
      [[['os', 'UNIX'], ['mac_address', '02:00:00:60:01']], -20025, 'Bad mac_address'],
      [[['os', 'UNIX'], ['mac_address', '02:00:00:60:01:aa']], -20000, 'Generic error (mac_address 02:00:00:60:01:aa is registered to another computer of this site)'],
      [[['os', 'UNIX'], ['net_class', 'V3']], -20996, 'Error in request. Please check the request string.'],
      [[['os', 'U'.repeat(31)]], -20991, 'Error in request; a value sent is longer than the maximum allowed. Please check the request string.'],
      [[['os', 'UNIX'], ['cpe_dns_name', 'no_such_name']], -20996, 'Error in request. Please check the request string.'],
      [[['os', 'UNIX'], ['cpe_dns_name', firstName.toLowerCase()]], -20000, `Generic error (cpe_dns_name ${firstName} is held by an active computer)`],
      [[['os', 'UNIX'], ['mso_computer_key', 'ABC']], -20996, 'Error in request. Please check the request string.'],
    ];
    for (const [fields, code, reason] of refused) expect(await client.send(create(siteKey, fields))).toBe(expectedError('CREATE', 'COMPUTER', code, reason));
    expect(await send('CONVERT', [['computer_key', firstKey]])).toBe(expectedError('CONVERT', 'COMPUTER', -20056, NOT_CONVERTIBLE));
    expect(await computersOf(siteKey)).toHaveLength(2);
  });

  it('pre-provisions with net_class V2, updates, converts once, re-keys and deletes by either key', async () => {
    const { siteKey } = await newSite('6002');
    const created = await client.send(create(siteKey, [['os', 'UNKNOWN'], ['cpu', 'UNKNOWN'], ['net_class', 'v2'], ['cpe_ip_address', '10.2.3.4'], ['mso_computer_key', '8602']]));
    const key = keyOf(created, 'computer_key');
    expect(created).toBe(expectedSuccess('CREATE', 'COMPUTER', [['computer_key', key], ['cpe_dns_name', dnsNameOf(created)]]));
    expect(await computersOf(siteKey)).toMatchObject([{ id: key, os: 'UNKNOWN', preProvisioned: true }]);

    expect(await send('UPDATE', [['mso_computer_key', '8602'], ['ram', '16MB']])).toBe(expectedSuccess('UPDATE', 'COMPUTER'));
    // "You can also update computer data if it is known" (4.2.4): CONVERT takes it too.
    expect(await send('CONVERT', [['mso_computer_key', '8602'], ['os', 'WIN 95'], ['cpu', '486/50'], ['mac_address', '020000600201']])).toBe(expectedSuccess('CONVERT', 'COMPUTER'));
    expect(await computersOf(siteKey)).toMatchObject([{ id: key, os: 'WIN 95', cpu: '486/50', ram: '16MB', macAddress: '02:00:00:60:02:01', msoComputerKey: '8602', preProvisioned: false }]);
    expect(await send('CONVERT', [['computer_key', key]])).toBe(expectedError('CONVERT', 'COMPUTER', -20056, NOT_CONVERTIBLE));

    // A new MSO key beside computer_key replaces the old one; a key another computer holds is a duplicate.
    const other = keyOf(await client.send(create(siteKey, [['os', 'UNIX'], ['mso_computer_key', '8603']])), 'computer_key');
    expect(await send('UPDATE', [['computer_key', key], ['mso_computer_key', '8603']])).toBe(expectedError('UPDATE', 'COMPUTER', -20026, DUPLICATE_KEY));
    expect(await send('UPDATE', [['computer_key', key], ['mso_computer_key', '8604']])).toBe(expectedSuccess('UPDATE', 'COMPUTER'));
    expect(await send('UPDATE', [['mso_computer_key', '8602'], ['ram', '8MB']])).toBe(expectedError('UPDATE', 'COMPUTER', -20994, INVALID_KEY));
    expect(await send('UPDATE', [['computer_key', other], ['mac_address', '02:00:00:60:02:01']])).toBe(
      expectedError('UPDATE', 'COMPUTER', -20000, 'Generic error (mac_address 02:00:00:60:02:01 is registered to another computer of this site)'),
    );

    expect(await send('DELETE', [['mso_computer_key', '8604'], ['net_class', 'V2']])).toBe(expectedSuccess('DELETE', 'COMPUTER'));
    expect(await send('DELETE', [['computer_key', key]])).toBe(expectedError('DELETE', 'COMPUTER', -20994, INVALID_KEY));
    expect(await send('DELETE', [['computer_key', 'not-a-key']])).toBe(expectedError('DELETE', 'COMPUTER', -20994, INVALID_KEY));
    expect(await computersOf(siteKey)).toMatchObject([{ id: other }]);

    // Every change is in the audit trail, under the MSO's name.
    const audit = expectData(await gql<{ auditEvents: { edges: { node: { action: string; actorEmail: string; objectId: string } }[] } }>(t.current, AUDIT, { action: 'home-api-computer.' }, admin));
    const ofKey = audit.auditEvents.edges.filter((e) => e.node.objectId === key).map((e) => e.node.action);
    expect(ofKey.sort()).toEqual(['home-api-computer.convert', 'home-api-computer.delete', 'home-api-computer.preprovision', 'home-api-computer.update', 'home-api-computer.update']);
    expect(audit.auditEvents.edges.every((e) => e.node.actorEmail === 'home-api:acme')).toBe(true);
  });

  it('restores a deleted computer under its DNS name at the new site (6.4.13, 4.2.6)', async () => {
    const old = await newSite('6003');
    const created = await client.send(create(old.siteKey, [['os', 'MAC PPC']]));
    const name = dnsNameOf(created);
    const moved = await newSite('6004');
    expect(await client.send(create(moved.siteKey, [['os', 'MAC PPC'], ['cpe_dns_name', name]]))).toBe(
      expectedError('CREATE', 'COMPUTER', -20000, `Generic error (cpe_dns_name ${name} is held by an active computer)`),
    );
    expect(await send('DELETE', [['computer_key', keyOf(created, 'computer_key')]])).toBe(expectedSuccess('DELETE', 'COMPUTER'));
    const restored = await client.send(create(moved.siteKey, [['os', 'MAC PPC'], ['cpe_dns_name', name.toLowerCase()]]));
    expect(restored).toBe(expectedSuccess('CREATE', 'COMPUTER', [['computer_key', keyOf(restored, 'computer_key')], ['cpe_dns_name', name]]));
    // A name of another form is kept as sent; the site's next generated name is of the document's form.
    const next = await client.send(create(moved.siteKey, [['os', 'UNIX']]));
    expect(dnsNameOf(next)).not.toBe(name);
  });

  it('goes with its site (SITE DELETE) and its subscriber (SUBSCRIBER DELETE)', async () => {
    const bySite = await newSite('6005');
    const siteComputer = keyOf(await client.send(create(bySite.siteKey, [['os', 'UNIX'], ['mso_computer_key', '8605']])), 'computer_key');
    expect(await client.send(transaction('DELETE', 'SITE', [...COMMON, ['site_key', bySite.siteKey]]))).toBe(expectedSuccess('DELETE', 'SITE'));
    expect(await send('UPDATE', [['computer_key', siteComputer], ['ram', '8MB']])).toBe(expectedError('UPDATE', 'COMPUTER', -20994, INVALID_KEY));
    // Its MSO key is free again.
    const bySubscriber = await newSite('6006');
    const subscriberComputer = keyOf(await client.send(create(bySubscriber.siteKey, [['os', 'UNIX'], ['mso_computer_key', '8605'], ['net_class', 'V2']])), 'computer_key');
    expect(await client.send(transaction('DELETE', 'SUBSCRIBER', [...COMMON, ['subscriber_key', bySubscriber.sub]]))).toBe(expectedSuccess('DELETE', 'SUBSCRIBER'));
    expect(await send('CONVERT', [['computer_key', subscriberComputer]])).toBe(expectedError('CONVERT', 'COMPUTER', -20994, INVALID_KEY));
    expect(await computersOf(bySubscriber.siteKey)).toEqual([]);
  });
});
