import { AddressInfo, Server, Socket, createServer } from 'node:net';
import { RpcConnection, StreamTransport } from '@lib/ovsdb';
import { loadSchemaFile } from '../server/ovsdb-server';
import { OPENSYNC_SUBSET_SCHEMA_PATH } from '../schema-files';
import { probeStep } from './connection-probe';
import { DelayScheduler } from './delay-scheduler';
import { defaultProfile } from './device-profile';
import { SimulatedDevice } from './simulated-device';

const schema = loadSchemaFile(OPENSYNC_SUBSET_SCHEMA_PATH);
const PROBE_MS = 150;

/** Polls a condition (no fixed sleeps); jest's timeout bounds the wait. */
async function until(probe: () => boolean): Promise<void> {
  while (!probe()) await new Promise((r) => setTimeout(r, 10));
}

describe('probeStep', () => {
  it('echoes after an interval of silence, measured from the last message', () => {
    expect(probeStep(1099, 100, undefined, 1000)).toEqual({ kind: 'wait', until: 1100 });
    expect(probeStep(1100, 100, undefined, 1000)).toEqual({ kind: 'echo', until: 2100 });
  });

  it('expires an interval after an echo that nothing followed', () => {
    expect(probeStep(2099, 100, 1100, 1000)).toEqual({ kind: 'wait', until: 2100 });
    expect(probeStep(2100, 100, 1100, 1000)).toEqual({ kind: 'expire', silentForMs: 2000 });
  });

  it('counts any message after the echo as activity and restarts the idle clock from it', () => {
    expect(probeStep(2100, 1500, 1100, 1000)).toEqual({ kind: 'wait', until: 2500 });
    expect(probeStep(2500, 1500, 1100, 1000)).toEqual({ kind: 'echo', until: 3500 });
  });
});

describe('SimulatedDevice inactivity probe', () => {
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

  async function listen(onSocket: (socket: Socket) => void): Promise<string> {
    const server = createServer((socket) => {
      sockets.push(socket);
      onSocket(socket);
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return `tcp:127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async function boot(managerAddr: string, inactivityProbeMs = PROBE_MS): Promise<{ device: SimulatedDevice; log: string[] }> {
    const log: string[] = [];
    const device = new SimulatedDevice({
      schema,
      profile: defaultProfile('SIM-PROBE', { managerAddr, minBackoff: 1, maxBackoff: 1 }),
      behaviour: { backoffUnitMs: 20, inactivityProbeMs },
      scheduler,
      onLog: (line) => log.push(line),
    });
    devices.push(device);
    await device.start();
    return { device, log };
  }

  it('echoes a controller that accepted but never speaks, then drops it and redials', async () => {
    const events: string[] = [];
    let accepted = 0;
    const addr = await listen((socket) => {
      const n = accepted++;
      let data = '';
      let echoed = false;
      events.push(`accept ${n}`);
      socket.on('data', (chunk: Buffer) => {
        data += chunk.toString('utf8');
        if (!echoed && data.includes('"method":"echo"')) {
          echoed = true;
          events.push(`echo ${n}`);
        }
      });
      socket.on('close', () => events.push(`close ${n}`));
    });
    const { log } = await boot(addr);
    await until(() => events.includes('accept 1') && events.includes('close 0'));
    expect(events.slice(0, 2)).toEqual(['accept 0', 'echo 0']);
    expect(events.indexOf('close 0')).toBeGreaterThan(1);
    expect(events.indexOf('accept 1')).toBeGreaterThan(1);
    expect(log.some((l) => l.startsWith('serial=SIM-PROBE connection inactivity probe'))).toBe(true);
    expect(log.some((l) => /connection backoff: connection closed: controller silent for \d+ ms/.test(l))).toBe(true);
  });

  it('keeps a connection whose controller answers the echoes', async () => {
    const accepted: RpcConnection[] = [];
    let echoes = 0;
    const addr = await listen((socket) => {
      const rpc = new RpcConnection(new StreamTransport(socket));
      rpc.handle('echo', (params) => {
        echoes++;
        return params;
      });
      accepted.push(rpc);
    });
    const { device, log } = await boot(addr);
    // Without the answers resetting the clock the device would drop at the second interval.
    await until(() => echoes >= 3);
    expect(accepted).toHaveLength(1);
    expect(accepted[0].closeReason).toBeUndefined();
    expect(device.connectionState).toBe('connected');
    expect(log.filter((l) => l.includes('connection connected'))).toHaveLength(1);
    await device.stop();
    expect(scheduler.pending).toBe(0);
  });

  it('counts any message from the controller as activity, not only echo replies', async () => {
    const accepted: RpcConnection[] = [];
    let echoes = 0;
    let answered = 0;
    const addr = await listen((socket) => {
      const rpc = new RpcConnection(new StreamTransport(socket));
      // Never answers the echo; speaks about something else instead.
      rpc.handle('echo', () => {
        echoes++;
        void rpc.request('list_dbs', []).then(() => answered++, () => undefined);
        return new Promise<never>(() => undefined);
      });
      accepted.push(rpc);
    });
    const { device } = await boot(addr);
    await until(() => echoes >= 3 && answered >= 3);
    expect(accepted).toHaveLength(1);
    expect(accepted[0].closeReason).toBeUndefined();
    expect(device.connectionState).toBe('connected');
  });

  it('schedules nothing while connected when the probe is disabled', async () => {
    let accepted = 0;
    const on = await listen(() => accepted++);
    const { device } = await boot(on, 0);
    await until(() => accepted === 1 && device.connectionState === 'connected');
    expect(scheduler.pending).toBe(0);
    const { device: probing } = await boot(on);
    await until(() => accepted === 2 && probing.connectionState === 'connected');
    expect(scheduler.pending).toBe(1);
  });
});
