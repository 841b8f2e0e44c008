// Part 7, telemetry (issue #18): N simulated devices with 10 clients each publish an
// sts.Report every 10 s through Mosquitto (N = 10,000: 1,000 reports/s, 10,000 client
// samples/s). Measured: ingestion keeping up (commit lag of the newest sample, sampled every
// 2 s; rows stored against rows expected), controller CPU while telemetry flows, database
// growth per device per day, a location's 7-day usage query, and the single-change latency
// while telemetry flows, with the controller's own share of it (to its transact's log line,
// as the cluster part reads it). Needs Mosquitto on 127.0.0.1:1883 and the fleet CLI.

import { randomBytes } from 'node:crypto';
import { Socket } from 'node:net';
import { join, resolve } from 'node:path';
import type { BenchOptions } from '../framework/bench-options';
import type { BenchRow, PartReport } from '../framework/bench-result';
import { verdict } from '../framework/bench-result';
import { ms, percentile } from '../framework/stats';
import { ADMIN_EMAIL, ADMIN_PASSWORD, ControllerProcess, ensureControllerBuilt } from '../fleet/controller-process';
import { fleetSkipReason } from '../fleet/fleet-availability';
import { ClusterFleet } from '../cluster/cluster-fleet';
import { coldStart, singleChanges } from '../fleet/fleet-parts';
import { freePort } from '../fleet/free-port';
import { GraphqlClient } from '../fleet/graphql-client';
import { seedModel } from '../fleet/model-seeder';
import { TransactLog } from '../fleet/transact-log';
import { changeSplit } from './change-split';
import { serialFor } from '@lib/device-sim/cli/fleet-options';

const ROOT = resolve(__dirname, '../../..');

/** better-sqlite3 (the controller's own driver) read-only, for counting stored rows. */
interface SqliteReader {
  prepare(sql: string): { get(): unknown };
  close(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Database = require('better-sqlite3') as new (file: string, options: { readonly: boolean; fileMustExist: boolean }) => SqliteReader;
const TITLE = '7. Telemetry ingestion';
const CLIENTS = 10;
const USAGE = 'query ($id: ID!, $from: DateTime) { location(id: $id) { usage(from: $from, bucket: DAY) { start rxBytes txBytes } } }';

function mosquittoReachable(): Promise<boolean> {
  return new Promise((done) => {
    const s = new Socket();
    s.setTimeout(1000);
    s.once('connect', () => (s.destroy(), done(true)));
    s.once('error', () => done(false));
    s.once('timeout', () => (s.destroy(), done(false)));
    s.connect(1883, '127.0.0.1');
  });
}


/** The controller's ingestion counters (opensync_telemetry_*), by metric name and label. */
type Ingestion = { received: number; accepted: number; dropped: number; samples: number; samplesDropped: number };

function ingestionOf(text: string): Ingestion {
  const sum = (name: string): number => [...text.matchAll(new RegExp(`^opensync_telemetry_${name}(?:\\{[^}]*\\})? ([0-9.e+-]+)$`, 'gm'))].reduce((a, m) => a + Number(m[1]), 0);
  return {
    received: sum('reports_received_total'),
    accepted: sum('reports_accepted_total'),
    dropped: sum('reports_dropped_total'),
    samples: sum('client_samples_total'),
    samplesDropped: sum('samples_dropped_total'),
  };
}

/** The controller's event-loop delay since the last scrape (prom-client resets it on each), and its ingestion counters. */
async function loopDelay(url: string): Promise<{ p99Ms: number; maxMs: number; ingestion: Ingestion }> {
  const metrics = url.replace(/\/graphql$/, '/metrics');
  let text = '';
  for (let attempt = 1; text === ''; attempt++) {
    try {
      text = await (await fetch(metrics)).text();
    } catch (error) {
      // A kept-alive connection the server closed meanwhile: once more on a new one.
      if (attempt >= 3) throw new Error(`GET /metrics: ${String((error as { cause?: unknown }).cause ?? error)}`);
    }
  }
  const read = (name: string): number => Number(new RegExp(`^${name} ([0-9.e+-]+)$`, 'm').exec(text)?.[1] ?? NaN) * 1000;
  return { p99Ms: read('nodejs_eventloop_lag_p99_seconds'), maxMs: read('nodejs_eventloop_lag_max_seconds'), ingestion: ingestionOf(text) };
}

export async function runTelemetry(options: BenchOptions): Promise<PartReport[]> {
  const INTERVAL_S = options.telemetryIntervalS;
  const skipped = fleetSkipReason(ROOT) ?? ((await mosquittoReachable()) ? undefined : 'Mosquitto is not listening on 127.0.0.1:1883');
  if (skipped) return [{ part: 'telemetry', title: TITLE, rows: [], notes: [], skipped }];
  await ensureControllerBuilt(ROOT);
  const prefix = `bench-${randomBytes(4).toString('hex')}`;
  const transacts = new TransactLog();
  const controller = await ControllerProcess.start({
    onOutput: (chunk) => transacts.feed(chunk),
    root: ROOT,
    ovsdbPort: await freePort(),
    env: { MQTT_URL: 'mqtt://127.0.0.1:1883', MQTT_DEVICE_BROKER: '127.0.0.1:1883', MQTT_TOPIC_PREFIX: prefix, STATS_AGG_INTERVAL_S: String(INTERVAL_S) },
  });
  // The fleet in processes that also answer, over IPC, when a device has applied a change.
  let shards: ClusterFleet[] = [];
  // On SQLite the samples live in a file of their own, next to the main one.
  const db = join(controller.dir, 'controller-telemetry.sqlite');
  try {
    const api = new GraphqlClient(controller.url);
    await api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    const homes = await seedModel(api, Array.from({ length: options.devices }, (_, i) => serialFor('SIM', i, options.devices)));
    await coldStart(api, homes, () => {
      const m = options.fleetProcesses;
      shards = Array.from({ length: m }, (_, k) =>
        ClusterFleet.start(ROOT, homes.length, { controller: `tcp:127.0.0.1:${controller.ovsdbPort}` }, options.dialRate, ['--clients', String(CLIENTS), ...(m > 1 ? ['--shard', `${k}/${m}`] : [])]),
      );
    });
    // Reports start within one interval of the settings reaching the devices.
    await new Promise((r) => setTimeout(r, (INTERVAL_S + 5) * 1000));
    const reader = new Database(db, { readonly: true, fileMustExist: true });
    // Pages in use as the reader sees them (WAL included), not file sizes a checkpoint changes.
    const dbBytes = (): number => {
      const count = reader.prepare('PRAGMA page_count').get() as { page_count: number };
      const free = reader.prepare('PRAGMA freelist_count').get() as { freelist_count: number };
      const size = reader.prepare('PRAGMA page_size').get() as { page_size: number };
      return (count.page_count - free.freelist_count) * size.page_size;
    };
    const rows = (): { n: number; newest: number } => {
      const r = reader.prepare('SELECT COUNT(*) AS n, MAX(at) AS newest FROM telemetry_client_samples').get() as { n: number; newest: number | null };
      return { n: r.n, newest: r.newest ?? 0 };
    };
    const durationS = Math.max(20, options.durationS);
    const before = (await loopDelay(controller.url)).ingestion;
    const start = { rows: rows(), bytes: dbBytes(), cpu: controller.usage().cpuSeconds, at: Date.now() };
    const lags: number[] = [];
    while (Date.now() - start.at < durationS * 1000) {
      await new Promise((r) => setTimeout(r, 2000));
      lags.push(Date.now() - rows().newest);
    }
    const end = { rows: rows(), bytes: dbBytes(), cpu: controller.usage().cpuSeconds, at: Date.now() };
    const loop = await loopDelay(controller.url);
    const seconds = (end.at - start.at) / 1000;
    const stored = (end.rows.n - start.rows.n) / seconds;
    const expected = (homes.length * CLIENTS) / INTERVAL_S;
    const after = loop.ingestion;
    const perS = (k: keyof Ingestion): string => ((after[k] - before[k]) / seconds).toFixed(0);
    const cpuShare = (end.cpu - start.cpu) / seconds;
    const bytesPerDeviceDay = ((end.bytes - start.bytes) / seconds) * 86_400 / homes.length;
    const queryTimes: number[] = [];
    const from = new Date(Date.now() - 7 * 86_400_000).toISOString();
    for (let i = 0; i < 200; i++) {
      const home = homes[(i * 7919) % homes.length];
      const t0 = performance.now();
      await api.request(USAGE, { id: home.locationId, from });
      queryTimes.push(performance.now() - t0);
    }
    const changeRows = await singleChanges(api, homes, options.quick ? 50 : 200, transacts);
    const splitRows = await changeSplit(api, homes, shards, transacts, options.quick ? 50 : 200);
    reader.close();
    const lagP99 = percentile(lags, 99);
    const queryP99 = percentile(queryTimes, 99);
    const result: BenchRow[] = [
      { metric: 'client samples stored per second (expected)', value: `${stored.toFixed(0)} (${expected.toFixed(0)})` },
      {
        metric: 'per second at the controller: reports received / accepted / dropped; client samples decoded / not stored',
        value: `${perS('received')} / ${perS('accepted')} / ${perS('dropped')}; ${perS('samples')} / ${perS('samplesDropped')} (reports offered ${(homes.length / INTERVAL_S).toFixed(0)})`,
      },
      { metric: 'lag of the newest stored sample, p99 (sampled every 2 s)', value: ms(lagP99), target: '< 2 s', verdict: verdict(lagP99 < 2000) },
      { metric: 'controller CPU while telemetry flows (share of one core, idle cost included)', value: `${(cpuShare * 100).toFixed(0)} %` },
      { metric: "controller main event loop delay while telemetry flows, p99 / max", value: `${ms(loop.p99Ms)} / ${ms(loop.maxMs)}` },
      { metric: 'database growth per device per day (SQLite, raw samples)', value: `${(bytesPerDeviceDay / 2 ** 20).toFixed(2)} MiB` },
      { metric: "a location's usage over 7 days, p99 (200 queries)", value: ms(queryP99), target: '< 50 ms', verdict: verdict(queryP99 < 50) },
      ...changeRows.map((r) => ({ ...r, metric: `while telemetry flows: ${r.metric}` })),
      ...splitRows,
    ];
    return [
      {
        part: 'telemetry',
        title: TITLE,
        rows: result,
        notes: [
          `${homes.length} simulated devices with ${CLIENTS} clients each (the fleet in ${options.fleetProcesses} process${options.fleetProcesses === 1 ? '' : 'es'}), one zlib-compressed sts.Report per device every ${INTERVAL_S} s through Mosquitto on 127.0.0.1:1883, measured for ${seconds.toFixed(0)} s after the first reports; controller on SQLite. CPU is the controller's user + system time over the window (part 4 gives the idle cost to subtract).`,
        ],
      },
    ];
  } catch (err) {
    throw new Error(`${err instanceof Error ? err.message : String(err)}\ncontroller log:\n${controller.logTail}`);
  } finally {
    await Promise.all(shards.map((f) => f.stop()));
    await controller.stop();
  }
}
