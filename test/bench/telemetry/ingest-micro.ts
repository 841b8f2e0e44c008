// By hand: `node -r ./test/bench/register-ts.js test/bench/telemetry/ingest-micro.ts [reports] [nodes] [split|worker|both] [prefill rounds]`.
// The ingestion worker's path without MQTT or the rest of the controller: N pre-encoded,
// zlib-compressed sts.Reports like the simulated devices' (10 clients on two bands, two
// on-channel surveys, device stats), over `nodes` nodes.
// 1. The split, on this thread, stage by stage with the worker's own functions: inflate,
//    protobuf decode to samples, rows for the tables, the SQLite append (batches of
//    FLUSH_ROWS rows, as the worker's buffer hands them over); with prefill rounds, then the
//    sliced rollups and deletes by age on that file, each statement timed.
// 2. End to end through IngestWorkerHost and the real worker thread on a fresh telemetry
//    file: reports/s from the first submit to the last commit, CPU of the whole process,
//    and each thread's busy time (event-loop utilisation), so message passing on the main
//    thread is seen apart from the worker's work.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { deflateSync, inflateSync } from 'node:zlib';
import type { DataSource } from 'typeorm';
import { IngestWorkerHost, MAX_BACKLOG } from '../../../src/telemetry/ingest/ingest-worker-host.service';
import { TelemetryStats } from '../../../src/telemetry/ingest/telemetry-stats';
import { decodeReportPayload, STATS_ROOT } from '../../../src/telemetry/proto/report-decoder';
import { TelemetryFileWriter } from '../../../src/telemetry/sqlite/telemetry-file-writer';
import { SampleBatchWriter } from '../../../src/telemetry/store/sample-batch-writer.service';
import { FLUSH_ROWS } from '../../../src/telemetry/store/sample-buffer';
import { batchSize, clientRows, nodeRows, radioRows, Row, SampleBatch } from '../../../src/telemetry/store/sample-rows';
import type { TelemetryConfig } from '../../../src/telemetry/telemetry-config';
import { DAY_MS, HOUR_MS, MaintenanceJob, Query } from '../../../src/telemetry/store/maintenance-job';
import { percentile } from '../framework/stats';

const REPORT = STATS_ROOT.lookupType('sts.Report');
const total = Number(process.argv[2] ?? 20_000);
const nodeCount = Number(process.argv[3] ?? 1000);
const CLIENTS = 10;
/** Rounds of the same rows written (an hour earlier each) before the split's timed append. */
const prefill = Number(process.argv[5] ?? 0);

const nodeId = (i: number): string => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const serialOf = (i: number): string => `MICRO${String(i).padStart(6, '0')}`;

function report(node: number, seq: number): Buffer {
  const now = Date.now();
  const bands = ['BAND2G', 'BAND5G'];
  const message = REPORT.fromObject({
    nodeID: serialOf(node),
    clients: bands.map((band, b) => ({
      band,
      channel: b === 0 ? 6 : 36,
      timestamp_ms: now,
      client_list: Array.from({ length: CLIENTS / 2 }, (_, c) => ({
        mac_address: `aa:bb:${(node >> 8) & 255}:${node & 255}:0${b}:0${c}`.replace(/:(\d)(?=:|$)/g, ':0$1'),
        connected: true,
        duration_ms: 1000 * seq,
        stats: { rx_bytes: 200_000 + c * 1000 + seq, tx_bytes: 40_000 + c, rx_rate: 433, tx_rate: 300, rssi: 35 + c },
      })),
    })),
    survey: bands.map((band, b) => ({ band, survey_type: 'ON_CHANNEL', timestamp_ms: now, survey_list: [{ channel: b === 0 ? 6 : 36, duration_ms: 1000, busy: 20 + b, noise_floor: -92 }] })),
    device: [{ uptime: 1000 + seq * 10, timestamp_ms: now, load: { one: 0.3 }, mem_util: { mem_total: 524288, mem_used: 200000 }, radio_temp: bands.map((band) => ({ band, value: 50 })) }],
  });
  return deflateSync(Buffer.from(REPORT.encode(message).finish()));
}

const payloads = Array.from({ length: total }, (_, i) => report(i % nodeCount, Math.floor(i / nodeCount)));
const perReport = (ms: number): string => `${((ms * 1000) / total).toFixed(1)} µs/report`;
/** CPU time of the process (this thread does all the work in `split`), ms: steadier than wall time on a shared machine. */
const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const dir = mkdtempSync(join(tmpdir(), 'ingest-micro-'));

async function split(): Promise<void> {
  let t = cpuNow();
  const inflated = payloads.map((p) => inflateSync(p));
  const inflateMs = cpuNow() - t;
  t = cpuNow();
  const reports = inflated.map((p, i) => decodeReportPayload(p, 1_700_000_000_000 + i));
  const decodeMs = cpuNow() - t;
  t = cpuNow();
  const batches: SampleBatch[] = [];
  let batch: SampleBatch = { clients: [], nodes: [], radios: [], oldestReceivedAt: undefined };
  reports.forEach((r, i) => {
    const s = { nodeId: nodeId(i % nodeCount), locationId: nodeId(100_000 + (i % nodeCount)), clients: r.clients, radios: r.radios, devices: r.devices.map((d) => ({ ...d, rebooted: false })), receivedAt: 0 };
    batch.clients.push(...clientRows(s));
    batch.nodes.push(...nodeRows(s));
    batch.radios.push(...radioRows(s));
    if (batchSize(batch) >= FLUSH_ROWS) {
      batches.push(batch);
      batch = { clients: [], nodes: [], radios: [], oldestReceivedAt: undefined };
    }
  });
  batches.push(batch);
  const rowsMs = cpuNow() - t;
  const writer = new TelemetryFileWriter(join(dir, 'split.sqlite'));
  // A file that already holds `prefill` earlier rounds of these rows, an hour apart (the
  // indexes of a file in use are larger than those of a fresh one).
  const earlier = (b: SampleBatch, hoursBack: number): SampleBatch => {
    const shift = (rows: Row[]): Row[] => rows.map((r) => [(r[0] as number) - hoursBack * 3_600_000, ...r.slice(1)]);
    return { clients: shift(b.clients), nodes: shift(b.nodes), radios: shift(b.radios), oldestReceivedAt: undefined };
  };
  for (let round = prefill; round > 0; round--) for (const b of batches) writer.write(earlier(b, round));
  t = cpuNow();
  for (const b of batches) writer.write(b);
  const writeMs = cpuNow() - t;
  const sum = inflateMs + decodeMs + rowsMs + writeMs;
  const line = (name: string, v: number): string => `  ${name.padEnd(22)} ${perReport(v).padStart(16)}  ${((100 * v) / sum).toFixed(0).padStart(3)} %`;
  console.log(`split on one thread (CPU time), ${total} reports (${total * CLIENTS} client samples), ${batches.length} batches, on a file holding ${prefill * total * CLIENTS} client samples:`);
  console.log([line('inflate (zlib)', inflateMs), line('decode (protobuf)', decodeMs), line('rows for the tables', rowsMs), line('SQLite append', writeMs)].join('\n'));
  console.log(`  one thread could take ${((total * 1000) / sum).toFixed(0)} reports/s`);
  if (prefill > 0) await maintain(writer);
  writer.close();
}

/**
 * The rollups of the prefilled hours and then the removal of every raw row by age, on the
 * split's file: each statement timed (wall clock), as the worker would run them between
 * report writes; the longest is how long a write may wait for maintenance.
 */
async function maintain(writer: TelemetryFileWriter): Promise<void> {
  const times: number[] = [];
  const timed: Query = async <T>(sql: string, params?: unknown[]): Promise<T[]> => {
    const s = performance.now();
    const rows = await writer.query<T>(sql, params);
    times.push(performance.now() - s);
    return rows;
  };
  const job = new MaintenanceJob(timed, { rawRetentionDays: 1, hourlyRetentionDays: 90 }, (m) => console.log(m));
  const report = (what: string): void => {
    const total = times.reduce((a, b) => a + b, 0);
    console.log(`  ${what}: ${times.length} statements, ${total.toFixed(0)} ms in all, longest ${Math.max(...times).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms`);
    times.length = 0;
  };
  const newest = 1_700_000_000_000 + total;
  await job.run(newest + HOUR_MS + 10 * 60_000);
  report('hourly rollups of the file');
  await job.run(newest + 2 * DAY_MS);
  report('removal of every raw row by age');
}

async function endToEnd(): Promise<void> {
  const stats = new TelemetryStats();
  const config = { rawRetentionDays: 7, hourlyRetentionDays: 90 } as TelemetryConfig;
  const noDb = { options: { type: 'sqlite' } } as unknown as DataSource;
  const host = new IngestWorkerHost(stats, new SampleBatchWriter(noDb, stats), noDb, config, { kind: 'sqlite', file: join(dir, 'worker.sqlite') });
  await host.onModuleInit();
  await host.ready;
  const worker = (host as unknown as { worker: import('node:worker_threads').Worker }).worker;
  const mainElu = performance.eventLoopUtilization();
  const workerElu = worker.performance.eventLoopUtilization();
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  let submitMs = 0;
  for (let i = 0; i < total; ) {
    const s = performance.now();
    while (i < total && host.submit({ nodeId: nodeId(i % nodeCount), locationId: nodeId(100_000 + (i % nodeCount)), serial: serialOf(i % nodeCount), payload: payloads[i], receivedAt: Date.now() })) i++;
    submitMs += performance.now() - s;
    // The backlog is full: let the worker's counters come back.
    if (i < total) await new Promise((r) => setTimeout(r, 5));
  }
  await host.flush();
  const wallMs = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  const main = performance.eventLoopUtilization(mainElu);
  const inWorker = worker.performance.eventLoopUtilization(workerElu);
  await host.onModuleDestroy();
  const cpuMs = (used.user + used.system) / 1000;
  console.log(`end to end through the worker thread, ${total} reports (backlog cap ${MAX_BACKLOG}):`);
  console.log(`  ${((total * 1000) / wallMs).toFixed(0)} reports/s, ${(stats.clientSamples / (wallMs / 1000)).toFixed(0)} client samples/s; ${stats.reportsAccepted} accepted, ${stats.samplesDropped} samples dropped, ${stats.flushes} flushes`);
  console.log(`  process CPU ${perReport(cpuMs)} (${((100 * cpuMs) / wallMs).toFixed(0)} % of a core over ${wallMs.toFixed(0)} ms)`);
  console.log(`  main thread busy ${perReport(main.active)} (submit ${perReport(submitMs)}), worker busy ${perReport(inWorker.active)}`);
}

async function main(): Promise<void> {
  try {
    if (process.argv[4] !== 'worker') await split();
    if (process.argv[4] !== 'split') await endToEnd();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
