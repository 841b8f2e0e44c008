// Part "cluster" (issue #23): 2 or 3 controller instances (the real build) on one fresh
// PostgreSQL schema and the NATS server, each with its own device port, ctl-1 also running
// the redirector; the simulated fleet in its own process, every device knowing only the
// redirector (it dials it, is told its instance in manager_addr, and moves there). Measured:
// 1. cold start through the redirector to every network APPLIED, and the spread;
// 2. a fleet-wide change issued on ctl-1, until applied on every device and APPLIED;
// 3. single changes sent to an instance that does not hold the device, and to the holder;
// 4. kill -9 of the last instance: until every network is APPLIED again, and no device
//    held by two instances meanwhile;
// 5. each instance's and the fleet's CPU (share of a core, per phase) and RSS.
// Targets (the issue): cross-instance single change p99 < 100 ms; recovery <= 60 s.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { serialFor } from '@lib/device-sim/cli/fleet-options';
import type { BenchOptions } from '../framework/bench-options';
import type { BenchRow, PartReport } from '../framework/bench-result';
import { waitFor } from '../framework/processes';
import { ADMIN_EMAIL, ADMIN_PASSWORD, ensureControllerBuilt } from '../fleet/controller-process';
import { freePort } from '../fleet/free-port';
import { GraphqlClient } from '../fleet/graphql-client';
import { seedModel } from '../fleet/model-seeder';
import { createTestDatabase } from '../../e2e/support/test-database';
import type { CpuSnapshot, Watched } from './cluster-checks';
import { cpuShare, cpuSnapshot, memory, watchedOf } from './cluster-checks';
import { ClusterFleet, wallClock } from './cluster-fleet';
import { NATS_URL, startInstances } from './cluster-instances';
import type { ClusterInstance } from './cluster-instances';
import { coldStart, FLEET_CHANGE_BATCH, FLEET_CHANGE_IN_FLIGHT, fleetChange, killOne, singleChanges } from './cluster-parts';
import type { ClusterRun } from './cluster-parts';

const ROOT = resolve(__dirname, '../../..');
const TITLE = 'Cluster';
/** The production default (docs/configuration.md): a dead instance's devices move once it ran out. */
const LEASE_MS = 10_000;
const IDLE_S = 30;

/** The soft limit of open files of this process (its children inherit it). */
function openFilesLimit(): number {
  const m = /Max open files\s+(\d+|unlimited)/.exec(readFileSync('/proc/self/limits', 'utf8'));
  return m === null || m[1] === 'unlimited' ? Number.POSITIVE_INFINITY : Number(m[1]);
}

function cpuRows(phases: Array<[string, CpuSnapshot, CpuSnapshot]>, watched: readonly Watched[], memoryAt: Map<string, { rssMiB: number; peakMiB: number }>): BenchRow[] {
  return watched.map((w) => {
    const shares = phases.map(([name, from, to]) => `${name} ${cpuShare(from, to, w.name)}`).join(', ');
    const mem = memoryAt.get(w.name);
    const rss = mem ? `; RSS ${mem.rssMiB.toFixed(0)} MiB after the idle window, peak ${mem.peakMiB.toFixed(0)} MiB` : '';
    return { metric: `${w.name}: CPU (share of one core) by phase${mem ? ', and RSS' : ''}`, value: `${shares}${rss}` };
  });
}

export async function runCluster(options: BenchOptions): Promise<PartReport[]> {
  const devices = options.devices;
  const files = openFilesLimit();
  // The fleet holds a socket per device, and the instances one per device they hold.
  if (files < devices + 2000) throw new Error(`open files limit ${files} is too low for ${devices} devices: run \`ulimit -n ${Math.max(20000, devices * 2)}\` first`);
  await ensureControllerBuilt(ROOT);
  const timeoutMs = 120_000 + devices * 30;
  const db = await createTestDatabase('postgres');
  const schema = new URL(db.databaseUrl).searchParams.get('schema');
  const pg = new Client({ connectionString: db.databaseUrl.replace(/\?.*$/, ''), options: `-c search_path=${schema}` });
  await pg.connect();
  const redirectorPort = await freePort();
  let instances: ClusterInstance[] = [];
  let fleet: ClusterFleet | undefined;
  try {
    console.log(`bench: starting ${options.instances} instances on PostgreSQL schema ${schema} and NATS ${NATS_URL}`);
    instances = await startInstances({ root: ROOT, databaseUrl: db.databaseUrl, count: options.instances, redirectorPort, leaseMs: LEASE_MS });
    const ids = instances.map((i) => i.id);
    // Every instance sees the others before a device dials, or the first would take them all and drain.
    await waitFor('each instance to see every other live', () => (instances.every((i) => ids.every((id) => i.log.live.includes(id))) ? true : undefined), timeoutMs, 100);
    const login = new GraphqlClient(instances[0].controller.url);
    await login.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    const api = new Map(instances.map((i) => [i.id, new GraphqlClient(i.controller.url, login.bearer)]));
    const serials = Array.from({ length: devices }, (_, i) => serialFor('SIM', i, devices));
    console.log(`bench: seeding ${devices} homes through ctl-1`);
    const seedStarted = Date.now();
    const homes = await seedModel(api.get(ids[0])!, serials);
    const seedS = (Date.now() - seedStarted) / 1000;

    const started = wallClock();
    fleet = ClusterFleet.start(ROOT, devices, `tcp:127.0.0.1:${redirectorPort}`, options.dialRate);
    const watched = watchedOf(instances, fleet);
    const run: ClusterRun = { pg, fleet, instances, homes, api, timeoutMs };
    const t0 = cpuSnapshot(watched);
    const rows: BenchRow[] = [];
    rows.push(...(await coldStart(run, started)));
    const t1 = cpuSnapshot(watched);
    rows.push(...(await fleetChange(run)));
    const t2 = cpuSnapshot(watched);
    await new Promise((r) => setTimeout(r, IDLE_S * 1000));
    const t3 = cpuSnapshot(watched);
    const memoryAt = new Map(watched.map((w) => [w.name, memory(w)]));
    rows.push(...(await singleChanges(run, options.changes)));
    const t4 = cpuSnapshot(watched);
    const victim = instances[instances.length - 1];
    rows.push(...(await killOne(run, victim, LEASE_MS)));
    const t5 = cpuSnapshot(watched);
    rows.push(
      ...cpuRows(
        [
          ['cold start', t0, t1],
          ['fleet change', t1, t2],
          [`idle ${IDLE_S} s`, t2, t3],
          ['single changes', t3, t4],
          ['recovery', t4, t5],
        ],
        watched,
        memoryAt,
      ),
    );
    const schemaNote = fleet.fullSchema ? 'Each device sends the full 366 KB OpenSync schema in get_schema.' : "Devices send the simulator's schema subset (the full OpenSync schema was not found).";
    return [
      {
        part: 'cluster',
        title: TITLE,
        rows,
        notes: [
          `${options.instances} controller instances (the build in dist/, each its own process and device port) on one PostgreSQL schema made for the run and the NATS server (${NATS_URL}); ctl-1 also runs the redirector; CLUSTER_LEASE_MS ${LEASE_MS}. ${devices} simulated devices in one fleet process (apply delay 0 ms, dialling ${options.dialRate}/s) that know only the redirector: each dials it, is given manager_addr and moves to its instance. Everything, PostgreSQL and NATS included, on the same machine.`,
          schemaNote,
          `Model seeded through ctl-1's GraphQL: ${devices} homes in ${seedS.toFixed(1)} s.`,
          "A change's arrival is read on the devices' side: the fleet process reports when each device's Wifi_VIF_State carries the new SSID (wall-clock times of one machine). APPLIED is also read through the API (wifiNetwork.status, aliased batches of 200 ids, as the single-instance parts do) at cold start, after every device had applied the fleet change, and after the killed instance's results were dropped.",
          `The fleet-wide change sends updateWifiNetworks with ${FLEET_CHANGE_BATCH} networks per request, ${FLEET_CHANGE_IN_FLIGHT} in flight, to ctl-1; the clock starts before the first request.`,
          `Single changes: one at a time on different homes, alternately sent to an instance that does not hold the device (round robin over the others) and to its holder; each timing runs from sending updateWifiNetwork to the device reporting the new SSID applied.`,
          `kill -9 of ${victim.id} (not ctl-1, whose redirector the devices fall back to; the redirector would run in every instance behind one address in production). The simulated devices go back to the redirector after 11 failed reconnects (more than CM2_MAX_DISCONNECTS, 10, as CM2 does), each after a wait within the backoff the instances wrote to them (CLUSTER_DEVICE_BACKOFF, default 1-4 s). "Held by two instances" is read from the survivors' own logs (their "connected" and "disconnected" lines).`,
          'CPU is user + system time over each phase divided by its wall-clock time (100 % = one core); the machine has the cores and load named in the run line, shared by every process of the run.',
        ],
      },
    ];
  } catch (err) {
    const tails = instances.map((i) => `--- ${i.id} log tail:\n${i.controller.logTail.slice(-1500)}`).join('\n');
    throw new Error(`${err instanceof Error ? err.message : String(err)}\n${tails}`);
  } finally {
    await fleet?.stop();
    for (const instance of instances) await instance.controller.stop();
    await pg.end();
    await db.drop();
  }
}
