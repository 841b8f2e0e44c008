// The controller as an operator runs it, in its own process (the TypeScript sources through
// the bench's require hook): configuration problems end it with one block and exit code 1;
// with LOG_FORMAT=json every line parses and device lines carry the serial as a field;
// SIGTERM with a simulated device connected closes the session with a log line and exits 0.

import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DelayScheduler, defaultProfile, loadSchemaFile, OPENSYNC_SUBSET_SCHEMA_PATH, SimulatedDevice } from '@lib/device-sim';
import { until } from '../reconciliation/sim-device';

const ROOT = resolve(__dirname, '../../..');

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

function startController(env: Record<string, string>, dir: string): Run {
  const child = spawn(process.execPath, ['-r', join(ROOT, 'test/bench/register-ts.js'), join(ROOT, 'src/main.ts')], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: `sqlite:${join(dir, 'c.sqlite')}`, HTTP_PORT: '0', OVSDB_LISTEN: 'tcp:127.0.0.1:0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, stdout: () => out, stderr: () => err, exit };
}

/** Whether a TCP connection to host:port is accepted (refused: false). */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

describe('the controller process', () => {
  let dir: string;
  const children: ChildProcess[] = [];
  const run = (env: Record<string, string>): Run => {
    const r = startController(env, dir);
    children.push(r.child);
    return r;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'controller-process-'));
  });

  afterAll(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists every bad variable in one block, without a stack, and exits 1', async () => {
    const r = run({ LOG_FORMAT: 'xml', HTTP_PORT: 'abc', JWT_SECRET: 'short', OVSDB_LISTEN: 'ssl:0.0.0.0:6640', OVSDB_TLS_CERT: join(dir, 'none.pem') });
    expect(await r.exit).toBe(1);
    const lines = r.stderr().trimEnd().split('\n');
    expect(lines[0]).toMatch(/^invalid configuration: the controller did not start/);
    expect(lines.slice(1).map((l) => l.trim().split(/\s+/)[0])).toEqual([
      'LOG_FORMAT',
      'HTTP_PORT',
      'JWT_SECRET',
      'OVSDB_TLS_CERT',
      'OVSDB_TLS_KEY',
      'OVSDB_TLS_CA',
    ]);
    expect(r.stderr()).not.toMatch(/^\s+at /m);
  });

  it('names the variable and the port when a port is in use', async () => {
    const busy: Server = createServer();
    await new Promise<void>((done) => busy.listen(0, '127.0.0.1', done));
    const port = (busy.address() as { port: number }).port;
    try {
      const ovsdb = run({ OVSDB_LISTEN: `tcp:127.0.0.1:${port}` });
      expect(await ovsdb.exit).toBe(1);
      expect(ovsdb.stderr()).toMatch(new RegExp(`OVSDB_LISTEN\\s+port ${port} on 127.0.0.1 is already in use`));
      const http = run({ HTTP_PORT: String(port), LOG_FORMAT: 'json' });
      expect(await http.exit).toBe(1);
      const block = JSON.parse(http.stderr().trim()) as { level: string; problems: { variable: string; message: string }[] };
      expect(block.level).toBe('fatal');
      expect(block.problems).toEqual([{ variable: 'HTTP_PORT', message: expect.stringContaining(`port ${port}`) }]);
    } finally {
      busy.close();
    }
  });

  it('binds the API to HTTP_HOST only; without it, to every interface', async () => {
    // 127.0.0.2 is another loopback address: reachable through a wildcard bind, not through 127.0.0.1's.
    const httpPort = async (r: Run): Promise<number> =>
      until('the HTTP listener', () => Number(/GraphQL API listening on http:\/\/[^:]+:(\d+)\//.exec(r.stdout())?.[1]) || undefined);
    const narrow = run({ HTTP_HOST: '127.0.0.1', DATABASE_URL: `sqlite:${join(dir, 'narrow.sqlite')}` });
    const narrowPort = await httpPort(narrow);
    const wide = run({ DATABASE_URL: `sqlite:${join(dir, 'wide.sqlite')}` });
    const widePort = await httpPort(wide);
    try {
      expect((await fetch(`http://127.0.0.1:${narrowPort}/health/live`)).status).toBe(200);
      expect(await accepts('127.0.0.2', narrowPort)).toBe(false);
      expect(await accepts('127.0.0.2', widePort)).toBe(true);
    } finally {
      narrow.child.kill('SIGTERM');
      wide.child.kill('SIGTERM');
    }
    expect(await narrow.exit).toBe(0);
    expect(await wide.exit).toBe(0);
  }, 120_000);

  it('logs JSON lines, and on SIGTERM closes device sessions with a log line and exits 0', async () => {
    const r = run({ LOG_FORMAT: 'json', SHUTDOWN_TIMEOUT_MS: '3000' });
    const ovsdbPort = await until('the OVSDB listener', () => Number(/listening on tcp:127\.0\.0\.1:(\d+)/.exec(r.stdout())?.[1]) || undefined);
    await until('the HTTP listener', () => /GraphQL API listening/.test(r.stdout()));
    // The database was empty and no admin configured: the log says how to create one.
    expect(r.stdout()).toContain('set ADMIN_EMAIL and ADMIN_PASSWORD');
    const serial = `SIMPROC${randomBytes(3).toString('hex').toUpperCase()}`;
    const scheduler = new DelayScheduler();
    const device = new SimulatedDevice({
      schema: loadSchemaFile(OPENSYNC_SUBSET_SCHEMA_PATH),
      profile: defaultProfile(serial, { managerAddr: `tcp:127.0.0.1:${ovsdbPort}`, minBackoff: 30, maxBackoff: 60 }),
      behaviour: { backoffUnitMs: 1000 },
      scheduler,
    });
    try {
      await device.start();
      await until('the device to connect', () => r.stdout().includes(`"serial":"${serial}"`) && /"msg":"connected/.test(r.stdout())).catch((e: Error) => {
        throw new Error(`${e.message}: ${r.stdout().slice(-3000)}`);
      });
      r.child.kill('SIGTERM');
      expect(await r.exit).toBe(0);
    } finally {
      await device.stop();
      scheduler.close();
    }
    const lines = r.stdout().trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    expect(lines.find((l) => l.serial === serial && l.msg.startsWith('disconnected'))).toBeDefined();
    expect(lines.find((l) => l.context === 'Shutdown' && l.msg === 'stopped')).toBeDefined();
    // The serial is a field, not repeated in the message (the identification line quotes
    // what AWLAN_Node reported, id and serial_number, as data).
    const deviceLines = lines.filter((l) => l.serial === serial && !l.msg.startsWith('device identified'));
    expect(deviceLines.length).toBeGreaterThanOrEqual(2);
    for (const line of deviceLines) expect(line.msg).not.toContain(serial);
  }, 120_000);
});
