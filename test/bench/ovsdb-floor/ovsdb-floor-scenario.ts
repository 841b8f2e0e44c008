// Part 6: libs/ovsdb against the physical floor and a peer, on one real ovsdb-server loaded
// from the OpenSync schema with N Wifi_Associated_Clients rows.

import type { BenchOptions } from '../framework/bench-options';
import type { BenchRow, PartReport } from '../framework/bench-result';
import { verdict } from '../framework/bench-result';
import { median, minimum, ms, percentile, ratio } from '../framework/stats';
import { dialUnix } from './ovsdb-connect';
import { OvsdbServerFixture, ovsdbFloorSkipReason } from './ovsdb-server-fixture';
import { libOvsdbInitialMonitor, ovsdbClientInitialMonitor, pythonIdlInitialMonitor, pythonIdlSkipReason } from './monitor-measurements';
import { insertFloorVifConfig, ovsdbClientTransactFloor, persistentTransactFloor } from './transact-floor';
import { insertClientOps } from './client-rows';

const PART = 'ovsdb-floor';
const TITLE = '6. libs/ovsdb vs the physical floor and a peer';
const SEED_BATCH = 500;

async function seed(fixture: OvsdbServerFixture, rows: number): Promise<void> {
  const session = await dialUnix(fixture.socketPath);
  try {
    for (let from = 0; from < rows; from += SEED_BATCH) {
      const result = await session.request('transact', ['Open_vSwitch', ...insertClientOps(from, Math.min(rows, from + SEED_BATCH))]);
      const failed = (result as Array<{ error?: string } | null>).find((r) => r?.error);
      if (failed) throw new Error(`seeding failed: ${JSON.stringify(failed)}`);
    }
    await session.request('transact', ['Open_vSwitch', insertFloorVifConfig()]);
  } finally {
    session.close('LOCAL');
  }
}

function summary(label: string, timings: readonly number[]): BenchRow {
  return { metric: label, value: `median ${ms(median(timings))}, min ${ms(minimum(timings))} (${timings.length} runs)` };
}

async function repeat<T>(runs: number, fn: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < runs; i++) out.push(await fn());
  return out;
}

export async function runOvsdbFloor(options: BenchOptions): Promise<PartReport[]> {
  const skipped = ovsdbFloorSkipReason() ?? (await pythonIdlSkipReason());
  if (skipped) {
    console.warn(`skipping part 6: ${skipped}`);
    return [{ part: PART, title: TITLE, rows: [], notes: [], skipped }];
  }
  const { rows: n, monitorRuns: runs } = options;
  const changes = Math.max(200, options.changes);
  const fixture = await OvsdbServerFixture.start();
  try {
    console.log(`part 6: seeding ${n} Wifi_Associated_Clients rows`);
    await seed(fixture, n);
    console.log(`part 6: initial monitor, ${runs} runs per client`);
    const cold = (await repeat(runs, () => libOvsdbInitialMonitor(fixture.socketPath, n, 1))).flat();
    const warm = (await libOvsdbInitialMonitor(fixture.socketPath, n, runs + 1)).slice(1);
    const idl = await repeat(runs, () => pythonIdlInitialMonitor(fixture.remote, n));
    const client = await repeat(runs, () => ovsdbClientInitialMonitor(fixture.remote, n));
    console.log(`part 6: ${changes} single changes with ovsdb-client transact and over a persistent session`);
    const spawned = await ovsdbClientTransactFloor(fixture.remote, changes);
    const session = await dialUnix(fixture.socketPath);
    const persistent = await persistentTransactFloor(session, changes * 5);
    session.close('LOCAL');

    const rows: BenchRow[] = [
      { ...summary(`initial monitor, ${n} rows: libs/ovsdb, fresh process`, cold) },
      { ...summary(`initial monitor, ${n} rows: libs/ovsdb, warm process`, warm) },
      { ...summary(`initial monitor, ${n} rows: OVS Python IDL`, idl) },
      { ...summary(`initial monitor, ${n} rows: ovsdb-client monitor (spawn included)`, client) },
      {
        metric: 'libs/ovsdb fresh / Python IDL (median; below 1 is faster)',
        value: ratio(median(cold), median(idl)),
        target: 'libs/ovsdb at least as fast as the Python IDL',
        verdict: verdict(median(cold) <= median(idl)),
      },
      { metric: 'libs/ovsdb warm / Python IDL (median)', value: ratio(median(warm), median(idl)) },
      { metric: 'libs/ovsdb fresh / ovsdb-client (median)', value: ratio(median(cold), median(client)) },
      { metric: 'libs/ovsdb warm / ovsdb-client (median)', value: ratio(median(warm), median(client)) },
      {
        metric: 'single change, ovsdb-client transact (spawn included)',
        value: `p50 ${ms(percentile(spawned, 50))}, p99 ${ms(percentile(spawned, 99))} (${spawned.length} runs)`,
      },
      {
        metric: 'single change, persistent libs/ovsdb session',
        value: `p50 ${ms(percentile(persistent, 50))}, p99 ${ms(percentile(persistent, 99))} (${persistent.length} runs)`,
      },
    ];
    const notes = [
      `One ovsdb-server 3.1 (OpenSync schema, ${n} Wifi_Associated_Clients rows, 10 columns set in each) on a unix socket; every client dials it and fetches the schema with get_schema before monitoring every column of the table.`,
      'libs/ovsdb and the Python IDL time themselves from before connecting until the rows are in their replica (process start excluded); ovsdb-client is timed from spawn until it has printed every row.',
      '"fresh process": a new node process per run (nothing JIT-compiled, schema parsed for the first time); "warm": later runs in one process, as in a controller serving many devices.',
      'The single change is an update of one Wifi_VIF_Config row (wpa_psks) committed by the server; it is the floor under the controller\'s single-change latency (part 3).',
    ];
    return [{ part: PART, title: TITLE, rows, notes }];
  } finally {
    await fixture.stop();
  }
}
