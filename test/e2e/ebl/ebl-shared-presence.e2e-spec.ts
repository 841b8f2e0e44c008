// The shared presence statements on a real PostgreSQL (what cluster instances run; SQLite
// is one process and keeps presence in memory): the sighting statement decides exactly as
// discovery-rule.ts's isNewDiscovery for every kind of row before it; two instances
// sighting a new client at the same moment make one discovery; leaves, keep-alives and the
// sweep keep rows as the rule needs them. Two SharedPresence objects on the app's pool play
// two instances; every time is given, none is waited for.

import { DataSource } from 'typeorm';
import { isNewDiscovery } from '../../../src/ebl/matching/discovery-rule';
import { PRESENCE_STALE_AFTER_MS, SharedPresence } from '../../../src/ebl/matching/shared-presence';
import { createCustomer } from '../provisioning/provisioning-ops';
import { createGroupWithAdmin, expectData, gql, startTestApp, TestApp } from '../support';
import { postgresReachable } from '../support/test-database';
import { EBL_TEST_ENV, NotificationReceiver, setUpProvider } from './ebl-support';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.parse('2026-12-01T00:00:00.000Z');
const NODE_A = '00000000-0000-4000-8000-00000000000a';
const NODE_B = '00000000-0000-4000-8000-00000000000b';
const NODE_C = '00000000-0000-4000-8000-00000000000c';
const REMOVE_PROVIDER = `mutation ($id: ID!) { removeEblProvider(apiClientId: $id) { apiClientId } }`;

const describePostgres = postgresReachable() || process.env.REQUIRE_POSTGRES === '1' ? describe : describe.skip;
const at = (ms: number): Date => new Date(T0 + ms);
let macs = 0;
const nextMac = (): string => `02:00:00:77:${String(Math.floor(macs / 100)).padStart(2, '0')}:${String(macs++ % 100).padStart(2, '0')}`;

describePostgres('EBL shared presence on PostgreSQL', () => {
  let app: TestApp;
  let pg: DataSource;
  let providerId = '';
  let locationId = '';
  /** Two instances, one hour's rediscovery. */
  let a: SharedPresence;
  let b: SharedPresence;
  const receiver = new NotificationReceiver();

  const row = async (mac: string, provider = providerId): Promise<{ present_nodes: string; last_seen: Date; discovered: boolean } | undefined> =>
    ((await pg.query('SELECT present_nodes, last_seen, discovered FROM ebl_presence WHERE location_id = $1 AND mac = $2 AND provider_id = $3', [locationId, mac, provider])) as { present_nodes: string; last_seen: Date; discovered: boolean }[])[0];
  const put = (mac: string, nodes: string, lastSeen: number): Promise<unknown> =>
    pg.query(`INSERT INTO ebl_presence (location_id, mac, provider_id, present_nodes, last_seen, discovered) VALUES ($1, $2, $3, $4, $5, false)`, [locationId, mac, providerId, nodes, at(lastSeen)]);

  beforeAll(async () => {
    Object.assign(process.env, EBL_TEST_ENV);
    app = await startTestApp('postgres');
    pg = app.app.get(DataSource);
    await receiver.start();
    const group = await createGroupWithAdmin(app);
    locationId = (await createCustomer(app, group.adminToken)).locations[0].id;
    providerId = (await setUpProvider(app, group.adminToken, group.groupId, receiver)).apiClientId;
    a = new SharedPresence(pg, HOUR);
    b = new SharedPresence(pg, HOUR);
  });

  afterAll(async () => {
    await app?.close();
    await receiver.stop();
    for (const key of Object.keys(EBL_TEST_ENV)) delete process.env[key];
  });

  it('decides as isNewDiscovery for every row before it (present or not, last seen at each side of both cut-offs)', async () => {
    const offsets = [2 * HOUR, HOUR + 1, HOUR, HOUR - 1, PRESENCE_STALE_AFTER_MS + 1, PRESENCE_STALE_AFTER_MS, PRESENCE_STALE_AFTER_MS - 1, 1, 0];
    const cases: { mac: string; expected: boolean; instance: SharedPresence; sightAt: number }[] = [];
    for (const rediscovery of [HOUR, MIN, 0]) {
      const instance = new SharedPresence(pg, rediscovery);
      for (const present of [true, false]) {
        for (const offset of offsets) {
          const mac = nextMac();
          await put(mac, present ? `,${NODE_A},` : ',', 0);
          cases.push({ mac, instance, sightAt: offset, expected: isNewDiscovery({ present, lastSeen: T0 }, T0 + offset, instance.times) });
        }
      }
      const mac = nextMac();
      cases.push({ mac, instance, sightAt: 0, expected: true });
    }
    for (const c of cases) expect({ mac: c.mac, discovered: await c.instance.sighted(providerId, locationId, c.mac, NODE_B, at(c.sightAt)) }).toEqual({ mac: c.mac, discovered: c.expected });
    // Both answers occur: the grid crosses the rule's boundaries.
    expect(new Set(cases.map((c) => c.expected)).size).toBe(2);
  });

  it('a client roaming between nodes held by two instances is one discovery; leaves in either order keep it present', async () => {
    const mac = nextMac();
    expect(await a.sighted(providerId, locationId, mac, NODE_A, at(0))).toBe(true);
    // The new association shows before the old leave.
    expect(await b.sighted(providerId, locationId, mac, NODE_B, at(1000))).toBe(false);
    await a.left(locationId, mac, NODE_A, at(1500));
    expect((await row(mac))?.present_nodes).toBe(`,${NODE_B},`);
    // A lease on a third node (the gateway, say), and a leave written before its association.
    expect(await a.sighted(providerId, locationId, mac, null, at(2000))).toBe(false);
    await b.left(locationId, mac, NODE_C, at(2500));
    expect(await b.sighted(providerId, locationId, mac, NODE_C, at(3000))).toBe(false);
    await b.left(locationId, mac, NODE_B, at(4000));
    await b.left(locationId, mac, NODE_C, at(5000));
    expect(await row(mac)).toMatchObject({ present_nodes: ',', last_seen: at(5000) });
    // Back within the hour: the same discovery; after an hour away: a new one.
    expect(await a.sighted(providerId, locationId, mac, NODE_A, at(5000 + HOUR - 1))).toBe(false);
    await a.left(locationId, mac, NODE_A, at(5000 + HOUR));
    expect(await b.sighted(providerId, locationId, mac, NODE_B, at(5000 + 2 * HOUR))).toBe(true);
  });

  it('two instances sighting a new client at the same moment make one discovery', async () => {
    const clients = Array.from({ length: 20 }, () => nextMac());
    const answers = await Promise.all(clients.map((mac) => Promise.all([a.sighted(providerId, locationId, mac, NODE_A, at(0)), b.sighted(providerId, locationId, mac, null, at(0))])));
    for (const pair of answers) expect(pair.filter((x) => x)).toHaveLength(1);
  });

  it('presence kept alive stays present; presence nobody confirms goes stale and is then rediscovered, its nodes started afresh', async () => {
    const kept = nextMac();
    const orphaned = nextMac();
    expect(await a.sighted(providerId, locationId, kept, NODE_A, at(0))).toBe(true);
    expect(await b.sighted(providerId, locationId, orphaned, NODE_B, at(0))).toBe(true);
    // Instance b dies: its client leaves unseen. Instance a confirms its client every minute.
    for (let t = MIN; t < HOUR; t += MIN) await a.sweep(at(t), [{ providerId, locationId, mac: kept, nodeId: NODE_A }]);
    expect(await b.sighted(providerId, locationId, kept, NODE_B, at(HOUR))).toBe(false);
    expect(await a.sighted(providerId, locationId, orphaned, NODE_C, at(HOUR))).toBe(true);
    expect((await row(orphaned))?.present_nodes).toBe(`,${NODE_C},`);
  });

  it('a keep-alive adds the node a late leave took away, and writes a row whose sighting was lost', async () => {
    const moved = nextMac();
    const lost = nextMac();
    expect(await a.sighted(providerId, locationId, moved, NODE_A, at(0))).toBe(true);
    // The device moved to instance b: b's association arrived before a's leave.
    expect(await b.sighted(providerId, locationId, moved, NODE_A, at(1000))).toBe(false);
    await a.left(locationId, moved, NODE_A, at(1000));
    expect((await row(moved))?.present_nodes).toBe(',');
    await b.sweep(at(MIN), [
      { providerId, locationId, mac: moved, nodeId: NODE_A },
      { providerId, locationId, mac: lost, nodeId: NODE_B },
    ]);
    expect(await row(moved)).toMatchObject({ present_nodes: `,${NODE_A},`, last_seen: at(MIN) });
    expect(await row(lost)).toMatchObject({ present_nodes: `,${NODE_B},`, last_seen: at(MIN), discovered: false });
    expect(await a.sighted(providerId, locationId, lost, NODE_C, at(MIN + 1))).toBe(false);
  });

  it('the sweep removes rows that decide like none and keeps the others; a removed provider takes its rows and is skipped by keep-alives', async () => {
    const old = nextMac();
    const recent = nextMac();
    await put(old, ',', 0);
    await put(recent, ',', 30 * MIN);
    await a.sweep(at(HOUR), []);
    expect(await row(old)).toBeUndefined();
    expect(await row(recent)).toBeDefined();

    const group = await createGroupWithAdmin(app);
    const removed = (await setUpProvider(app, group.adminToken, group.groupId, receiver)).apiClientId;
    const mac = nextMac();
    expect(await a.sighted(removed, locationId, mac, NODE_A, at(0))).toBe(true);
    expectData(await gql(app, REMOVE_PROVIDER, { id: removed }, group.adminToken));
    expect(await row(mac, removed)).toBeUndefined();
    await a.sweep(at(MIN), [
      { providerId: removed, locationId, mac, nodeId: NODE_A },
      { providerId, locationId, mac: recent, nodeId: NODE_A },
    ]);
    expect(await row(mac, removed)).toBeUndefined();
    expect(await row(recent)).toMatchObject({ present_nodes: `,${NODE_A},` });
  });
});
