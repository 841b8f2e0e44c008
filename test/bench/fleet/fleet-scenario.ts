// Parts 1-5: the controller (its real build, SQLite) and the simulated fleet as separate
// processes; the model seeded through the GraphQL API. Parts 1-4 need the fleet CLI and
// say so when it is not there; part 5 runs against the seeded model either way.

import { resolve } from 'node:path';
import type { BenchOptions } from '../framework/bench-options';
import type { PartReport } from '../framework/bench-result';
import { partsOf } from '../scenarios/scenario-ids';
import { ADMIN_EMAIL, ADMIN_PASSWORD, ControllerProcess, ensureControllerBuilt } from './controller-process';
import { fleetSkipReason } from './fleet-availability';
import { freePort } from './free-port';
import { GraphqlClient } from './graphql-client';
import { seedModel } from './model-seeder';
import { measureReadPath } from './read-path';
import { serialFor } from '@lib/device-sim/cli/fleet-options';
import type { PartId } from '../framework/bench-options';
import type { BenchRow } from '../framework/bench-result';
import { readCpuTimes, stealShare } from '../framework/cpu-steal';
import { startFleet } from './fleet-process';
import { TransactLog } from './transact-log';
import { coldStart, FLEET_CHANGE_BATCH, FLEET_CHANGE_IN_FLIGHT, fleetChange, idleCost, singleChanges } from './fleet-parts';
import { REBOOT_BOOT_TIME_MS, REBOOT_WAVE, rebootRollout } from './reboot-rollout';

const ROOT = resolve(__dirname, '../../..');

const TITLES: Record<string, string> = {
  'cold-start': '1. Cold start',
  'fleet-change': '2. Fleet-wide change',
  'single-change': '3. Single-change latency',
  idle: '4. Idle cost',
  'read-path': '5. Read path',
  'reboot-rollout': '7. Reboot rollout',
};


function withSince(since: { stealShare: number | undefined; cpuNote: string }, notes: string[]): { notes: string[]; stealShare: number | undefined } {
  return { notes: [...notes, since.cpuNote], stealShare: since.stealShare };
}

export async function runFleet(options: BenchOptions): Promise<PartReport[]> {
  const wanted = partsOf('fleet', options);
  const fleetMissing = fleetSkipReason(ROOT);
  const reports: PartReport[] = [];
  for (const part of wanted.filter((p) => p !== 'read-path')) {
    if (fleetMissing) reports.push({ part, title: TITLES[part], rows: [], notes: [], skipped: fleetMissing });
  }
  if (!wanted.includes('read-path') && fleetMissing) return reports;

  await ensureControllerBuilt(ROOT);
  let fleet: ReturnType<typeof startFleet> | undefined;
  let rollout: (() => Promise<PartReport>) | undefined;
  // The reboot rollout (part 7): TIP's reboot after 1 s, waves of 1,000.
  // The controller's log lines of its transacts: its own share of each single change.
  const transacts = new TransactLog();
  const controller = await ControllerProcess.start({
    root: ROOT,
    ovsdbPort: await freePort(),
    env: { OPERATIONS_REBOOT_DELAY_S: '1', OPERATIONS_WAVE_SIZE: String(REBOOT_WAVE) },
    onOutput: (chunk) => transacts.feed(chunk),
  });
  try {
    const api = new GraphqlClient(controller.url);
    await api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    const serials = Array.from({ length: options.devices }, (_, i) => serialFor('SIM', i, options.devices));
    console.log(`bench: seeding ${serials.length} customers, locations, networks and claimed nodes through GraphQL`);
    const seedStarted = Date.now();
    const homes = await seedModel(api, serials);
    const seedS = (Date.now() - seedStarted) / 1000;
    const seedNote = `Model seeded through GraphQL (createCustomer with location and PRIMARY network, then claimNode; 16 requests in flight): ${homes.length} homes in ${seedS.toFixed(1)} s (${(homes.length / seedS).toFixed(0)} homes/s).`;
    // Each part's steal and controller CPU run from the end of the previous part (or of
    // seeding) to its own end. CPU seconds compare builds on a machine whose steal varies.
    let partFrom = { machine: readCpuTimes(), controllerCpuS: controller.usage().cpuSeconds };
    const sincePartFrom = (): { stealShare: number | undefined; cpuNote: string } => {
      const now = { machine: readCpuTimes(), controllerCpuS: controller.usage().cpuSeconds };
      const share = stealShare(partFrom.machine, now.machine);
      const cpuNote = `Controller CPU time during the part (user + system): ${(now.controllerCpuS - partFrom.controllerCpuS).toFixed(1)} s.`;
      partFrom = now;
      return { stealShare: share, cpuNote };
    };
    if (!fleetMissing) {
      const baselineRss = controller.usage().rssBytes;
      const add = (part: PartId, rows: BenchRow[], notes: string[] = []): void => {
        reports.push({ part, title: TITLES[part], rows, ...withSince(sincePartFrom(), [...notes, seedNote]) });
      };
      const cold = await coldStart(api, homes, () => {
        fleet = startFleet(ROOT, homes.length, controller.ovsdbPort, 0, options.dialRate, ['--boot-time-ms', String(REBOOT_BOOT_TIME_MS)]);
      });
      const schemaNote = fleet?.fullSchema ? 'Each device sends the full 366 KB OpenSync schema in get_schema.' : 'Devices send the simulator\'s schema subset (the full OpenSync schema was not found).';
      const common = `${homes.length} simulated devices (one fleet process, apply delay 0 ms, dialling ${options.dialRate}/s) and the controller on the same 2 cores; status read by polling wifiNetwork.status in aliased batches of 200, ids as variables (every 500 ms, 1,000 of the objects not yet seen done, oldest first, reading on while whole windows are done, then all of them once to confirm; a time is the end of the poll that saw the last object done).`;
      add('cold-start', cold, [common, schemaNote]);
      const fleetChangeNote = `The passphrases are changed with updateWifiNetworks, ${FLEET_CHANGE_BATCH} networks per request (one transaction, one audit event per network), ${FLEET_CHANGE_IN_FLIGHT} requests in flight; the clock starts before the first request.`;
      if (wanted.includes('fleet-change')) add('fleet-change', await fleetChange(api, homes), [common, fleetChangeNote]);
      if (wanted.includes('single-change')) add('single-change', await singleChanges(api, homes, Math.max(200, options.changes), transacts), [common, 'Changes one at a time on different nodes; each timing runs from sending updateWifiNetwork to the first poll (every 2 ms) that sees APPLIED.']);
      if (wanted.includes('reboot-rollout')) {
        rollout = async () => {
          const run = await rebootRollout(api, controller, homes, Math.max(50, Math.floor(options.changes / 2)), transacts);
          return { part: 'reboot-rollout', title: TITLES['reboot-rollout'], rows: run.rows, ...withSince(sincePartFrom(), [common, ...run.notes, seedNote]) };
        };
      }
      if (wanted.includes('idle')) add('idle', await idleCost(controller, homes.length, baselineRss, options.durationS), [common, 'Echo probes run at the controller\'s default interval; per-device RSS is the growth over the RSS measured after seeding, before the fleet started.']);
    }
    if (wanted.includes('read-path')) {
      const { usage } = { usage: controller.usage() };
      sincePartFrom();
      const read = await measureReadPath({
        root: ROOT,
        url: controller.url,
        token: api.bearer ?? '',
        locationId: homes[Math.floor(homes.length / 2)].locationId,
        connections: 32,
        durationS: options.quick ? 5 : 20,
      });
      const deviceNote = fleetMissing
        ? `No devices connected (${fleetMissing}): node statuses read as OFFLINE, so the status computation is the offline path.`
        : 'Devices connected and converged.';
      reports.push({
        part: 'read-path',
        title: TITLES['read-path'],
        rows: read.rows,
        ...withSince(sincePartFrom(), [...read.notes, seedNote, deviceNote, `Controller RSS before the load: ${(usage.rssBytes / 2 ** 20).toFixed(0)} MiB with ${homes.length} homes in the model.`]),
      });
    }
    // The rollout last: idle and the read path are steady-state measures, and the minute after
    // 9,750 reconnects holds its garbage collection and a larger heap.
    if (rollout) reports.push(await rollout());
  } catch (err) {
    await fleet?.stop();
    throw new Error(`${err instanceof Error ? err.message : String(err)}\ncontroller log:\n${controller.logTail}`);
  } finally {
    await fleet?.stop();
    await controller.stop();
  }
  return reports;
}
