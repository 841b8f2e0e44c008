// Part 6, initial monitor of the same N-row table by three clients, each run in its own
// process: libs/ovsdb (node), OVS's Python IDL (/usr/bin/python3, which has the `ovs`
// package of python3-openvswitch) and `ovsdb-client monitor`.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { run, spawnTracked, exited } from '../framework/processes';
import { CLIENTS_TABLE } from './client-rows';

const REGISTER = join(__dirname, '..', 'register-ts.js');
export const SYSTEM_PYTHON = '/usr/bin/python3';

function timingsOf(stdout: string): number[] {
  const line = stdout.trim().split('\n').pop() ?? '';
  return (JSON.parse(line) as { timings: number[] }).timings;
}

/** `runs` timings of libs/ovsdb, each in the given number of runs per process. */
export async function libOvsdbInitialMonitor(socketPath: string, rows: number, runsPerProcess: number): Promise<number[]> {
  const script = join(__dirname, 'libovsdb-monitor-client.ts');
  const out = await run(process.execPath, ['--expose-gc', '-r', REGISTER, script, socketPath, CLIENTS_TABLE, String(rows), String(runsPerProcess)]);
  return timingsOf(out);
}

/** Why the Python IDL cannot be measured here, or undefined. */
export async function pythonIdlSkipReason(): Promise<string | undefined> {
  if (!existsSync(SYSTEM_PYTHON)) return `${SYSTEM_PYTHON} not found`;
  return run(SYSTEM_PYTHON, ['-c', 'import ovs.db.idl']).then(
    () => undefined,
    () => 'the ovs Python package is missing (Debian package python3-openvswitch)',
  );
}

export async function pythonIdlInitialMonitor(remote: string, rows: number): Promise<number> {
  const out = await run(SYSTEM_PYTHON, [join(__dirname, 'idl_initial_monitor.py'), remote, CLIENTS_TABLE, String(rows)]);
  return timingsOf(out)[0];
}

/**
 * Wall-clock from spawning `ovsdb-client monitor` until it has printed every initial row
 * (one csv line per row, marked "initial"); the process start (a few ms) is included.
 */
export async function ovsdbClientInitialMonitor(remote: string, rows: number): Promise<number> {
  const started = performance.now();
  const child = spawnTracked('ovsdb-client', ['--format=csv', '--no-headings', 'monitor', remote, 'Open_vSwitch', CLIENTS_TABLE], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let seen = 0;
  let partial = '';
  const elapsed = await new Promise<number>((resolve, reject) => {
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      seen += lines.filter((line) => line.includes(',initial,')).length;
      if (seen >= rows) resolve(performance.now() - started);
    });
    child.once('exit', (code) => reject(new Error(`ovsdb-client monitor exited (${String(code)}) after ${seen} of ${rows} rows`)));
  });
  child.kill('SIGTERM');
  await exited(child);
  return elapsed;
}
