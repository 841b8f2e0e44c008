// The controller as a real child process (TypeScript run through the bench's require hook),
// on a SQLite file and an OVSDB port the caller keeps across restarts, so a spec can kill it
// with SIGKILL and start it again on the same database.

import { ChildProcess, spawn } from 'node:child_process';
import { AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { ADMIN_EMAIL, ADMIN_PASSWORD, TestApp } from '../support';

const ROOT = join(__dirname, '../../..');

export interface ControllerChild {
  child: ChildProcess;
  /** Enough of a TestApp for the GraphQL helpers (they read `url` only). */
  app: TestApp;
  output(): string;
  kill(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startControllerChild(databaseFile: string, ovsdbPort: number, env: Record<string, string>): Promise<ControllerChild> {
  const child = spawn(process.execPath, ['-r', join(ROOT, 'test/bench/register-ts.js'), join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HTTP_PORT: '0',
      DATABASE_URL: `sqlite:${databaseFile}`,
      JWT_SECRET: 'kill-test-secret-kill-test-secret-0123456',
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      OVSDB_LISTEN: `tcp:127.0.0.1:${ovsdbPort}`,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const keep = (d: Buffer): void => {
    text = (text + d.toString()).slice(-200_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /listening on http:\/\/[^:]+:(\d+)\/graphql/.exec(text);
      if (m) {
        clearInterval(timer);
        resolve(Number(m[1]));
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`controller exited (${child.exitCode}): ${text.slice(-2000)}`));
      }
    }, 100);
  });
  const app = { url: `http://127.0.0.1:${port}/graphql` } as TestApp;
  return {
    child,
    app,
    output: () => text,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
