import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DatabaseSchema, Operation } from '@lib/ovsdb';
import { CachedRow } from '../desired/desired-network';
import { CURRENT_TEST_SCHEMA } from '../testing/opensync-test-schema';
import { network } from '../testing/opensync-fixtures';
import { desiredIsolation, DesiredIsolation } from './desired-isolation';
import { isolationMismatches } from './isolation-status';
import { DeviceIsolationView, planIsolationOperations, schemaSupportsIsolation } from './plan-isolation';
import { DEFAULT_SUBNET_POOL, parseSubnetPool } from './subnet-pool';

// The simulator's subset carries the isolation tables with the firmware's column types.
const SCHEMA = DatabaseSchema.parse(JSON.parse(readFileSync(resolve(__dirname, '../../../device-sim/schema/opensync-subset.ovsschema'), 'utf8')));
const NOW = new Date('2026-01-01T12:00:00Z');
const guest = network({ id: 'guest', slot: 2, kind: 'GUEST' });
const iot = network({ id: 'iot', slot: 3, kind: 'IOT' });

function plan(networks = [guest]): DesiredIsolation {
  return desiredIsolation(networks, NOW, { supported: true, inetRows: [] }, { pool: parseSubnetPool(DEFAULT_SUBNET_POOL) });
}

function emptyDevice(): DeviceIsolationView {
  return { bridges: [], inetConfigs: [], inetStates: [], netfilters: [] };
}

let next = 0;
const uuid = (): string => `e0000000-0000-4000-8000-${String(++next).padStart(12, '0')}`;

/** What the device holds after the operations (enough of OVSDB for these tables). */
function applyOps(device: DeviceIsolationView, ops: readonly Operation[]): DeviceIsolationView {
  const named = new Map<string, string>();
  const out = { ...device, bridges: [...device.bridges], inetConfigs: [...device.inetConfigs], netfilters: [...device.netfilters] };
  const key = { Wifi_Inet_Config: 'inetConfigs', Netfilter: 'netfilters' } as const;
  for (const op of ops as unknown as Array<Record<string, unknown>>) {
    const table = op.table as string;
    const where = op.where as Array<[string, string, unknown]> | undefined;
    const target = JSON.parse(JSON.stringify(where?.[0]?.[2] ?? null)) as unknown;
    if (op.op === 'insert') {
      const id = uuid();
      if (op['uuid-name']) named.set(String(op['uuid-name']), id);
      const row = { _uuid: id, ...(JSON.parse(JSON.stringify(op.row)) as object) } as CachedRow;
      if (table === 'Bridge') out.bridges.push(row);
      if (table in key) out[key[table as keyof typeof key]].push(decodeMaps(row));
      continue;
    }
    if (op.op === 'delete') {
      const k = key[table as keyof typeof key];
      out[k] = out[k].filter((r) => !(Array.isArray(target) && r._uuid === target[1]));
    } else if (op.op === 'update') {
      const k = key[table as keyof typeof key];
      out[k] = out[k].map((r) => (Array.isArray(target) && r._uuid === target[1] ? decodeMaps({ ...r, ...(JSON.parse(JSON.stringify(op.row)) as object) }) : r));
    } else if (op.op === 'mutate' && table === 'Open_vSwitch') {
      for (const [, mutator, value] of JSON.parse(JSON.stringify(op.mutations)) as Array<[string, string, [string, Array<[string, string]>]]>) {
        const ids = value[1].map(([kind, v]) => (kind === 'named-uuid' ? named.get(v)! : v));
        if (mutator === 'delete') out.bridges = out.bridges.filter((b) => !ids.includes(b._uuid));
      }
    }
  }
  return out;
}

function decodeMaps(row: CachedRow): CachedRow {
  const dhcpd = row.dhcpd as unknown;
  return Array.isArray(dhcpd) && dhcpd[0] === 'map' ? { ...row, dhcpd: new Map(dhcpd[1] as Array<[string, string]>) } : row;
}

describe('planIsolationOperations', () => {
  it('creates Interface, Port and Bridge with named uuids, hangs the Bridge off Open_vSwitch, writes inet config and drop rules', () => {
    const ops = planIsolationOperations(plan(), emptyDevice(), SCHEMA);
    expect(ops.slice(0, 4).map((o) => `${o.op} ${'table' in o ? o.table : ''}`)).toEqual([
      'insert Interface',
      'insert Port',
      'insert Bridge',
      'mutate Open_vSwitch',
    ]);
    const wire = JSON.parse(JSON.stringify(ops)) as Array<Record<string, unknown>>;
    expect(wire[0]).toMatchObject({ row: { name: 'br-ctl2', type: 'internal' }, 'uuid-name': 'iface_br_ctl2' });
    expect(wire[1]).toMatchObject({ row: { name: 'br-ctl2', interfaces: ['set', [['named-uuid', 'iface_br_ctl2']]] } });
    expect(wire[2]).toMatchObject({ row: { name: 'br-ctl2', ports: ['set', [['named-uuid', 'port_br_ctl2']]] } });
    expect(wire[3]).toMatchObject({ where: [], mutations: [['bridges', 'insert', ['set', [['named-uuid', 'bridge_br_ctl2']]]]] });
    expect(ops.filter((o) => o.op === 'insert' && o.table === 'Wifi_Inet_Config')).toHaveLength(1);
    expect(ops.filter((o) => o.op === 'insert' && o.table === 'Netfilter')).toHaveLength(4);
  });

  it('has nothing more to do once the device holds the rows, and converges', () => {
    const desired = plan([guest, iot]);
    const device = applyOps(emptyDevice(), planIsolationOperations(desired, emptyDevice(), SCHEMA));
    expect(planIsolationOperations(desired, device, SCHEMA)).toEqual([]);
    const states = device.inetConfigs.map((c) => ({ ...c, _uuid: uuid(), inet_config: c._uuid }));
    for (const wanted of desired.networks) {
      expect(isolationMismatches({ wanted, slot: wanted.slot, device: { ...device, inetStates: states }, inetState: true })).toEqual([]);
    }
    // Without Wifi_Inet_State reporting the address, the bridge is not applied yet.
    expect(isolationMismatches({ wanted: desired.networks[0], slot: 2, device, inetState: true }).map((m) => `${m.reason} ${m.column}`)).toEqual([
      'STATE_DIFFERS enabled',
      'STATE_DIFFERS inet_addr',
      'STATE_DIFFERS netmask',
    ]);
  });

  it('removes what a network no longer needs and never touches the device own rows', () => {
    const foreignBridge: CachedRow = { _uuid: uuid(), name: 'br-home' };
    const foreignInet: CachedRow = { _uuid: uuid(), if_name: 'br-home', if_type: 'bridge', inet_addr: '192.168.40.1' };
    const foreignRule: CachedRow = { _uuid: uuid(), name: 'lan_forward', rule: '-i br-home', target: 'ACCEPT' };
    const start = emptyDevice();
    const withBoth = applyOps(start, planIsolationOperations(plan([guest, iot]), start, SCHEMA));
    const device: DeviceIsolationView = {
      ...withBoth,
      bridges: [...withBoth.bridges, foreignBridge],
      inetConfigs: [...withBoth.inetConfigs, foreignInet],
      netfilters: [...withBoth.netfilters, foreignRule],
    };
    const onlyGuest = plan([guest]);
    const ops = planIsolationOperations(onlyGuest, device, SCHEMA);
    const iotBridge = device.bridges.find((b) => b.name === 'br-ctl3')!;
    expect(JSON.parse(JSON.stringify(ops.filter((o) => o.op === 'mutate')))).toEqual([
      { op: 'mutate', table: 'Open_vSwitch', where: [], mutations: [['bridges', 'delete', ['set', [['uuid', iotBridge._uuid]]]]] },
    ]);
    const after = applyOps(device, ops);
    expect(after.bridges.map((b) => b.name).sort()).toEqual(['br-ctl2', 'br-home']);
    expect(after.inetConfigs.map((r) => r.if_name).sort()).toEqual(['br-ctl2', 'br-home']);
    expect(after.netfilters.map((r) => r.name).sort()).toEqual([...onlyGuest.networks[0].netfilter.keys(), 'lan_forward'].sort());
    expect(isolationMismatches({ slot: 3, device: after, inetState: false })).toEqual([]);
    expect(isolationMismatches({ slot: 3, device, inetState: false }).map((m) => m.reason)).toContain('NOT_REMOVED');
    // Nothing isolated at all: every owned row goes, the device's own stay.
    const none = applyOps(after, planIsolationOperations(plan([]), after, SCHEMA));
    expect([none.bridges, none.inetConfigs, none.netfilters].map((rows) => rows.length)).toEqual([1, 1, 1]);
  });

  it('writes nothing to a device whose schema lacks the tables', () => {
    expect(schemaSupportsIsolation(CURRENT_TEST_SCHEMA)).toBe(false);
    expect(schemaSupportsIsolation(SCHEMA)).toBe(true);
    expect(planIsolationOperations(plan(), emptyDevice(), CURRENT_TEST_SCHEMA)).toEqual([]);
  });

  it('reports a Netfilter row the device marks as error', () => {
    const desired = plan();
    const device = applyOps(emptyDevice(), planIsolationOperations(desired, emptyDevice(), SCHEMA));
    const broken = { ...device, netfilters: device.netfilters.map((r, i) => (i === 0 ? { ...r, status: 'error' } : r)) };
    expect(isolationMismatches({ wanted: desired.networks[0], slot: 2, device: broken, inetState: false })).toEqual([
      { ifName: device.netfilters[0].name, reason: 'STATE_DIFFERS', column: 'status', state: 'error' },
    ]);
  });
});
