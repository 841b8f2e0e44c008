// The simulated fleet (`npm run sim`, libs/device-sim) in its own process, sending the
// full OpenSync schema in get_schema when it is available.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { spawnTracked, stopChild } from '../framework/processes';
import { OPENSYNC_SCHEMA_PATH } from '../ovsdb-floor/ovsdb-server-fixture';

/**
 * Devices dialled per second. At the simulator's default (1,000/s) the controller, busy
 * with the schemas of the devices already in, fell behind in accepting: the kernel's
 * accept queue (4,096) overflowed, and a simulated device whose final handshake ACK was
 * dropped believes it is connected, waits for the controller to speak first and never
 * probes, so it is never seen. Real OpenSync devices probe their manager connection and
 * redial; the simulator does not (yet). 250/s keeps the queue from overflowing at 10,000.
 */
export const FLEET_RAMP_PER_SECOND = 250;

export function startFleet(root: string, devices: number, ovsdbPort: number, applyDelayMs: number): { child: ChildProcess; fullSchema: boolean; stop: () => Promise<void> } {
  const fullSchema = existsSync(OPENSYNC_SCHEMA_PATH);
  const args = ['-r', '@swc-node/register', join(root, 'libs/device-sim/src/cli/main.ts'), '--devices', String(devices), '--controller', `tcp:127.0.0.1:${ovsdbPort}`, '--apply-delay-ms', String(applyDelayMs), '--ramp-per-second', String(FLEET_RAMP_PER_SECOND)];
  if (fullSchema) args.push('--schema', OPENSYNC_SCHEMA_PATH);
  const child = spawnTracked(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  return { child, fullSchema, stop: () => stopChild(child, 15_000) };
}
