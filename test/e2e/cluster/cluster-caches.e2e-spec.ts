// Two controller processes on one PostgreSQL and NATS, for what used to be kept per process:
// a group's telemetry settings changed on one instance reach the devices the other holds;
// an EBL provider set up or removed on one instance is authenticated or refused by the
// other's /ebl; a MAC registered through one instance is matched on a device the other
// holds; due EBL notifications, with both instances' delivery workers reading the same
// outbox, each reach the provider exactly once; a registered client roaming from a device
// one instance holds to a device of the same location the other holds is discovered once
// (and a delete_on_match registration of it is not used up by the roam); an instance that
// cannot read the shared presence notifies on its own view; and a notification claimed by
// an instance killed mid-attempt is sent by another once the claim's lease ends.

import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { CLAIM_NODE, createCustomer } from '../provisioning/provisioning-ops';
import { createGroupWithAdmin, expectData, gql, TestApp } from '../support';
import { claimLeaseMs } from '../../../src/ebl/delivery/delivery-claim';
import { createTestDatabase, postgresReachable, TestDatabase } from '../support/test-database';
import { until } from '../reconciliation/sim-device';
import { associateClient, disassociateClient } from '../clients/sim-clients';
import { EBL_TEST_ENV, NotificationReceiver, rest, setUpProvider } from '../ebl/ebl-support';
import { Fleet, freePort, Instance, natsReachable, startFleet, startInstance, stopInstance } from './cluster-harness';

const FLEET = 8;
const LEASE_MS = 3000;
const NOTIFICATIONS = 300;
const UPDATE_SETTINGS = `mutation ($g: ID!, $i: TelemetrySettingsInput) { updateTelemetrySettings(groupId: $g, input: $i) { reportingIntervalS } }`;
const REMOVE_PROVIDER = `mutation ($id: ID!) { removeEblProvider(apiClientId: $id) { apiClientId } }`;

const postgresUp = postgresReachable();
const natsUp = natsReachable();
const reachable = postgresUp && natsUp;
const required = (process.env.REQUIRE_POSTGRES === '1' && !postgresUp) || (process.env.REQUIRE_NATS === '1' && !natsUp);
if (!reachable) console.warn('cluster caches e2e skipped: it needs PostgreSQL (TEST_POSTGRES_URL) and NATS (TEST_NATS_HOST/PORT) reachable');
const describeCluster = reachable || required ? describe : describe.skip;

/** One issuer for the cluster (as behind a load balancer): a token from either instance is valid on both. */
let issuer = '';
const as = (instance: Instance): TestApp => ({ url: instance.url, config: { oauth: { issuer } } }) as unknown as TestApp;

describeCluster('two instances: telemetry settings, EBL providers and EBL deliveries', () => {
  let db: TestDatabase;
  let pg: Client;
  const instances: Instance[] = [];
  let fleet: Fleet;
  let group: { groupId: string; adminToken: string };
  let locationId = '';
  const receiver = new NotificationReceiver();
  let env: Record<string, string> = {};
  const serials = Array.from({ length: FLEET }, (_, i) => `CCH${String(i).padStart(5, '0')}`);

  const ownership = async (): Promise<Map<string, string>> => {
    const rows = await pg.query<{ serial: string; instance_id: string }>('SELECT serial, instance_id FROM cluster_ownership');
    return new Map(rows.rows.map((r) => [r.serial, r.instance_id]));
  };
  const metric = async (on: Instance, name: string): Promise<number> => {
    const text = await (await fetch(on.url.replace('/graphql', '/metrics'))).text();
    const m = new RegExp(`^opensync_${name.replace(/[{}]/g, '\\$&')} (\\S+)$`, 'm').exec(text);
    if (m === null) throw new Error(`no metric ${name}`);
    return Number(m[1]);
  };
  /** A metric's value, 0 while the instance does not export it. */
  const metricOrZero = (on: Instance, name: string): Promise<number> => metric(on, name).catch(() => 0);
  /** An access point VIF of a simulated device. */
  const apVif = (device: Fleet['devices'][number]): Promise<string> =>
    until('a VIF on the device', () => device.database.rows('Wifi_VIF_State').find((r) => typeof r.if_name === 'string' && String(r.if_name).includes('-ap-'))).then((r) => String(r.if_name));
  /** Due notifications written straight to the outbox in one statement. */
  const queueDeliveries = async (providerId: string, ids: string[]): Promise<void> => {
    const now = new Date();
    const n = ids.length;
    const values = ids.map((_, i) => `($${i + 1}, $${n + 1}, $${n + 2}, '02:00:00:00:0d:01', 'access', '', '{}', 'PENDING', 0, $${n + 3}, $${n + 4}, $${n + 3})`);
    await pg.query(
      `INSERT INTO ebl_deliveries (id, provider_id, location_id, mac, access_id, vendor_id, body, status, attempts, next_attempt_at, expires_at, created_at) VALUES ${values.join(', ')}`,
      [...ids, providerId, locationId, now, new Date(now.getTime() + 3_600_000)],
    );
  };
  const statusOf = async (id: string): Promise<{ status: string; next_attempt_at: Date }> => (await pg.query<{ status: string; next_attempt_at: Date }>('SELECT status, next_attempt_at FROM ebl_deliveries WHERE id = $1', [id])).rows[0];

  /** The reporting intervals of a device's Wifi_Stats_Config rows (client and device stats). */
  const reportingIntervals = (serial: string): number[] =>
    fleet.devices
      .find((d) => d.serial === serial)!
      .database.rows('Wifi_Stats_Config')
      .filter((r) => r.stats_type !== 'survey')
      .map((r) => Number(r.reporting_interval));
  const aggInterval = (serial: string): string | undefined => {
    const settings = fleet.devices.find((d) => d.serial === serial)!.database.rows('AWLAN_Node')[0]?.mqtt_settings;
    return settings instanceof Map ? (settings.get('agg_stats_interval') as string | undefined) : undefined;
  };

  beforeAll(async () => {
    if (!reachable) throw new Error(`required but not reachable: ${postgresUp ? '' : 'PostgreSQL '}${natsUp ? '' : 'NATS'}`);
    db = await createTestDatabase('postgres');
    pg = new Client({ connectionString: db.databaseUrl.replace(/\?.*$/, ''), options: `-c search_path=${new URL(db.databaseUrl).searchParams.get('schema')}` });
    await pg.connect();
    await receiver.start();
    const redirectorPort = await freePort();
    const httpPorts = [await freePort(), await freePort()];
    issuer = `http://127.0.0.1:${httpPorts[0]}/oauth`;
    env = {
      OAUTH_ISSUER: issuer,
      ...EBL_TEST_ENV,
      // Devices are told to publish to Mosquitto; the topic prefix keeps this run's reports apart.
      MQTT_URL: 'mqtt://127.0.0.1:1883',
      MQTT_DEVICE_BROKER: '127.0.0.1:1883',
      MQTT_TOPIC_PREFIX: `cache-test-${process.pid}`,
    };
    instances.push(
      ...(await Promise.all(
        ['ctl-a', 'ctl-b'].map((id, i) =>
          startInstance({ id, databaseUrl: db.databaseUrl, leaseMs: LEASE_MS, env: { ...env, HTTP_PORT: String(httpPorts[i]) }, ...(id === 'ctl-a' ? { redirectorPort } : {}) }),
        ),
      )),
    );
    await until('each instance to know the other', () => instances.every((i) => /live instances: ctl-a, ctl-b/.test(i.output())));
    fleet = await startFleet(serials, `tcp:127.0.0.1:${redirectorPort}`);
    group = await createGroupWithAdmin(as(instances[0]));
    const customer = await createCustomer(as(instances[0]), group.adminToken);
    locationId = customer.locations[0].id;
    for (const serial of serials) expectData(await gql(as(instances[0]), CLAIM_NODE, { locationId, serial }, group.adminToken));
  }, 120_000);

  afterAll(async () => {
    await fleet?.stop();
    for (const i of instances) await stopInstance(i);
    await receiver.stop();
    await pg?.end();
    await db?.drop();
  });

  it('a telemetry settings change made on ctl-a reaches the devices ctl-b holds', async () => {
    const heldByB = await until('devices held by each instance, on their holder', async () => {
      const owners = await ownership();
      if (owners.size < FLEET) return false;
      for (const device of fleet.devices) {
        const holder = instances.find((i) => i.id === owners.get(device.serial));
        if (holder === undefined || device.connectedTo !== holder.deviceAddress) return false;
      }
      const mine = serials.filter((s) => owners.get(s) === 'ctl-b');
      return mine.length > 0 && mine.length < FLEET && mine;
    });
    // ctl-b has read (and cached) the group's defaults: its devices report every 60 s.
    await until('the default intervals on ctl-b devices', () => heldByB.every((s) => reportingIntervals(s).length > 0 && reportingIntervals(s).every((v) => v === 60) && aggInterval(s) === '60'));

    const input = { aggStatsIntervalS: 30, reportingIntervalS: 45, samplingIntervalS: 5, surveyIntervalS: 300 };
    expectData(await gql(as(instances[0]), UPDATE_SETTINGS, { g: group.groupId, i: input }, group.adminToken));
    await until('the new intervals on every device, ctl-b holdings included', () =>
      serials.every((s) => reportingIntervals(s).length > 0 && reportingIntervals(s).every((v) => v === 45) && aggInterval(s) === '30'),
    );
    expect(await metric(instances[1], 'cluster_invalidations_total{direction="received"}')).toBeGreaterThan(0);
  }, 90_000);

  it('an EBL provider set up on ctl-a is authenticated by ctl-b, and refused there once ctl-a removed it', async () => {
    const provider = await setUpProvider(as(instances[0]), group.adminToken, group.groupId, receiver);
    const onB = await rest(as(instances[1]), 'POST', '/ebl/mac-addresses', provider.token, { macs: [{ mac: '02:00:00:00:0c:01' }] });
    expect(onB.status).toBe(201);
    expect((await rest(as(instances[1]), 'GET', '/ebl/mac-addresses', provider.token)).status).toBe(200);

    // ctl-b now holds the provider in memory; ctl-a's removal reaches it as a relayed invalidation.
    const told = await metric(instances[1], 'cluster_invalidations_total{direction="received"}');
    expectData(await gql(as(instances[0]), REMOVE_PROVIDER, { id: provider.apiClientId }, group.adminToken));
    await until('ctl-b to refuse the removed provider', async () => (await rest(as(instances[1]), 'GET', '/ebl/mac-addresses', provider.token)).status === 403);
    expect(await metric(instances[1], 'cluster_invalidations_total{direction="received"}')).toBeGreaterThan(told);
    expect((await rest(as(instances[0]), 'GET', '/ebl/mac-addresses', provider.token)).status).toBe(403);
  }, 60_000);

  it('a MAC registered through ctl-b is matched when its client joins a device ctl-a holds, once', async () => {
    const mac = '02:00:00:00:0e:01';
    const owners = await ownership();
    const serial = serials.find((s) => owners.get(s) === 'ctl-a')!;
    const device = fleet.devices.find((d) => d.serial === serial)!;
    const vif = await until('a VIF on the device', () => device.database.rows('Wifi_VIF_State').find((r) => typeof r.if_name === 'string' && String(r.if_name).includes('-ap-')));
    const provider = await setUpProvider(as(instances[1]), group.adminToken, group.groupId, receiver);
    const told = await metric(instances[0], 'cluster_invalidations_total{direction="received"}');
    expect((await rest(as(instances[1]), 'POST', '/ebl/mac-addresses', provider.token, { macs: [{ mac, delete_on_match: true }] })).status).toBe(201);
    await until('ctl-a told of the registration', async () => (await metric(instances[0], 'cluster_invalidations_total{direction="received"}')) > told);
    await associateClient(device, { ifName: String(vif.if_name), mac });
    const notified = (): number => receiver.delivered.filter((r) => (JSON.parse(r.body) as { mac: string }).mac.toLowerCase() === mac).length;
    await until('the provider notified', () => notified() === 1);
    // The registration was used up on ctl-a: it is gone from the database, and ctl-b lists none.
    await until('the registration used up', async () => ((await rest(as(instances[1]), 'GET', '/ebl/mac-addresses', provider.token)).body.macs as unknown[]).length === 0);
    expect(notified()).toBe(1);
  }, 60_000);

  it('due notifications read by both instances reach the provider exactly once each', async () => {
    const provider = await setUpProvider(as(instances[1]), group.adminToken, group.groupId, receiver);
    const before = await Promise.all(instances.map((i) => metric(i, 'ebl_deliveries_delivered_total')));
    receiver.received.length = 0;
    const ids = Array.from({ length: NOTIFICATIONS }, () => randomUUID());
    // Every row is due for both workers at once.
    await queueDeliveries(provider.apiClientId, ids);
    await until('every notification DELIVERED', async () => {
      const rows = await pg.query<{ n: string }>(`SELECT count(*) AS n FROM ebl_deliveries WHERE provider_id = $1 AND status = 'DELIVERED'`, [provider.apiClientId]);
      return Number(rows.rows[0].n) === NOTIFICATIONS;
    });
    const received = receiver.received.map((r) => String(r.headers['x-ebl-delivery-id']));
    expect(new Set(received).size).toBe(NOTIFICATIONS);
    expect(received).toHaveLength(NOTIFICATIONS);
    // Both workers took part: each delivered some of them.
    const after = await Promise.all(instances.map((i) => metric(i, 'ebl_deliveries_delivered_total')));
    const delivered = after.map((n, i) => n - before[i]);
    expect(delivered.every((n) => n > 0)).toBe(true);
    expect(delivered[0] + delivered[1]).toBe(NOTIFICATIONS);
  }, 90_000);

  it('a registered client roaming from a device ctl-a holds to one of the same location ctl-b holds is discovered once', async () => {
    const mac = '02:00:00:00:0f:01';
    const owners = await ownership();
    const [first, second] = (['ctl-a', 'ctl-b'] as const).map((id) => fleet.devices.find((d) => owners.get(d.serial) === id)!);
    const nodeOf = async (serial: string): Promise<string> => (await pg.query<{ id: string }>('SELECT id FROM nodes WHERE serial_number = $1', [serial])).rows[0].id;
    const secondNode = await nodeOf(second.serial);
    const provider = await setUpProvider(as(instances[0]), group.adminToken, group.groupId, receiver);
    const indexed = await Promise.all(instances.map((i) => metric(i, 'ebl_registrations{kind="mac"}')));
    expect((await rest(as(instances[0]), 'POST', '/ebl/mac-addresses', provider.token, { macs: [{ mac }] })).status).toBe(201);
    await until('the registration in both instances\' index', async () => (await Promise.all(instances.map((i, n) => metric(i, 'ebl_registrations{kind="mac"}').then((v) => v > indexed[n])))).every(Boolean));
    const notified = (): number => receiver.delivered.filter((r) => (JSON.parse(r.body) as { mac: string }).mac === mac).length;

    await associateClient(first, { ifName: await apVif(first), mac });
    await until('the provider notified of the discovery', () => notified() === 1);
    // Roaming as 802.11 shows it: the new association before the old leave.
    const known = await metricOrZero(instances[1], 'ebl_presence_checks_total{result="known"}');
    await associateClient(second, { ifName: await apVif(second), mac });
    // Either ctl-b finds the client present through ctl-a's device, or it notifies again.
    await until('ctl-b to decide', async () => notified() > 1 || (await metricOrZero(instances[1], 'ebl_presence_checks_total{result="known"}')) > known);
    expect(notified()).toBe(1);
    await disassociateClient(first, mac);
    await until('the leave on ctl-a written', async () => {
      const rows = await pg.query<{ present_nodes: string }>('SELECT present_nodes FROM ebl_presence WHERE provider_id = $1 AND mac = $2', [provider.apiClientId, mac]);
      return rows.rows[0]?.present_nodes === `,${secondNode},`;
    });
    expect(notified()).toBe(1);
    expect(await metric(instances[1], 'ebl_presence_checks_total{result="failed"}')).toBe(0);
  }, 90_000);

  it('a delete_on_match registration of a client present through a device ctl-a holds is not used up by its roam to ctl-b', async () => {
    const mac = '02:00:00:00:0f:03';
    const owners = await ownership();
    const [first, second] = (['ctl-a', 'ctl-b'] as const).map((id) => fleet.devices.find((d) => owners.get(d.serial) === id)!);
    const provider = await setUpProvider(as(instances[0]), group.adminToken, group.groupId, receiver);
    const indexed = await Promise.all(instances.map((i) => metric(i, 'ebl_registrations{kind="mac"}')));
    expect((await rest(as(instances[0]), 'POST', '/ebl/mac-addresses', provider.token, { macs: [{ mac }] })).status).toBe(201);
    await until('the registration in both instances\' index', async () => (await Promise.all(instances.map((i, n) => metric(i, 'ebl_registrations{kind="mac"}').then((v) => v > indexed[n])))).every(Boolean));
    const notified = (): number => receiver.delivered.filter((r) => (JSON.parse(r.body) as { mac: string }).mac === mac).length;
    await associateClient(first, { ifName: await apVif(first), mac });
    await until('the provider notified of the discovery', () => notified() === 1);

    // Registered again, now to be used up by its next discovery.
    const told = await metric(instances[1], 'cluster_invalidations_total{direction="received"}');
    expect((await rest(as(instances[0]), 'POST', '/ebl/mac-addresses', provider.token, { macs: [{ mac, delete_on_match: true }] })).status).toBe(201);
    await until('ctl-b told of the registration', async () => (await metric(instances[1], 'cluster_invalidations_total{direction="received"}')) > told);
    const inB = await metric(instances[1], 'ebl_registrations{kind="mac"}');
    const known = await metricOrZero(instances[1], 'ebl_presence_checks_total{result="known"}');
    await associateClient(second, { ifName: await apVif(second), mac });
    await until('ctl-b to decide', async () => notified() > 1 || (await metricOrZero(instances[1], 'ebl_presence_checks_total{result="known"}')) > known);
    expect(notified()).toBe(1);
    // Not a discovery: the registration is still there, in ctl-b's index (read again before
    // the check is counted) and in the database.
    expect(await metric(instances[1], 'ebl_registrations{kind="mac"}')).toBe(inB);
    const listed = (await rest(as(instances[1]), 'GET', '/ebl/mac-addresses', provider.token)).body.macs as { mac: string; delete_on_match: string }[];
    expect(listed).toEqual([expect.objectContaining({ mac, delete_on_match: 'true' })]);
  }, 90_000);

  it('with the shared presence unreadable, an instance notifies on its own view and logs EBL_PRESENCE_UNAVAILABLE', async () => {
    const mac = '02:00:00:00:0f:02';
    const owners = await ownership();
    const device = fleet.devices.find((d) => owners.get(d.serial) === 'ctl-b')!;
    const provider = await setUpProvider(as(instances[1]), group.adminToken, group.groupId, receiver);
    const indexed = await metric(instances[1], 'ebl_registrations{kind="mac"}');
    expect((await rest(as(instances[1]), 'POST', '/ebl/mac-addresses', provider.token, { macs: [{ mac }] })).status).toBe(201);
    await until('the registration in ctl-b\'s index', async () => (await metric(instances[1], 'ebl_registrations{kind="mac"}')) > indexed);
    const failed = await metric(instances[1], 'ebl_presence_checks_total{result="failed"}');
    await pg.query('ALTER TABLE ebl_presence RENAME TO ebl_presence_away');
    try {
      await associateClient(device, { ifName: await apVif(device), mac });
      await until('the provider notified', () => receiver.delivered.some((r) => (JSON.parse(r.body) as { mac: string }).mac === mac));
    } finally {
      await pg.query('ALTER TABLE ebl_presence_away RENAME TO ebl_presence');
    }
    expect(await metric(instances[1], 'ebl_presence_checks_total{result="failed"}')).toBe(failed + 1);
    expect(instances[1].output()).toMatch(new RegExp(`\\[serial=${device.serial}\\] EBL_PRESENCE_UNAVAILABLE: could not confirm a discovery for provider ${provider.apiClientId}`));
  }, 90_000);

  // Last: it kills both instances.
  it('a notification claimed by an instance killed mid-attempt is sent by another when the claim ends, once', async () => {
    const provider = await setUpProvider(as(instances[0]), group.adminToken, group.groupId, receiver);
    receiver.received.length = 0;
    receiver.hanging = true;
    const id = randomUUID();
    const queuedAt = Date.now();
    await queueDeliveries(provider.apiClientId, [id]);
    await until('the attempt in flight', () => receiver.received.some((r) => r.headers['x-ebl-delivery-id'] === id));
    for (const instance of instances) instance.child.kill('SIGKILL');
    await Promise.all(instances.map((i) => i.exit));
    // The claim is still in the row: due only when its lease ends.
    const claimed = await statusOf(id);
    expect(claimed.status).toBe('PENDING');
    expect(new Date(claimed.next_attempt_at).getTime()).toBeGreaterThanOrEqual(queuedAt + claimLeaseMs({ attemptTimeoutMs: Number(EBL_TEST_ENV.EBL_ATTEMPT_TIMEOUT_MS) }) - 1000);
    receiver.hanging = false;
    const survivor = await startInstance({ id: 'ctl-c', databaseUrl: db.databaseUrl, leaseMs: LEASE_MS, env });
    instances.push(survivor);
    for (let i = 0; i < 600 && (await statusOf(id)).status !== 'DELIVERED'; i++) await new Promise((r) => setTimeout(r, 200));
    expect((await statusOf(id)).status).toBe('DELIVERED');
    const attempts = receiver.received.filter((r) => r.headers['x-ebl-delivery-id'] === id);
    expect(attempts.map((a) => a.status)).toEqual([0, 200]);
  }, 180_000);
});
