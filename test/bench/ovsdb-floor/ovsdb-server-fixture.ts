// A real ovsdb-server with the OpenSync schema for part 6, listening on a unix socket that
// every client under test (libs/ovsdb, OVS's Python IDL, ovsdb-client) dials, so they all
// read the same database over the same kind of connection. Logging stays at its default:
// the debug logging the interop tests use would slow the server being compared against.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { run, spawnTracked, stopChild, waitFor } from '../framework/processes';

export const OPENSYNC_SCHEMA_PATH = resolve(__dirname, '../../../../shared/opensync/opensync.ovsschema');

/** Why part 6 cannot run here, or undefined when it can. */
export function ovsdbFloorSkipReason(): string | undefined {
  if (!existsSync(OPENSYNC_SCHEMA_PATH)) return `OpenSync schema not found at ${OPENSYNC_SCHEMA_PATH}`;
  for (const bin of ['ovsdb-server', 'ovsdb-tool', 'ovsdb-client']) {
    const dirs = (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/usr/bin']);
    if (!dirs.some((d) => d !== '' && existsSync(join(d, bin)))) return `${bin} not installed (Debian package openvswitch-common)`;
  }
  return undefined;
}

export class OvsdbServerFixture {
  private constructor(
    readonly dir: string,
    private readonly child: ChildProcess,
  ) {}

  get socketPath(): string {
    return join(this.dir, 'db.sock');
  }

  /** `unix:<path>`, the remote syntax of ovsdb-client and the Python IDL. */
  get remote(): string {
    return `unix:${this.socketPath}`;
  }

  static async start(): Promise<OvsdbServerFixture> {
    const dir = mkdtempSync(join(tmpdir(), 'bench-ovsdb-'));
    const db = join(dir, 'device.db');
    await run('ovsdb-tool', ['create', db, OPENSYNC_SCHEMA_PATH]);
    const child = spawnTracked(
      'ovsdb-server',
      [db, `--remote=punix:${join(dir, 'db.sock')}`, `--unixctl=${join(dir, 'ctl')}`, `--log-file=${join(dir, 'server.log')}`],
      { stdio: 'ignore' },
    );
    const fixture = new OvsdbServerFixture(dir, child);
    await waitFor(
      'ovsdb-server to answer on its socket',
      async () => {
        if (child.exitCode !== null) throw new Error(`ovsdb-server exited with status ${child.exitCode}`);
        if (!existsSync(fixture.socketPath)) return undefined;
        return run('ovsdb-client', ['list-dbs', fixture.remote]).then(() => true, () => undefined);
      },
      30_000,
    );
    return fixture;
  }

  async stop(): Promise<void> {
    await stopChild(this.child);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
