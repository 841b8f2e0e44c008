// The WiFi manager running on both servers: the simulator's engine (in-process port) and a
// real ovsdb-server holding the OpenSync schema (managers attached over its unix socket).
// A controller-like client changes VIF configs (create, disable, enable, delete, re-create,
// drop from a radio, replace in one transaction) and records its update2 notifications
// until the device has settled; both servers must send the same notifications, in the same
// order. The order is the point: when a config goes, the server clears the state row's weak
// vif_config reference in that transaction and the WiFi manager deletes the state row in a
// later one, so a client sees "modify" and then "delete", never the other way round.
// uuids are labelled by table, if_name and incarnation, sets sorted.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RpcConnection } from '@lib/ovsdb';
import {
  DEFAULT_BEHAVIOUR,
  DelayScheduler,
  DeviceManagers,
  LocalDbPort,
  OvsdbServer,
  RealServerDevice,
  attachToOvsdbServer,
  bootstrapDevice,
  defaultProfile,
  dial,
  loadSchemaFile,
  parseEndpoint,
} from '@lib/device-sim';
import { OPENSYNC_SCHEMA_PATH, OvsdbServerProcess, describeWithOvsdb } from '../support/ovsdb-server-process';

const DB = 'Open_vSwitch';
const SERIAL = 'DIFF000001';
const BEHAVIOUR = { applyDelayMs: 20 };
type Op = Record<string, unknown>;

const named = (table: string, ifName: string): unknown[] => [['if_name', '==', ifName]];
function create(ifName: string, radio: string, ssid: string): Op[] {
  return [
    { op: 'insert', table: 'Wifi_VIF_Config', 'uuid-name': 'v', row: { if_name: ifName, enabled: true, mode: 'ap', ssid } },
    { op: 'mutate', table: 'Wifi_Radio_Config', where: named('Wifi_Radio_Config', radio), mutations: [['vif_configs', 'insert', ['set', [['named-uuid', 'v']]]]] },
  ];
}
const setEnabled = (ifName: string, enabled: boolean): Op[] => [{ op: 'update', table: 'Wifi_VIF_Config', where: named('Wifi_VIF_Config', ifName), row: { enabled } }];
const deleteConfig = (ifName: string): Op => ({ op: 'delete', table: 'Wifi_VIF_Config', where: named('Wifi_VIF_Config', ifName) });

/** Steps; a function receives the current config uuids by if_name (for radio mutations). */
const SCRIPT: [string, Op[] | ((uuids: Map<string, string>) => Op[])][] = [
  ['create on wifi0', create('home-ap-24', 'wifi0', 'Home')],
  ['create on wifi1', create('home-ap-50', 'wifi1', 'Home')],
  ['disable', setEnabled('home-ap-24', false)],
  ['enable again', setEnabled('home-ap-24', true)],
  ['disable and rename in one transaction', [{ op: 'update', table: 'Wifi_VIF_Config', where: named('Wifi_VIF_Config', 'home-ap-24'), row: { enabled: false, ssid: 'Other' } }]],
  ['delete the config (the server drops the radio reference)', [deleteConfig('home-ap-24')]],
  ['re-create with the same if_name', create('home-ap-24', 'wifi0', 'Home')],
  [
    'drop from the radio only (the config row stays)',
    (u) => [{ op: 'mutate', table: 'Wifi_Radio_Config', where: named('Wifi_Radio_Config', 'wifi0'), mutations: [['vif_configs', 'delete', ['set', [['uuid', u.get('home-ap-24')]]]]] }],
  ],
  ['delete the unreferenced config', [deleteConfig('home-ap-24')]],
  [
    'replace a config in one transaction (delete, insert, reference)',
    (u) => [
      { op: 'mutate', table: 'Wifi_Radio_Config', where: named('Wifi_Radio_Config', 'wifi1'), mutations: [['vif_configs', 'delete', ['set', [['uuid', u.get('home-ap-50')]]]]] },
      deleteConfig('home-ap-50'),
      ...create('home-ap-50', 'wifi1', 'Replaced'),
    ],
  ],
  ['create, then delete two at once', create('home-ap-24', 'wifi0', 'Home')],
  ['delete both in one transaction', [deleteConfig('home-ap-24'), deleteConfig('home-ap-50')]],
];

const MONITOR = {
  Wifi_VIF_Config: [{ columns: ['if_name', 'enabled', 'ssid'] }],
  Wifi_VIF_State: [{ columns: ['if_name', 'enabled', 'ssid', 'vif_config', 'state', 'mac'] }],
  Wifi_Radio_Config: [{ columns: ['if_name', 'vif_configs'] }],
  Wifi_Radio_State: [{ columns: ['if_name', 'vif_states'] }],
};

interface Step {
  step: string;
  result: unknown;
  notifications: unknown[];
}

type Rows = { rows: Record<string, unknown>[] }[];

const uuidsOf = (v: unknown): string[] => (Array.isArray(v) && v[0] === 'uuid' ? [v[1] as string] : Array.isArray(v) && v[0] === 'set' ? (v[1] as [string, string][]).map((x) => x[1]) : []);

/** Every referenced config has its state (same enabled, ssid, vif_config); no other state row. */
async function settled(rpc: RpcConnection): Promise<boolean> {
  const [radios, configs, states] = (await rpc.request('transact', [
    DB,
    { op: 'select', table: 'Wifi_Radio_Config', where: [], columns: ['vif_configs'] },
    { op: 'select', table: 'Wifi_VIF_Config', where: [], columns: ['_uuid', 'if_name', 'enabled', 'ssid'] },
    { op: 'select', table: 'Wifi_VIF_State', where: [], columns: ['if_name', 'enabled', 'ssid', 'vif_config'] },
  ])) as Rows;
  const referenced = new Set(radios.rows.flatMap((r) => uuidsOf(r.vif_configs)));
  const wanted = configs.rows.filter((c) => referenced.has((c._uuid as [string, string])[1]));
  if (states.rows.length !== wanted.length) return false;
  return wanted.every((c) =>
    states.rows.some((s) => s.if_name === c.if_name && s.enabled === c.enabled && JSON.stringify(s.ssid) === JSON.stringify(c.ssid) && uuidsOf(s.vif_config)[0] === (c._uuid as [string, string])[1]),
  );
}

async function configUuids(rpc: RpcConnection): Promise<Map<string, string>> {
  const [configs] = (await rpc.request('transact', [DB, { op: 'select', table: 'Wifi_VIF_Config', where: [], columns: ['_uuid', 'if_name'] }])) as Rows;
  return new Map(configs.rows.map((c) => [c.if_name as string, (c._uuid as [string, string])[1]]));
}

async function record(socketPath: string): Promise<{ initial: unknown; steps: Step[] }> {
  const rpc = await dial(parseEndpoint(`unix:${socketPath}`));
  try {
    const pending: unknown[] = [];
    rpc.notifications.subscribe((n) => pending.push(n.params));
    const initial = await rpc.request('monitor_cond', [DB, 'controller', MONITOR]);
    const steps: Step[] = [];
    for (const [step, script] of SCRIPT) {
      const ops = typeof script === 'function' ? script(await configUuids(rpc)) : script;
      const result = await rpc.request('transact', [DB, ...ops]);
      for (let i = 0; !(await settled(rpc)); i++) {
        if (i > 500) throw new Error(`the device never settled after "${step}"`);
        await new Promise((r) => setTimeout(r, 10));
      }
      // Quiet time: a stray commit after settling would show up here.
      await new Promise((r) => setTimeout(r, 10 * BEHAVIOUR.applyDelayMs));
      steps.push({ step, result, notifications: pending.splice(0) });
    }
    return { initial, steps };
  } finally {
    rpc.close('recorded');
  }
}

/** uuids become "<table>:<if_name>#<incarnation>", learnt from initial and insert rows. */
function normalise(t: { initial: unknown; steps: Step[] }): unknown {
  const labels = new Map<string, string>();
  const seen = new Map<string, number>();
  const learn = (updates: unknown): void => {
    for (const [table, rows] of Object.entries(updates as Record<string, Record<string, Record<string, { if_name?: string }>>>)) {
      for (const [uuid, change] of Object.entries(rows)) {
        const row = change.initial ?? change.insert;
        if (!row || labels.has(uuid)) continue;
        const key = `${table}:${row.if_name ?? '?'}`;
        const n = (seen.get(key) ?? 0) + 1;
        seen.set(key, n);
        labels.set(uuid, `${key}#${n}`);
      }
    }
  };
  const label = (u: string): string => labels.get(u) ?? `unlabelled:${u}`;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      if (v.length === 2 && v[0] === 'uuid' && typeof v[1] === 'string') return ['uuid', label(v[1])];
      const mapped = v.map(walk);
      if ((v[0] === 'set' || v[0] === 'map') && Array.isArray(mapped[1])) return [v[0], [...(mapped[1] as unknown[])].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))];
      return mapped;
    }
    if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.error === 'string') return { error: o.error };
      const entries = Object.keys(o).map((k) => [/^[0-9a-f-]{36}$/.test(k) ? label(k) : k, walk(o[k])] as const);
      return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
    }
    return v;
  };
  learn(t.initial);
  const initial = walk(t.initial);
  const steps = t.steps.map((s) => {
    for (const n of s.notifications) learn((n as unknown[])[1]);
    // Results carry fresh uuids only for inserts; their labels come from the notifications.
    return { step: s.step, result: walk(s.result), notifications: s.notifications.map(walk) };
  });
  return { initial, steps };
}

describeWithOvsdb('the WiFi manager on the simulator and on a real ovsdb-server: same notifications', () => {
  const scheduler = new DelayScheduler();
  let real: OvsdbServerProcess;
  let realDevice: RealServerDevice;
  let sim: OvsdbServer;
  let simManagers: DeviceManagers;
  let dir: string;

  beforeAll(async () => {
    const profile = defaultProfile(SERIAL);
    real = await OvsdbServerProcess.start({ remotes: [] });
    realDevice = await attachToOvsdbServer({ socketPath: real.socketPath, profile, behaviour: BEHAVIOUR, scheduler, bootstrap: true });
    dir = mkdtempSync(join(tmpdir(), 'device-sim-diff-vifs-'));
    sim = new OvsdbServer([loadSchemaFile(OPENSYNC_SCHEMA_PATH)]);
    await sim.listen(`punix:${join(dir, 'sim.sock')}`);
    const port = new LocalDbPort(sim.database);
    await bootstrapDevice(port, profile, Math.floor(Date.now() / 1000));
    simManagers = new DeviceManagers(port, SERIAL, { ...DEFAULT_BEHAVIOUR, ...BEHAVIOUR }, scheduler, {
      log: () => undefined,
      dropConnection: () => undefined,
      reboot: () => undefined,
    });
    simManagers.start();
  });

  afterAll(async () => {
    simManagers?.stop();
    realDevice?.stop();
    scheduler.close();
    await sim?.close();
    await real?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('creates, disables, deletes and re-creates VIFs with the same notifications, in the same order', async () => {
    const expected = normalise(await record(real.socketPath)) as { initial: unknown; steps: Step[] };
    const actual = normalise(await record(join(dir, 'sim.sock'))) as { initial: unknown; steps: Step[] };
    expect(actual.initial).toEqual(expected.initial);
    for (let i = 0; i < SCRIPT.length; i++) expect(actual.steps[i]).toEqual(expected.steps[i]);
    // The case the simulator once got wrong: the weak reference cleared, then the row gone.
    const deleted = expected.steps[5].notifications.map((n) => JSON.stringify(n));
    expect(deleted).toHaveLength(2);
    expect(deleted[0]).toContain('"Wifi_VIF_State:home-ap-24#1":{"modify":{"vif_config":["set",[]]}}');
    expect(deleted[1]).toContain('"Wifi_VIF_State:home-ap-24#1":{"delete":null}');
  });
});
