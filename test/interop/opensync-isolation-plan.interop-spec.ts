// The isolation planner against a real ovsdb-server holding the full OpenSync schema, with
// no controller in between: the server accepts every planned transaction (types, references,
// the name indexes of Bridge/Port/Interface/Netfilter), reading back and planning again gives
// nothing to do, and removal leaves no Bridge, Port or Interface behind.
import { readFileSync } from 'node:fs';
import { DatabaseSchema, decodeRow, Operation, OperationBuilder } from '@lib/ovsdb';
import { CachedRow, DeviceIsolationView, desiredIsolation, parseSubnetPool, planIsolationOperations } from '@lib/opensync';
import { network } from '@lib/opensync/testing/opensync-fixtures';
import { describeWithOvsdb, OPENSYNC_SCHEMA_PATH, OvsdbServerProcess } from '../support/ovsdb-server-process';

const DB = 'Open_vSwitch';
const NOW = new Date('2026-01-01T12:00:00Z');
const POOL = { pool: parseSubnetPool('10.242.0.0/16') };

describeWithOvsdb('isolation plans applied by a real ovsdb-server with the OpenSync schema', () => {
  let server: OvsdbServerProcess;
  let schema: DatabaseSchema;
  let builder: OperationBuilder;

  async function rows(table: string): Promise<CachedRow[]> {
    const [result] = await server.transact(DB, builder.select(table, []));
    return (result as { rows: unknown[] }).rows.map((wire) => decodeRow(schema.requireTable(table), wire) as CachedRow);
  }

  async function view(): Promise<DeviceIsolationView> {
    const [bridges, inetConfigs, inetStates, netfilters] = await Promise.all(['Bridge', 'Wifi_Inet_Config', 'Wifi_Inet_State', 'Netfilter'].map((t) => rows(t)));
    return { bridges, inetConfigs, inetStates, netfilters };
  }

  async function apply(ops: Operation[]): Promise<void> {
    builder.checkResult(ops, await server.transact(DB, ...ops));
  }

  const plan = (kinds: Array<[string, number]>) =>
    desiredIsolation(
      kinds.map(([id, slot]) => network({ id, slot, kind: 'GUEST' })),
      NOW,
      { supported: true, inetRows: [] },
      POOL,
    );

  beforeAll(async () => {
    schema = DatabaseSchema.parse(JSON.parse(readFileSync(OPENSYNC_SCHEMA_PATH, 'utf8')));
    builder = new OperationBuilder(schema);
    server = await OvsdbServerProcess.start({ remotes: [] });
    // What a device holds before the controller comes: the root row, its LAN and a rule of its own.
    await server.transact(
      DB,
      { op: 'insert', table: 'Open_vSwitch', row: {} },
      { op: 'insert', table: 'Wifi_Inet_Config', row: { if_name: 'br-home', if_type: 'bridge', enabled: true, network: true, inet_addr: '192.168.40.1', netmask: '255.255.255.0' } },
      { op: 'insert', table: 'Netfilter', row: { name: 'lan_accept', enable: true, protocol: 'ipv4', table: 'filter', chain: 'NM_FORWARD', priority: 1, rule: '-i br-home', target: 'ACCEPT' } },
    );
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('creates two isolated bridges with their rows; a second plan is empty', async () => {
    const desired = plan([['guest', 2], ['iot', 3]]);
    await apply(planIsolationOperations(desired, await view(), schema));
    const after = await view();
    expect(after.bridges.map((b) => b.name).sort()).toEqual(['br-ctl2', 'br-ctl3']);
    const [root] = await rows('Open_vSwitch');
    expect([...(root.bridges as string[])].sort()).toEqual(after.bridges.map((b) => b._uuid).sort());
    const ports = await rows('Port');
    const ifaces = await rows('Interface');
    for (const bridge of after.bridges) {
      const port = ports.find((p) => (bridge.ports as string[]).includes(p._uuid));
      expect(port?.name).toBe(bridge.name);
      expect(ifaces.find((i) => (port!.interfaces as string[]).includes(i._uuid))).toMatchObject({ name: bridge.name, type: 'internal' });
    }
    expect(after.inetConfigs.find((r) => r.if_name === 'br-ctl3')).toMatchObject({ inet_addr: '10.242.3.1', NAT: false, ip_assign_scheme: 'static' });
    expect(after.netfilters.filter((r) => String(r.name).startsWith('ctl-iso-'))).toHaveLength(12);
    expect(planIsolationOperations(desired, after, schema)).toEqual([]);
  });

  it('a rule changed on the device is put back; a foreign row is never touched', async () => {
    const desired = plan([['guest', 2], ['iot', 3]]);
    await server.transact(DB, { op: 'update', table: 'Netfilter', where: [['name', '==', 'ctl-iso-br-ctl2-br-home-v4']], row: { target: 'ACCEPT' } });
    const ops = planIsolationOperations(desired, await view(), schema);
    expect(ops.map((o) => o.op)).toEqual(['update']);
    await apply(ops);
    expect((await rows('Netfilter')).find((r) => r.name === 'ctl-iso-br-ctl2-br-home-v4')?.target).toBe('DROP');
  });

  it('removing every isolated network leaves the device as it was', async () => {
    await apply(planIsolationOperations(plan([]), await view(), schema));
    const after = await view();
    expect(after.bridges).toEqual([]);
    expect(await rows('Port')).toEqual([]);
    expect(await rows('Interface')).toEqual([]);
    expect((await rows('Open_vSwitch'))[0].bridges ?? []).toEqual([]);
    expect(after.inetConfigs.map((r) => r.if_name)).toEqual(['br-home']);
    expect(after.netfilters.map((r) => r.name)).toEqual(['lan_accept']);
  });
});
