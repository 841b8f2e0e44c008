// The same scripted transactions and monitors run against the simulator's OVSDB server and
// a real ovsdb-server loaded with the same schema: results and notifications must match.
// uuids are normalised by order of appearance, _version values erased, sets and row lists
// sorted, and error objects reduced to their "error" tag (the details are prose).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { RpcConnection } from '@lib/ovsdb';
import { OvsdbServer, dial, loadSchemaFile, parseEndpoint } from '@lib/device-sim';
import { OvsdbServerProcess, describeWithOvsdb } from '../support/ovsdb-server-process';

const SCHEMA = resolve(__dirname, '../fixtures/device-sim/engine-test.ovsschema');
const DB = 'Engine_Test';
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Op = Record<string, unknown>;
const ins = (table: string, row: object, name?: string): Op => ({ op: 'insert', table, row, ...(name ? { 'uuid-name': name } : {}) });
const byName = (table: string, ifName: string): unknown[] => [['if_name', '==', ifName]];

const SCRIPT: Op[][] = [
  [ins('Radio', { if_name: 'a', band: '2.4G', channel: 6, tags: ['set', ['x', 'y']], config: ['map', [['k', 'v']]] })],
  [ins('Radio', { if_name: 'bad', band: '7G' })],
  [ins('Radio', { if_name: 'bad', tags: ['set', ['1', '2', '3']] })],
  [ins('Radio', { if_name: 'bad', channel: 'six' })],
  [
    ins('Radio', { if_name: 'b', band: '5G' }, 'r'),
    ins('Vif', { if_name: 'home', radio: ['named-uuid', 'r'], psks: ['map', [['key-1', 'secret']]] }, 'v'),
    { op: 'mutate', table: 'Radio', where: byName('Radio', 'b'), mutations: [['vifs', 'insert', ['set', [['named-uuid', 'v']]]]] },
  ],
  [ins('Radio', { if_name: 'bad', hw: ['uuid', '11111111-2222-3333-4444-555555555555'] })],
  [
    ins('Radio', { if_name: 'c', hw: ['named-uuid', 'h'] }),
    ins('Hw', { model: 'm1', parts: ['set', [['named-uuid', 'p1'], ['named-uuid', 'p2']]] }, 'h'),
    ins('Part', { name: 'antenna' }, 'p1'),
    ins('Part', { name: 'amp' }, 'p2'),
    ins('Part', { name: 'orphan' }),
  ],
  [{ op: 'select', table: 'Part', where: [], columns: ['name'] }, { op: 'select', table: 'Hw', where: [] }],
  [{ op: 'delete', table: 'Hw', where: [] }],
  [{ op: 'update', table: 'Hw', where: [], row: { parts: ['set', []] } }],
  [{ op: 'delete', table: 'Vif', where: [] }],
  [{ op: 'update', table: 'Radio', where: byName('Radio', 'a'), row: { channel: 11, tags: ['set', ['y', 'z']], config: ['map', [['k', 'w'], ['n', '1']]] } }],
  [{ op: 'mutate', table: 'Radio', where: byName('Radio', 'a'), mutations: [['channel', '/=', 0]] }],
  [{ op: 'mutate', table: 'Radio', where: [], mutations: [['config', 'insert', ['map', [['k', 'ignored'], ['m', '2']]]], ['config', 'delete', ['set', ['n']]]] }],
  [{ op: 'mutate', table: 'Radio', where: byName('Radio', 'a'), mutations: [['channel', '+=', 1000]] }],
  [{ op: 'wait', table: 'Radio', where: byName('Radio', 'a'), columns: ['channel'], until: '==', rows: [{ channel: 1 }], timeout: 0 }],
  [
    { op: 'wait', table: 'Radio', where: byName('Radio', 'a'), columns: ['channel'], until: '==', rows: [{ channel: 11 }], timeout: 0 },
    { op: 'comment', comment: 'waited' },
    { op: 'update', table: 'Radio', where: byName('Radio', 'a'), row: { enabled: true } },
  ],
  [{ op: 'update', table: 'Radio', where: byName('Radio', 'a'), row: { enabled: true } }],
  [ins('Radio', { if_name: 'd' }), ins('Radio', { if_name: 'e' })],
  [ins('Radio', { if_name: 'a' })],
  [ins('Radio', { if_name: 'f' }), { op: 'abort' }, { op: 'comment', comment: 'not reached' }],
  [{ op: 'update', table: 'Radio', where: [], row: { serial: 'changed' } }],
  [ins('Vif', { if_name: 'w', radio: ['uuid', '00000000-0000-0000-0000-000000000000'] })],
  [ins('Vif', { if_name: 'x', radio: ['named-uuid', 'rb'] }), { op: 'select', table: 'Radio', where: byName('Radio', 'b'), columns: ['_uuid'] }],
  [{ op: 'delete', table: 'Radio', where: byName('Radio', 'c') }],
  [{ op: 'update', table: 'Radio', where: byName('Radio', 'a'), row: { if_name: 'z' } }],
  [{ op: 'select', table: 'Radio', where: [['channel', '>', 5]], columns: ['if_name', 'channel', 'config', 'vifs'] }],
  [
    { op: 'update', table: 'Radio', where: byName('Radio', 'z'), row: { tags: ['set', ['q', 'r']], power: 12.5 } },
    { op: 'select', table: 'Radio', where: [['tags', 'includes', 'q']], columns: ['if_name'] },
    { op: 'select', table: 'Radio', where: [['tags', 'excludes', ['set', ['q', 'x']]]], columns: ['if_name'] },
    { op: 'select', table: 'Radio', where: [['config', 'includes', ['map', [['k', 'w']]]]], columns: ['if_name'] },
    { op: 'select', table: 'Radio', where: [['power', '<=', 12.5], ['if_name', '!=', 'b']], columns: ['if_name', 'power'] },
    { op: 'select', table: 'Radio', where: [['enabled', '==', true]], columns: ['if_name'] },
  ],
  [{ op: 'mutate', table: 'Radio', where: byName('Radio', 'z'), mutations: [['config', 'delete', ['map', [['k', 'not-w'], ['m', '2']]]], ['power', '*=', 2]] }],
  [{ op: 'mutate', table: 'Radio', where: byName('Radio', 'z'), mutations: [['power', '+=', 10]] }],
  [{ op: 'mutate', table: 'Radio', where: byName('Radio', 'z'), mutations: [['tags', 'delete', 'q'], ['tags', 'insert', ['set', ['s', 'r']]]] }],
  [ins('Vif', { if_name: 'p', radio: ['uuid', '00000000-0000-0000-0000-000000000000'], psks: ['map', [['a', '1'], ['b', '2'], ['c', '3'], ['d', '4'], ['e', '5']]] })],
  [{ op: 'insert', table: 'Nope', row: {} }],
  [ins('Radio', { no_such_column: 1 })],
  [{ op: 'select', table: 'Radio', where: [['no_such_column', '==', 1]] }],
];

const MONITORS: [string, string, object][] = [
  ['monitor', 'all', { Radio: {}, Vif: {}, Hw: {}, Part: {} }],
  ['monitor', 'some', { Radio: { columns: ['if_name', 'tags', 'config'], select: { initial: true, insert: true, delete: true, modify: true } } }],
  ['monitor_cond', 'cond-all', { Radio: [{}], Vif: [{}], Hw: [{}], Part: [{}] }],
  ['monitor_cond', 'cond-a', { Radio: [{ where: [['if_name', '==', 'a']], columns: ['if_name', 'channel', 'tags', 'enabled'] }] }],
];

interface Transcript {
  monitors: unknown[];
  steps: { result: unknown; notifications: unknown[] }[];
}

async function record(rpc: RpcConnection): Promise<Transcript> {
  const pending: unknown[] = [];
  rpc.notifications.subscribe((n) => pending.push({ method: n.method, params: n.params }));
  const monitors: unknown[] = [];
  for (const [method, id, req] of MONITORS) monitors.push(await rpc.request(method, [DB, id, req]));
  const steps: Transcript['steps'] = [];
  for (const ops of SCRIPT) {
    const result = await rpc.request('transact', [DB, ...ops]);
    steps.push({ result, notifications: pending.splice(0) });
  }
  return { monitors, steps };
}

/** Labels uuids by order of appearance in insert results, then in any other place. */
function normalise(t: Transcript): unknown {
  const labels = new Map<string, string>();
  const label = (u: string): string => {
    if (u === '00000000-0000-0000-0000-000000000000') return u;
    if (!labels.has(u)) labels.set(u, `uuid-${labels.size + 1}`);
    return labels.get(u) as string;
  };
  for (const step of t.steps) {
    for (const r of step.result as unknown[]) {
      const u = (r as { uuid?: [string, string] } | null)?.uuid;
      if (u) label(u[1]);
    }
  }
  const walk = (v: unknown, key?: string): unknown => {
    if (Array.isArray(v)) {
      if (v.length === 2 && v[0] === 'uuid' && typeof v[1] === 'string') return ['uuid', key === '_version' ? '<version>' : label(v[1])];
      const mapped = v.map((x) => walk(x));
      if ((v[0] === 'set' || v[0] === 'map') && Array.isArray(mapped[1])) {
        return [v[0], [...(mapped[1] as unknown[])].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))];
      }
      if (key === 'rows') return mapped.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      return mapped;
    }
    if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.error === 'string') return { error: o.error };
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(o).sort()) out[UUID_RE.test(k) ? label(k) : k] = walk(o[k], k);
      return out;
    }
    return v;
  };
  return walk(t);
}

describeWithOvsdb(
  'simulator OVSDB server against a real ovsdb-server',
  () => {
    let real: OvsdbServerProcess;
    let sim: OvsdbServer;
    let dir: string;
    const clients: RpcConnection[] = [];

    beforeAll(async () => {
      real = await OvsdbServerProcess.start({ schemaPath: SCHEMA, remotes: [] });
      dir = mkdtempSync(join(tmpdir(), 'device-sim-diff-'));
      sim = new OvsdbServer([loadSchemaFile(SCHEMA)]);
      await sim.listen(`punix:${join(dir, 'sim.sock')}`);
    });

    afterAll(async () => {
      for (const c of clients) c.close('test done');
      await sim?.close();
      await real?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('gives the same results and notifications for the same script', async () => {
      const realRpc = await dial(parseEndpoint(`unix:${real.socketPath}`));
      const simRpc = await dial(parseEndpoint(`unix:${join(dir, 'sim.sock')}`));
      clients.push(realRpc, simRpc);
      const expected = normalise(await record(realRpc));
      const actual = normalise(await record(simRpc));
      const e = expected as Transcript;
      const a = actual as Transcript;
      expect(a.monitors).toEqual(e.monitors);
      for (let i = 0; i < SCRIPT.length; i++) {
        expect({ step: i, ...a.steps[i] }).toEqual({ step: i, ...e.steps[i] });
      }
    });

    async function blockingWait(socketPath: string): Promise<unknown> {
      const waiter = await dial(parseEndpoint(`unix:${socketPath}`));
      const writer = await dial(parseEndpoint(`unix:${socketPath}`));
      clients.push(waiter, writer);
      const wait = { op: 'wait', table: 'Part', where: [], columns: ['name'], until: '!=', rows: [] };
      const timedOut = await waiter.request('transact', [DB, { ...wait, until: '==', rows: [{ name: 'never' }], timeout: 50 }]);
      const pending = waiter.request('transact', [DB, { ...wait, timeout: 600000 }, { op: 'select', table: 'Part', where: [], columns: ['name'] }]);
      // Part is not a root table: the row lives only while Hw references it.
      const written = await writer.request('transact', [
        DB,
        ins('Radio', { if_name: 'holder', hw: ['named-uuid', 'h'] }),
        ins('Hw', { model: 'late', parts: ['named-uuid', 'p'] }, 'h'),
        ins('Part', { name: 'late-part' }, 'p'),
      ]);
      const results = { timedOut, written, waited: await pending };
      await writer.request('transact', [DB, { op: 'delete', table: 'Radio', where: byName('Radio', 'holder') }]);
      return normalise({ monitors: [], steps: [{ result: [results.timedOut, results.written, results.waited].flat(), notifications: [] }] });
    }

    it('blocks a wait with a timeout until another client commits, the same way', async () => {
      const expected = await blockingWait(real.socketPath);
      const actual = await blockingWait(join(dir, 'sim.sock'));
      expect(actual).toEqual(expected);
    });
  },
  SCHEMA,
);
