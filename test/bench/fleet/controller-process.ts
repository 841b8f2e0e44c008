// The controller under test, as an operator runs it: `node dist/src/main.js` (built here
// first when dist/ is missing or older than the sources), SQLite in a temp dir, its own
// process so that its RSS and CPU are its own.

import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { processUsage, run, spawnTracked, stopChild, waitFor } from '../framework/processes';
import { newestMtime } from './source-mtime';

export const ADMIN_EMAIL = 'bench@bench.example';
export const ADMIN_PASSWORD = 'bench-password-not-secret';
/** The young generation `npm start` gives the controller (docs/configuration.md, process settings). */
export const CONTROLLER_NODE_ARGS = ['--min-semi-space-size=16', '--max-semi-space-size=32', '--memory-reducer-single-gc'];

export interface ControllerOptions {
  root: string;
  ovsdbPort: number;
  env?: Record<string, string>;
  /** Where the whole output goes (default: BENCH_CONTROLLER_OUTPUT, if set). */
  outputFile?: string;
  /** Told of every chunk the controller writes to stdout or stderr (e.g. to follow its log lines). */
  onOutput?: (chunk: string) => void;
  /** Extra node flags, e.g. --cpu-prof (not allowed in NODE_OPTIONS); BENCH_CONTROLLER_NODE_ARGS adds more. */
  nodeArgs?: string[];
}

/** Builds dist/ with the project's own build when it is missing or stale. */
export async function ensureControllerBuilt(root: string): Promise<void> {
  const main = join(root, 'dist/src/main.js');
  const built = existsSync(main) ? statSync(main).mtimeMs : 0;
  if (built >= newestMtime([join(root, 'src'), join(root, 'libs')])) return;
  console.log('bench: building the controller (npm run build)');
  await run('npm', ['run', '--silent', 'build'], undefined, root);
}

export class ControllerProcess {
  private constructor(
    readonly child: ChildProcess,
    readonly dir: string,
    readonly httpPort: number,
    readonly ovsdbPort: number,
    private readonly output: { text: string },
  ) {}

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get url(): string {
    return `http://127.0.0.1:${this.httpPort}/graphql`;
  }

  /** The last lines the controller logged, for error messages. */
  get logTail(): string {
    return this.output.text.slice(-4000);
  }

  static async start(options: ControllerOptions): Promise<ControllerProcess> {
    const dir = mkdtempSync(join(tmpdir(), 'bench-controller-'));
    const env = {
      ...process.env,
      HTTP_PORT: '0',
      DATABASE_URL: `sqlite:${join(dir, 'controller.sqlite')}`,
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      OVSDB_LISTEN: `tcp:127.0.0.1:${options.ovsdbPort}`,
      OVSDB_ACCEPT_RATE: '2000',
      // The fleet dials from one address faster than 2 cores identify: sessions queue at the
      // handshake gate for longer than the production deadline, so raise it and the caps.
      OVSDB_HANDSHAKE_TIMEOUT_MS: '120000',
      OVSDB_MAX_UNIDENTIFIED: '20000',
      OVSDB_MAX_UNIDENTIFIED_PER_ADDRESS: '20000',
      // As `npm start` runs it (docs/configuration.md, process settings).
      MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
      ...options.env,
    };
    const fromEnv = (process.env.BENCH_CONTROLLER_NODE_ARGS ?? '').split(/\s+/).filter((a) => a !== '');
    const nodeArgs = [...CONTROLLER_NODE_ARGS, ...(options.nodeArgs ?? []), ...fromEnv];
    const child = spawnTracked(process.execPath, [...nodeArgs, join(options.root, 'dist/src/main.js')], {
      cwd: dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = { text: '' };
    const keep = (d: Buffer): void => {
      output.text = (output.text + d.toString()).slice(-64_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const onOutput = options.onOutput;
    if (onOutput) {
      child.stdout?.on('data', (d: Buffer) => onOutput(d.toString()));
      child.stderr?.on('data', (d: Buffer) => onOutput(d.toString()));
    }
    // The whole output, for a run with e.g. --trace-gc in BENCH_CONTROLLER_NODE_ARGS.
    const outputFile = options.outputFile ?? process.env.BENCH_CONTROLLER_OUTPUT;
    if (outputFile) {
      const sink = createWriteStream(outputFile);
      child.stdout?.on('data', (d: Buffer) => sink.write(d));
      child.stderr?.on('data', (d: Buffer) => sink.write(d));
    }
    const port = await waitFor(
      'the controller to listen',
      () => {
        if (child.exitCode !== null) throw new Error(`controller exited (${child.exitCode}): ${output.text.slice(-2000)}`);
        const m = /listening on http:\/\/[^:]+:(\d+)\/graphql/.exec(output.text);
        return m ? Number(m[1]) : undefined;
      },
      120_000,
      100,
    );
    return new ControllerProcess(child, dir, port, options.ovsdbPort, output);
  }

  /** Resident set size in bytes and CPU time in seconds (user + system), from /proc. */
  usage(): { rssBytes: number; cpuSeconds: number } {
    return processUsage(this.pid);
  }

  async stop(): Promise<void> {
    await stopChild(this.child, 10_000);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
