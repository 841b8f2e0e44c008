// Notifications end to end: a simulated device claimed to a location reports clients as
// OneWifi and NM2 write them; a provider's real HTTP receiver gets the spec's body, signed,
// with a delivery id; a failing receiver gets it on the third attempt (attempts listed for
// the provider and the operator); delete_on_match notifies exactly once; a vendor class
// matches left to right; a location not shared with a provider never notifies it.

import { DataSource } from 'typeorm';
import { ClientsService } from '../../../src/clients/live/clients.service';
import { EblOutboxService } from '../../../src/ebl/delivery/ebl-outbox.service';
import { verifySignature } from '../../../src/ebl/delivery/signature';
import { EblDeliveryRow } from '../../../src/ebl/store/ebl-delivery.entities';
import { EblMacRow } from '../../../src/ebl/store/ebl-registration.entities';
import { CLAIM_NODE, createCustomer } from '../provisioning/provisioning-ops';
import { createGroupWithAdmin, describeEachDatabase, expectData, gql, startTestApp, TestApp } from '../support';
import { SimHandle, startSimDevice, until } from '../reconciliation/sim-device';
import { associateClient, disassociateClient } from '../clients/sim-clients';
import { DELIVERIES, EBL_TEST_ENV, NotificationReceiver, rest, setUpProvider, TestProvider } from './ebl-support';

interface Notification {
  mac: string;
  accessID: string;
  vendorID: string;
  timestamp: string;
}

describeEachDatabase('/ebl notifications', (db) => {
  let app: TestApp;
  let sim: SimHandle;
  let admin: string;
  let groupId: string;
  let serviceId: string;
  let locationId: string;
  let otherLocationId: string;
  let nodeId: string;
  let a: TestProvider;
  let listed: TestProvider;
  let hung: TestProvider;
  const receiverA = new NotificationReceiver();
  const receiverListed = new NotificationReceiver();
  const receiverHung = new NotificationReceiver();
  const serial = `EBL${db.toUpperCase()}01`;
  let nextIp = 10;

  const connected = (mac: string): boolean => app.app.get(ClientsService).isConnected(nodeId, mac);
  const join = async (mac: string, vendorClass?: string): Promise<void> => {
    await associateClient(sim.device, { ifName: 'ctl1-ap-24', mac, ip: `192.168.40.${nextIp++}`, vendorClass });
    await until(`${mac} connected`, () => connected(mac));
  };
  // The controller must see the client gone (a leave and join in one update are no change).
  const leave = async (mac: string): Promise<void> => {
    await disassociateClient(sim.device, mac);
    await sim.device.database.transact([{ op: 'delete', table: 'DHCP_leased_IP', where: [['hwaddr', '==', mac]] }]);
    await until(`${mac} gone`, () => !connected(mac));
  };
  const deliveries = (providerId: string): Promise<EblDeliveryRow[]> => app.app.get(DataSource).manager.find(EblDeliveryRow, { where: { providerId } });

  beforeAll(async () => {
    Object.assign(process.env, EBL_TEST_ENV, { EBL_REDISCOVERY_AFTER_S: '0', EBL_ATTEMPT_TIMEOUT_MS: '1500' });
    app = await startTestApp(db);
    await receiverA.start();
    await receiverListed.start();
    await receiverHung.start();
    receiverHung.hanging = true;
    const group = await createGroupWithAdmin(app);
    admin = group.adminToken;
    groupId = group.groupId;
    const customer = await createCustomer(app, admin);
    locationId = customer.locations[0].id;
    serviceId = (customer.locations[0] as unknown as { serviceId: string }).serviceId;
    otherLocationId = (await createCustomer(app, admin)).locations[0].id;
    a = await setUpProvider(app, admin, group.groupId, receiverA);
    listed = await setUpProvider(app, admin, group.groupId, receiverListed, { locationIds: [otherLocationId] });
    hung = await setUpProvider(app, admin, group.groupId, receiverHung);
    sim = await startSimDevice(app, serial, { behaviour: { applyDelayMs: 20 } });
    nodeId = expectData(await gql<{ claimNode: { id: string } }>(app, CLAIM_NODE, { locationId, serial }, admin)).claimNode.id;
    await until('the PRIMARY VIF in Wifi_VIF_State', () => sim.device.database.rows('Wifi_VIF_State').some((r) => r.if_name === 'ctl1-ap-24'));
  });

  afterAll(async () => {
    await sim?.stop();
    await receiverA.stop();
    await receiverListed.stop();
    await app?.close();
    await receiverHung.stop();
    for (const key of [...Object.keys(EBL_TEST_ENV), 'EBL_REDISCOVERY_AFTER_S']) delete process.env[key];
  });

  it('a client with a registered MAC joins: the provider gets the spec body, signed, with a delivery id', async () => {
    expect((await rest(app, 'POST', '/ebl/mac-addresses', a.token, { macs: [{ mac: '02-00-00-00-00-01' }] })).status).toBe(201);
    await join('02:00:00:00:00:01', 'sp_rgw_01');
    const [got] = await until('the notification', () => receiverA.delivered.length > 0 && receiverA.delivered);
    const body = JSON.parse(got.body) as Notification;
    expect(Object.keys(body)).toEqual(['mac', 'accessID', 'vendorID', 'timestamp']);
    expect(body).toEqual({ mac: '02:00:00:00:00:01', accessID: serviceId, vendorID: 'sp_rgw_01', timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) });
    expect(got.headers['content-type']).toBe('application/json');
    expect(verifySignature(a.secret, got.body, got.headers['x-ebl-signature'] as string)).toBe(true);
    const [row] = await deliveries(a.apiClientId);
    expect(got.headers['x-ebl-delivery-id']).toBe(row.id);
    await until('delivered', async () => (await deliveries(a.apiClientId))[0].status === 'DELIVERED');
  });

  it('a receiver failing twice gets it on the third attempt; the provider and the operator see the attempts', async () => {
    receiverA.received.length = 0;
    receiverA.script.push(500, 503);
    await rest(app, 'POST', '/ebl/mac-addresses', a.token, { macs: [{ mac: '02:00:00:00:00:02' }] });
    await join('02:00:00:00:00:02');
    const got = await until('the third attempt', () => receiverA.delivered.length > 0 && receiverA.received);
    expect(got.map((r) => r.status)).toEqual([500, 503, 200]);
    const ids = new Set(got.map((r) => r.headers['x-ebl-delivery-id']));
    expect(ids.size).toBe(1);
    expect(new Set(got.map((r) => r.body)).size).toBe(1);
    expect(JSON.parse(got[2].body)).toMatchObject({ mac: '02:00:00:00:00:02', vendorID: '' });
    const listedRest = await until('recorded', async () => {
      const res = await rest(app, 'GET', '/ebl/deliveries?status=DELIVERED', a.token);
      const list = res.body.deliveries as { id: string; attempts: { httpStatus: number }[] }[];
      return list.find((d) => ids.has(d.id) && d.attempts.length === 3);
    });
    expect(listedRest.attempts.map((x) => x.httpStatus)).toEqual([500, 503, 200]);
    const op = expectData(await gql<{ eblDeliveries: { id: string; status: string; attempts: { number: number; httpStatus: number }[] }[] }>(app, DELIVERIES, { id: a.apiClientId }, admin));
    const mine = op.eblDeliveries.find((d) => d.id === listedRest.id)!;
    expect(mine.status).toBe('DELIVERED');
    expect(mine.attempts.map((x) => [x.number, x.httpStatus])).toEqual([[1, 500], [2, 503], [3, 200]]);
  });

  it('delete_on_match: exactly one notification, then unregistered; without it, one per discovery', async () => {
    receiverA.received.length = 0;
    await rest(app, 'POST', '/ebl/mac-addresses', a.token, { macs: [{ mac: '02:00:00:00:00:03', delete_on_match: 'true' }, { mac: '02:00:00:00:00:04' }] });
    for (let round = 0; round < 3; round++) {
      await join('02:00:00:00:00:03');
      await join('02:00:00:00:00:04');
      // The MAC without delete_on_match is told each time (it was away): proof that each round is a discovery.
      await until(`round ${round}`, () => receiverA.delivered.filter((r) => r.body.includes('02:00:00:00:00:04')).length === round + 1);
      await leave('02:00:00:00:00:03');
      await leave('02:00:00:00:00:04');
    }
    // Every discovery of ...:03 was matched in the same event-loop turn as ...:04's; only the first notified.
    expect(receiverA.delivered.filter((r) => r.body.includes('02:00:00:00:00:03'))).toHaveLength(1);
    expect((await deliveries(a.apiClientId)).filter((d) => d.mac === '02:00:00:00:00:03')).toHaveLength(1);
    expect((await rest(app, 'GET', '/ebl/mac-addresses', a.token, { macs: [{ mac: '02:00:00:00:00:03' }] })).body).toEqual({ macs: [] });
  });

  it('delete_on_match matched by two instances at the same moment: only the one whose delete removed the registration queues a notification', async () => {
    const mac = '02:00:00:00:00:3c';
    expect((await rest(app, 'POST', '/ebl/mac-addresses', a.token, { macs: [{ mac, delete_on_match: 'true' }] })).status).toBe(201);
    const registration = await app.app.get(DataSource).manager.findOneByOrFail(EblMacRow, { providerId: a.apiClientId, mac });
    // Two instances' matchers, each with the registration in its index, as on a cluster's two devices.
    const discovery = { providerId: a.apiClientId, locationId, mac, vendorId: '', at: new Date(), consumedMacIds: [registration.id] };
    const outbox = app.app.get(EblOutboxService);
    const queued = await Promise.all([outbox.enqueue(discovery), outbox.enqueue({ ...discovery })]);
    expect(queued.filter((q) => q !== null)).toHaveLength(1);
    expect((await deliveries(a.apiClientId)).filter((d) => d.mac === mac)).toHaveLength(1);
    expect(await app.app.get(DataSource).manager.countBy(EblMacRow, { id: registration.id })).toBe(0);
    await until('the one notification sent', () => receiverA.delivered.some((r) => r.body.includes(mac)));
  });

  it('a DHCP vendor class matches left to right (partial_match) and exactly (exact)', async () => {
    receiverA.received.length = 0;
    await rest(app, 'POST', '/ebl/vendorids', a.token, { vendorids: [{ vendorid: 'acme_rgw', match_type: 'partial_match' }, { vendorid: 'acme_stb', match_type: 'exact' }] });
    await join('02:00:00:00:00:05', 'acme_rgw_01 fw 2.1');
    await join('02:00:00:00:00:06', 'acme_stb_v2');
    await join('02:00:00:00:00:07', 'acme_stb');
    await join('02:00:00:00:00:08', 'xacme_rgw');
    const got = await until('two notifications', () => receiverA.delivered.length >= 2 && receiverA.delivered);
    // join() returns once the controller has seen the client, and matching is synchronous with
    // that: every decision was taken; only the two matches were queued.
    const queued = (await deliveries(a.apiClientId)).filter((d) => ['05', '06', '07', '08'].some((x) => d.mac === `02:00:00:00:00:${x}`));
    expect(queued.map((d) => d.mac).sort()).toEqual(['02:00:00:00:00:05', '02:00:00:00:00:07']);
    const bodies = got.map((r) => JSON.parse(r.body) as Notification).sort((x, y) => x.mac.localeCompare(y.mac));
    expect(bodies.map((b) => [b.mac, b.vendorID])).toEqual([
      ['02:00:00:00:00:05', 'acme_rgw_01 fw 2.1'],
      ['02:00:00:00:00:07', 'acme_stb'],
    ]);
  });

  it('a provider that hangs holds only its own slots: others are told meanwhile; its attempts time out', async () => {
    receiverA.received.length = 0;
    const macs = ['10', '11', '12', '13', '14', '15'].map((x) => `02:00:00:00:00:${x}`);
    await rest(app, 'POST', '/ebl/mac-addresses', hung.token, { macs: macs.map((m) => ({ mac: m })) });
    for (const m of macs) await join(m);
    await until('the hanging provider holding its slots', () => receiverHung.received.length >= 4);
    await rest(app, 'POST', '/ebl/mac-addresses', a.token, { macs: [{ mac: '02:00:00:00:00:16' }] });
    await join('02:00:00:00:00:16');
    await until('a told while the other hangs', () => receiverA.delivered.some((r) => r.body.includes('02:00:00:00:00:16')));
    // Sent while every request to the hanging provider was still unanswered (it answers none).
    expect(receiverHung.received.every((r) => r.status === 0)).toBe(true);
    const timedOut = await until('an attempt timed out', async () => {
      const res = await rest(app, 'GET', '/ebl/deliveries?status=PENDING', hung.token);
      return (res.body.deliveries as { attempts: { httpStatus: number | null; error: string }[] }[]).flatMap((d) => d.attempts).find((x) => x.error !== null);
    });
    expect(timedOut).toEqual({ number: 1, at: expect.any(String), httpStatus: null, error: 'no answer within 1500 ms' });
  });

  it('a location not shared with a provider never notifies it', async () => {
    receiverA.received.length = 0;
    // Both providers registered the MAC; only `a` may be told about this location.
    await rest(app, 'POST', '/ebl/mac-addresses', listed.token, { macs: [{ mac: '02:00:00:00:00:09' }] });
    await rest(app, 'POST', '/ebl/mac-addresses', a.token, { macs: [{ mac: '02:00:00:00:00:09' }] });
    await join('02:00:00:00:00:09');
    await until('a notified', () => receiverA.delivered.some((r) => r.body.includes('02:00:00:00:00:09')));
    expect(await deliveries(listed.apiClientId)).toEqual([]);
    expect(receiverListed.received).toEqual([]);
  });

  it('an API client deleted: its provider, registrations and notifications go with it', async () => {
    receiverA.received.length = 0;
    const gone = await setUpProvider(app, admin, groupId, receiverA);
    await rest(app, 'POST', '/ebl/mac-addresses', gone.token, { macs: [{ mac: '02:00:00:00:00:20' }] });
    expectData(await gql(app, `mutation ($id: ID!) { deleteApiClient(id: $id) }`, { id: gone.apiClientId }, admin));
    // `a` registers the same MAC: its notification shows the event was matched.
    await rest(app, 'POST', '/ebl/mac-addresses', a.token, { macs: [{ mac: '02:00:00:00:00:20' }] });
    await join('02:00:00:00:00:20');
    await until('a told', () => receiverA.delivered.some((r) => r.body.includes('02:00:00:00:00:20')));
    expect(await deliveries(gone.apiClientId)).toEqual([]);
    expect(receiverA.received.filter((r) => r.body.includes('02:00:00:00:00:20'))).toHaveLength(1);
    expect((await rest(app, 'GET', '/ebl/mac-addresses', gone.token)).status).toBe(401);
  });

  it('valid_until passed: no notification, and the registration is removed', async () => {
    const witnessReceiver = new NotificationReceiver();
    await witnessReceiver.start();
    try {
      const witness = await setUpProvider(app, admin, groupId, witnessReceiver);
      const validUntil = new Date(Date.now() + 1500);
      expect((await rest(app, 'POST', '/ebl/mac-addresses', a.token, { macs: [{ mac: '02:00:00:00:00:30', valid_until: validUntil.toISOString() }] })).status).toBe(201);
      await rest(app, 'POST', '/ebl/mac-addresses', witness.token, { macs: [{ mac: '02:00:00:00:00:30' }] });
      await until('valid_until passed', () => Date.now() > validUntil.getTime() + 50);
      await join('02:00:00:00:00:30');
      // The witness's registration matched the same event: the decision for `a` was taken with it.
      await until('the witness told', () => witnessReceiver.delivered.length > 0);
      expect((await deliveries(a.apiClientId)).filter((d) => d.mac === '02:00:00:00:00:30')).toEqual([]);
      await until('the expired registration removed', async () => (await app.app.get(DataSource).manager.count(EblMacRow, { where: { providerId: a.apiClientId, mac: '02:00:00:00:00:30' } })) === 0);
    } finally {
      await witnessReceiver.stop();
    }
  });

  it('counts in /metrics', async () => {
    const text = await (await fetch(new URL('/metrics', app.url))).text();
    expect(text).toMatch(/^opensync_ebl_discoveries_total [1-9]\d*$/m);
    expect(text).toMatch(/^opensync_ebl_deliveries_delivered_total [1-9]\d*$/m);
    expect(text).toMatch(/^opensync_ebl_registrations\{kind="mac"\} [1-9]\d*$/m);
  });
});
