// A real ovsdb-server for interoperability tests, started the way an OpenSync device runs
// it: it DIALS the controller (an active `--remote=tcp:`/`ssl:`), and keeps a local unix
// socket so tests can change the database behind the controller's back with ovsdb-client.
// Generic on purpose: any schema, any remotes, optional TLS files.

import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const OPENSYNC_SCHEMA_PATH = resolve(__dirname, '../../../shared/opensync/opensync.ovsschema');

const BINARIES = ['ovsdb-server', 'ovsdb-tool', 'ovsdb-client'];

function onPath(bin: string): boolean {
  const dirs = (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/usr/bin', '/sbin']);
  return dirs.some((d) => d !== '' && existsSync(join(d, bin)));
}

/**
 * Why interop tests cannot run here, or undefined when they can. With REQUIRE_OVSDB=1 a
 * missing prerequisite is an error instead, so CI cannot pass by skipping.
 */
export function ovsdbSkipReason(schemaPath = OPENSYNC_SCHEMA_PATH): string | undefined {
  const missing = BINARIES.filter((b) => !onPath(b));
  let reason: string | undefined;
  if (missing.length > 0) reason = `${missing.join(', ')} not installed (Debian package openvswitch-common)`;
  else if (!existsSync(schemaPath)) reason = `OpenSync schema not found at ${schemaPath}`;
  if (reason && process.env.REQUIRE_OVSDB === '1') throw new Error(`REQUIRE_OVSDB=1 but ${reason}`);
  return reason;
}

/** `describe`, or `describe.skip` with the reason printed once. */
export function describeWithOvsdb(name: string, body: () => void, schemaPath = OPENSYNC_SCHEMA_PATH): void {
  const reason = ovsdbSkipReason(schemaPath);
  if (reason) {
    console.warn(`skipping "${name}": ${reason}`);
    describe.skip(name, body);
  } else {
    describe(name, body);
  }
}

function run(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile(cmd, args, { encoding: 'utf8', timeout: 30_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args.join(' ')} failed: ${stderr || err.message}`));
      else resolvePromise(stdout);
    });
  });
}

export interface OvsdbServerTls {
  /** File paths, as ovsdb-server's --private-key, --certificate and --ca-cert take them. */
  privateKey: string;
  certificate: string;
  caCert: string;
}

export interface OvsdbServerOptions {
  schemaPath?: string;
  /** Remotes ovsdb-server connects to or listens on, e.g. `tcp:127.0.0.1:6640`. */
  remotes: string[];
  tls?: OvsdbServerTls;
}

const running = new Set<ChildProcess>();
// Safety net for a test that dies before its cleanup: never leave a server behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export class OvsdbServerProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();

  private constructor(
    readonly dir: string,
    readonly dbPath: string,
    private readonly options: OvsdbServerOptions,
  ) {}

  /** Creates a fresh database from the schema in a temp dir and starts the server. */
  static async start(options: OvsdbServerOptions): Promise<OvsdbServerProcess> {
    const dir = mkdtempSync(join(tmpdir(), 'ovsdb-'));
    const dbPath = join(dir, 'device.db');
    await run('ovsdb-tool', ['create', dbPath, options.schemaPath ?? OPENSYNC_SCHEMA_PATH]);
    const server = new OvsdbServerProcess(dir, dbPath, options);
    await server.launch();
    return server;
  }

  /** Local control socket, for ovsdb-client. */
  get socketPath(): string {
    return join(this.dir, 'db.sock');
  }

  get isRunning(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  get log(): string {
    const file = join(this.dir, 'ovsdb-server.log');
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  }

  /** Runs one transaction through ovsdb-client on the local socket; returns the result array. */
  async transact(db: string, ...operations: unknown[]): Promise<unknown[]> {
    const out = await run('ovsdb-client', ['transact', `unix:${this.socketPath}`, JSON.stringify([db, ...operations])]);
    return JSON.parse(out) as unknown[];
  }

  /** Runs one transaction on the database file while the server is down (ovsdb-tool). */
  async transactOffline(db: string, ...operations: unknown[]): Promise<unknown[]> {
    if (this.isRunning) throw new Error('transactOffline needs the server stopped');
    const out = await run('ovsdb-tool', ['transact', this.dbPath, JSON.stringify([db, ...operations])]);
    return JSON.parse(out) as unknown[];
  }

  /** Freezes the server (SIGSTOP): its connections stay open and nothing is answered. */
  pause(): void {
    if (this.isRunning) this.child?.kill('SIGSTOP');
  }

  /** Lets a paused server run again (SIGCONT). */
  resume(): void {
    if (this.isRunning) this.child?.kill('SIGCONT');
  }

  /** Ends the server abruptly, like a device losing power, and waits for it to be gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.isRunning) this.child?.kill(signal);
    await this.exited;
  }

  /** Starts the server again on the same database file. */
  async restart(): Promise<void> {
    await this.kill();
    await this.launch();
  }

  /** Kills the server and removes its directory. */
  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async launch(): Promise<void> {
    const args = [
      this.dbPath,
      `--remote=punix:${this.socketPath}`,
      ...this.options.remotes.map((r) => `--remote=${r}`),
      `--unixctl=${join(this.dir, 'ctl')}`,
      `--pidfile=${join(this.dir, 'pid')}`,
      `--log-file=${join(this.dir, 'ovsdb-server.log')}`,
      '-vfile:dbg',
    ];
    if (this.options.tls) {
      const t = this.options.tls;
      args.push(`--private-key=${t.privateKey}`, `--certificate=${t.certificate}`, `--ca-cert=${t.caCert}`);
    }
    const child = spawn('ovsdb-server', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    running.add(child);
    this.child = child;
    this.exited = new Promise((resolveExit) =>
      child.once('exit', () => {
        running.delete(child);
        resolveExit();
      }),
    );
    // Ready once the local socket answers.
    for (;;) {
      if (!this.isRunning) throw new Error(`ovsdb-server exited at start: ${stderr}${this.log}`);
      if (existsSync(this.socketPath)) {
        try {
          await run('ovsdb-client', ['list-dbs', `unix:${this.socketPath}`]);
          return;
        } catch {
          // Not listening yet.
        }
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
