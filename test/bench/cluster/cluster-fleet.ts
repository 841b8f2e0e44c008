// The cluster part's fleet process (cluster-fleet-process.ts), seen from the bench: started
// with the simulator's node flags, asked over IPC where its devices are and when a change
// is applied on them. The telemetry part uses it too, to time the devices' side of a change.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { spawnTracked, stopChild, waitFor } from '../framework/processes';
import { FLEET_NODE_ARGS } from '../fleet/fleet-process';
import { OPENSYNC_SCHEMA_PATH } from '../ovsdb-floor/ovsdb-server-fixture';
import { wallClock } from '../fleet/transact-log';
import type { FleetReply, FleetRequest } from './cluster-fleet-messages';

/** Wall-clock ms with sub-millisecond precision, comparable across processes of one machine. */
export { wallClock };

type Distributive<T> = T extends unknown ? Omit<T, 'id'> : never;

export class ClusterFleet {
  private nextId = 1;
  private readonly waiting = new Map<number, (reply: FleetReply) => void>();
  private started = false;

  private constructor(
    readonly child: ChildProcess,
    readonly fullSchema: boolean,
  ) {
    child.on('message', (reply: FleetReply) => {
      if (reply.type === 'started') {
        this.started = true;
        return;
      }
      const resolve = this.waiting.get(reply.id);
      if (resolve && reply.type !== 'watching') this.waiting.delete(reply.id);
      resolve?.(reply);
    });
  }

  /**
   * Devices that dial `redirector` (tcp:host:port) first, `dialRate` per second; or, given
   * `{ controller }`, a controller directly. `extraArgs`: more of the fleet CLI's options
   * (e.g. --clients, --shard K/M).
   */
  static start(root: string, devices: number, dial: string | { controller: string }, dialRate: number, extraArgs: readonly string[] = []): ClusterFleet {
    const fullSchema = existsSync(OPENSYNC_SCHEMA_PATH);
    const target = typeof dial === 'string' ? ['--redirector', dial] : ['--controller', dial.controller];
    const fleetArgs = ['--devices', String(devices), ...target, '--apply-delay-ms', '0', '--ramp-per-second', String(dialRate), ...extraArgs];
    if (fullSchema) fleetArgs.push('--schema', OPENSYNC_SCHEMA_PATH);
    const nodeArgs = [...FLEET_NODE_ARGS, ...(process.env.BENCH_FLEET_NODE_ARGS ?? '').split(/\s+/).filter((a) => a !== '')];
    const child = spawnTracked(process.execPath, [...nodeArgs, '-r', join(root, 'test/bench/register-ts.js'), join(__dirname, 'cluster-fleet-process.ts'), JSON.stringify(fleetArgs)], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    return new ClusterFleet(child, fullSchema);
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** Until every device has been created and dialled once (the ramp is over). */
  untilStarted(timeoutMs: number): Promise<true> {
    return waitFor('the fleet to start every device', () => {
      if (this.child.exitCode !== null) throw new Error(`fleet process exited (${this.child.exitCode})`);
      return this.started ? true : undefined;
    }, timeoutMs, 100);
  }

  private ask(request: Distributive<FleetRequest>, onWatching?: () => void): Promise<FleetReply> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, (reply) => (reply.type === 'watching' ? onWatching?.() : resolve(reply)));
      this.child.send({ ...request, id });
    });
  }

  /** serial -> the controller address the device is connected to now (null: none). */
  async where(): Promise<Map<string, string | null>> {
    const reply = await this.ask({ type: 'where' });
    return reply.type === 'where' ? new Map(reply.targets) : new Map();
  }

  /**
   * Registers a watch for each [serial, ssid] pair, then calls `change` (the mutations);
   * resolves with the wall-clock times (ms) just before `change` and when the last device had
   * applied its SSID.
   */
  async appliedAfter(pairs: Array<[string, string]>, change: () => Promise<unknown>): Promise<{ startedAt: number; lastAt: number }> {
    let watching!: () => void;
    const registered = new Promise<void>((r) => (watching = r));
    const seen = this.ask({ type: 'watch', pairs }, watching);
    await registered;
    const startedAt = wallClock();
    await change();
    const reply = await seen;
    return { startedAt, lastAt: reply.type === 'seen' ? reply.lastAt : Number.NaN };
  }

  stop(): Promise<void> {
    return stopChild(this.child, 30_000);
  }
}
