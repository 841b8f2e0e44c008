import { AddressInfo, Server, Socket, createServer } from 'node:net';
import { OvsdbError, RpcConnection, StreamTransport } from '@lib/ovsdb';
import { loadSchemaFile } from '../server/ovsdb-server';
import { TransactFault } from '../server/transact-fault';
import { OPENSYNC_SUBSET_SCHEMA_PATH } from '../schema-files';
import { DelayScheduler } from './delay-scheduler';
import { defaultProfile } from './device-profile';
import { SimulatedDevice } from './simulated-device';
import { TransactDropFault } from './transact-drop-fault';

const schema = loadSchemaFile(OPENSYNC_SUBSET_SCHEMA_PATH);
const DB = 'Open_vSwitch';

/** Polls a condition (no fixed sleeps); jest's timeout bounds the wait. */
async function until<T>(probe: () => T | undefined | false): Promise<T> {
  for (;;) {
    const v = probe();
    if (v !== undefined && v !== false) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function rejection(p: Promise<unknown>): Promise<OvsdbError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof OvsdbError) return err;
    throw err;
  }
  throw new Error('expected the request to fail');
}

const insertVif = (ifName: string): unknown[] => [
  DB,
  { op: 'insert', table: 'Wifi_VIF_Config', 'uuid-name': 'v', row: { if_name: ifName, enabled: true, mode: 'ap', ssid: 'net' } },
  { op: 'mutate', table: 'Wifi_Radio_Config', where: [['if_name', '==', 'wifi0']], mutations: [['vif_configs', 'insert', ['set', [['named-uuid', 'v']]]]] },
];

describe('TransactDropFault', () => {
  it('fires for the first N transacts that touch Wifi_VIF_Config only', () => {
    const seen: TransactFault[] = [];
    const fault = new TransactDropFault({ transactDrops: 2, transactDropMode: 'drop-after-commit' }, (f) => seen.push(f));
    const vif = [{ op: 'select', table: 'Wifi_VIF_Config', where: [] }];
    expect(fault.hook(DB, [{ op: 'select', table: 'AWLAN_Node', where: [] }])).toBeUndefined();
    expect(fault.hook(DB, vif)).toBe('drop-after-commit');
    expect(fault.hook(DB, [{ op: 'comment', comment: 'x' }, ...vif])).toBe('drop-after-commit');
    expect(fault.hook(DB, vif)).toBeUndefined();
    expect(fault.injected).toBe(2);
    expect(seen).toEqual(['drop-after-commit', 'drop-after-commit']);
  });
});

describe('a simulated device that loses the connection during a transact', () => {
  let scheduler: DelayScheduler;
  const devices: SimulatedDevice[] = [];
  const servers: Server[] = [];
  const sockets: Socket[] = [];

  beforeEach(() => {
    scheduler = new DelayScheduler();
  });

  afterEach(async () => {
    await Promise.all(devices.splice(0).map((d) => d.stop()));
    for (const s of sockets.splice(0)) s.destroy();
    await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
    scheduler.close();
  });

  async function controller(): Promise<{ addr: string; accepted: RpcConnection[] }> {
    const accepted: RpcConnection[] = [];
    const server = createServer((socket) => {
      sockets.push(socket);
      accepted.push(new RpcConnection(new StreamTransport(socket)));
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return { addr: `tcp:127.0.0.1:${(server.address() as AddressInfo).port}`, accepted };
  }

  async function boot(mode: TransactFault): Promise<{ device: SimulatedDevice; accepted: RpcConnection[]; logs: string[] }> {
    const { addr, accepted } = await controller();
    const logs: string[] = [];
    const device = new SimulatedDevice({
      schema,
      profile: defaultProfile('SIMDROP1', { managerAddr: addr, minBackoff: 1, maxBackoff: 1 }),
      behaviour: { applyDelayMs: 5, backoffUnitMs: 20, transactDrops: 1, transactDropMode: mode },
      scheduler,
      onLog: (line) => logs.push(line),
    });
    devices.push(device);
    await device.start();
    return { device, accepted, logs };
  }

  const named = (d: SimulatedDevice, ifName: string) => d.database.rows('Wifi_VIF_Config').filter((r) => r.if_name === ifName);

  /** First connection: monitored, a transact elsewhere works, the VIF transact loses the connection. */
  async function firstAttempt(mode: TransactFault): Promise<{ device: SimulatedDevice; accepted: RpcConnection[]; error: OvsdbError; updates: unknown[]; logs: string[] }> {
    const { device, accepted, logs } = await boot(mode);
    const first = await until(() => accepted[0]);
    const updates: unknown[] = [];
    first.notifications.subscribe((n) => updates.push(n));
    await first.request('monitor_cond', [DB, 'vifs', { Wifi_VIF_Config: [{ columns: ['if_name'] }] }]);
    await expect(first.request('transact', [DB, { op: 'select', table: 'AWLAN_Node', where: [], columns: ['id'] }])).resolves.toEqual([{ rows: [{ id: 'SIMDROP1' }] }]);
    const error = await rejection(first.request('transact', insertVif('ctl1-ap-24')));
    return { device, accepted, error, updates, logs };
  }

  it('drop-before-apply: the transaction is not applied, the device redials and the retry goes through', async () => {
    const { device, accepted, error, updates, logs } = await firstAttempt('drop-before-apply');
    expect(error.code).toBe('SESSION_CLOSED');
    expect(updates).toEqual([]);
    expect(named(device, 'ctl1-ap-24')).toEqual([]);
    expect(logs).toContain('serial=SIMDROP1 fault: connection dropped during a transact (drop-before-apply)');
    const second = await until(() => accepted[1]);
    await second.request('transact', insertVif('ctl1-ap-24'));
    expect(named(device, 'ctl1-ap-24')).toHaveLength(1);
    expect(device.transactFault.injected).toBe(1);
  });

  it('drop-after-commit: the transaction is committed though neither its reply nor its updates were sent', async () => {
    const { device, accepted, error, updates } = await firstAttempt('drop-after-commit');
    expect(error.code).toBe('SESSION_CLOSED');
    expect(updates).toEqual([]);
    const [row] = named(device, 'ctl1-ap-24');
    expect(row).toBeDefined();
    const radio = device.database.rows('Wifi_Radio_Config').find((r) => r.if_name === 'wifi0');
    expect(radio?.vif_configs).toEqual([row._uuid]);
    // The controller must learn it from the database on the next connection.
    const second = await until(() => accepted[1]);
    const initial = (await second.request('monitor_cond', [DB, 'vifs', { Wifi_VIF_Config: [{ columns: ['if_name'] }] }])) as {
      Wifi_VIF_Config: Record<string, { initial: { if_name: string } }>;
    };
    expect(Object.values(initial.Wifi_VIF_Config).map((r) => r.initial.if_name)).toEqual(['ctl1-ap-24']);
    await expect(second.request('transact', [DB, { op: 'update', table: 'Wifi_VIF_Config', where: [['if_name', '==', 'ctl1-ap-24']], row: { ssid: 'changed' } }])).resolves.toEqual([{ count: 1 }]);
    expect(device.transactFault.injected).toBe(1);
  });
});
