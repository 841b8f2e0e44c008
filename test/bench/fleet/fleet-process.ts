// The simulated fleet (`npm run sim`, libs/device-sim) in its own process, sending the
// full OpenSync schema in get_schema when it is available.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { spawnTracked, stopChild } from '../framework/processes';
import { OPENSYNC_SCHEMA_PATH } from '../ovsdb-floor/ovsdb-server-fixture';

/**
 * As `npm run sim` runs the fleet. Ten thousand simulated devices make a large heap, and
 * with node's default young generation the short-lived garbage of every applied change
 * was promoted and collected by full collections: 37 % of the fleet process's CPU during
 * the fleet-wide change at N = 10,000, which made the fleet, not the controller, the
 * limit (docs/benchmarks.md).
 *
 * The fleet's own garbage collection must not starve the controller under test. Real
 * devices run on their own hardware, so such a stall is an artifact of simulating them
 * all in one process (docs/benchmarks.md, round six):
 * - It collects on its own thread. With V8's helper threads, one full collection of its
 *   heap took 1.5 of the 2 cores for 1.5 s. With one thread, it never takes more than one core.
 * - It has no memory reducer. That V8 feature collects the whole heap about 100 s after the
 *   last full collection, to give memory back. In the bench, that lands in the idle parts,
 *   on top of the controller's own collection. The fleet still collects when its heap fills.
 */
export const FLEET_NODE_ARGS = ['--max-semi-space-size=64', '--single-threaded-gc', '--no-memory-reducer'];

/**
 * Starts the fleet in `processes` processes (`--shard K/M`), each with its share of the
 * devices and of the dial rate. One process carries 10,000 idle devices; with telemetry on
 * top (10 clients per device, a report every 10 s) its one event loop is the limit, so the
 * telemetry part can spread it over more processes (docs/benchmarks.md).
 */
export function startFleet(
  root: string,
  devices: number,
  ovsdbPort: number,
  applyDelayMs: number,
  dialRate: number,
  extraArgs: readonly string[] = [],
  processes = 1,
): { children: ChildProcess[]; fullSchema: boolean; stop: () => Promise<void> } {
  const fullSchema = existsSync(OPENSYNC_SCHEMA_PATH);
  const nodeArgs = [...FLEET_NODE_ARGS, ...(process.env.BENCH_FLEET_NODE_ARGS ?? '').split(/\s+/).filter((a) => a !== '')];
  const args = [...nodeArgs, '-r', '@swc-node/register', join(root, 'libs/device-sim/src/cli/main.ts'), '--devices', String(devices), '--controller', `tcp:127.0.0.1:${ovsdbPort}`, '--apply-delay-ms', String(applyDelayMs), '--ramp-per-second', String(dialRate)];
  if (fullSchema) args.push('--schema', OPENSYNC_SCHEMA_PATH);
  args.push(...extraArgs);
  const children = Array.from({ length: processes }, (_, k) =>
    spawnTracked(process.execPath, processes === 1 ? args : [...args, '--shard', `${k}/${processes}`], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] }),
  );
  return { children, fullSchema, stop: async () => void (await Promise.all(children.map((c) => stopChild(c, 15_000)))) };
}
