// Several controller processes sharing one PostgreSQL schema and the NATS server, each
// reaching NATS through a proxy of its own (so one instance's connection can be cut without
// touching the shared server), and a simulated fleet dialling the redirector.

import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer, Server, Socket } from 'node:net';
import { join, resolve } from 'node:path';
import { DelayScheduler, defaultProfile, loadSchemaFile, OPENSYNC_SUBSET_SCHEMA_PATH, SimulatedDevice } from '@lib/device-sim';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/test-app';

const ROOT = resolve(__dirname, '../../..');
export const NATS_HOST = process.env.TEST_NATS_HOST ?? '127.0.0.1';
export const NATS_PORT = Number(process.env.TEST_NATS_PORT ?? 4222);
const JWT_SECRET = 'cluster test secret, the same on every instance';

/** Synchronous (jest collects describe blocks synchronously). */
export function natsReachable(): boolean {
  const probe = `const s = require('net').connect(${NATS_PORT}, '${NATS_HOST}'); s.on('data', (d) => process.exit(String(d).startsWith('INFO') ? 0 : 1)); s.on('error', () => process.exit(1)); setTimeout(() => process.exit(1), 3000);`;
  return spawnSync(process.execPath, ['-e', probe], { timeout: 10000, stdio: 'ignore' }).status === 0;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/** A TCP proxy to NATS that can be cut (every connection dropped, new ones refused) and restored. */
export class NatsProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;

  async start(port = 0): Promise<void> {
    this.server = createServer((client) => {
      const upstream = new Socket();
      upstream.connect(NATS_PORT, NATS_HOST);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((done) => this.server!.listen(port, '127.0.0.1', done));
    this.port = (this.server.address() as { port: number }).port;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise<void>((done) => server.close(() => done()));
  }

  async restore(): Promise<void> {
    await this.start(this.port);
  }
}

export interface Instance {
  id: string;
  deviceAddress: string;
  url: string;
  child: ChildProcess;
  nats: NatsProxy;
  output(): string;
  exit: Promise<number | null>;
}

export interface InstanceOptions {
  id: string;
  databaseUrl: string;
  leaseMs: number;
  redirectorPort?: number;
  /** More environment variables of the instance (telemetry, EBL). */
  env?: Record<string, string>;
}

export async function startInstance(options: InstanceOptions): Promise<Instance> {
  const nats = new NatsProxy();
  await nats.start();
  const devicePort = await freePort();
  const deviceAddress = `tcp:127.0.0.1:${devicePort}`;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    DATABASE_URL: options.databaseUrl,
    HTTP_PORT: '0',
    HTTP_HOST: '127.0.0.1',
    OVSDB_LISTEN: deviceAddress,
    JWT_SECRET,
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    CLUSTER_NATS_URL: `nats://127.0.0.1:${nats.port}`,
    CLUSTER_INSTANCE_ID: options.id,
    CLUSTER_DEVICE_ADDRESS: deviceAddress,
    CLUSTER_LEASE_MS: String(options.leaseMs),
    CLUSTER_DRAIN_PER_SECOND: '5',
    OVSDB_PROBE_INTERVAL_MS: '5000',
    ...(options.redirectorPort !== undefined ? { CLUSTER_REDIRECTOR_LISTEN: `tcp:127.0.0.1:${options.redirectorPort}` } : {}),
    ...options.env,
  };
  const child = spawn(process.execPath, ['-r', join(ROOT, 'test/bench/register-ts.js'), join(ROOT, 'src/main.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const url = await new Promise<string>((done, fail) => {
    const timer = setInterval(() => {
      const m = /GraphQL API listening on (http:\/\/\S+\/graphql)/.exec(out);
      if (m) {
        clearInterval(timer);
        done(m[1]);
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        fail(new Error(`instance ${options.id} exited: ${out.slice(-3000)}`));
      }
    }, 100);
  });
  return { id: options.id, deviceAddress, url, child, nats, output: () => out, exit };
}

export async function stopInstance(instance: Instance): Promise<void> {
  if (instance.child.exitCode === null && instance.child.signalCode === null) {
    instance.child.kill('SIGTERM');
    await instance.exit;
  }
  await instance.nats.cut();
}

export interface Fleet {
  devices: SimulatedDevice[];
  stop(): Promise<void>;
}

/** Devices that know only the redirector, as shipped (redirector_addr from the build). */
export async function startFleet(serials: string[], redirector: string): Promise<Fleet> {
  const scheduler = new DelayScheduler();
  const schema = loadSchemaFile(OPENSYNC_SUBSET_SCHEMA_PATH);
  const devices = serials.map(
    (serial) =>
      new SimulatedDevice({
        schema,
        profile: defaultProfile(serial, { redirectorAddr: redirector, minBackoff: 1, maxBackoff: 3 }),
        behaviour: { applyDelayMs: 50, backoffUnitMs: 200 },
        scheduler,
      }),
  );
  for (const device of devices) await device.start();
  return {
    devices,
    stop: async () => {
      for (const device of devices) await device.stop();
      scheduler.close();
    },
  };
}
