// The ingestion worker with the controller on a SQLite file in WAL mode (the other
// telemetry specs run on an in-memory database, with a temporary telemetry file, or on
// PostgreSQL): reports decoded in the worker thread are stored by the worker in the telemetry
// file next to the main one (controller-telemetry.sqlite), never through the main
// connection, and read back; a reboot is seen from uptime, and garbage is counted and
// dropped without disturbing the next good report. A worker killed mid-stream is started
// again, counted at /metrics, and ingestion resumes.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { deflateSync } from 'node:zlib';
import { DataSource } from 'typeorm';
import { openSqlite } from '../../../src/telemetry/sqlite/sqlite-driver';
import { TELEMETRY_FILE_VERSION } from '../../../src/telemetry/sqlite/telemetry-file-schema';
import { IngestWorkerHost } from '../../../src/telemetry/ingest/ingest-worker-host.service';
import { TelemetryStats } from '../../../src/telemetry/ingest/telemetry-stats';
import { STATS_ROOT } from '../../../src/telemetry/proto/report-decoder';
import { TelemetryQueryService } from '../../../src/telemetry/store/telemetry-query.service';
import { TelemetryReader } from '../../../src/telemetry/store/telemetry-reader.service';
import { useTestApp } from '../support';

const REPORT = STATS_ROOT.lookupType('sts.Report');
const location = '11111111-1111-4111-8111-111111111111';
const node = '22222222-2222-4222-8222-222222222222';

function report(nodeID: string, uptime: number, clients: { mac: string; rx: number }[]): Buffer {
  const message = REPORT.fromObject({
    nodeID,
    clients: [{ band: 'BAND5G', channel: 36, timestamp_ms: Date.now(), client_list: clients.map((c) => ({ mac_address: c.mac, connected: true, stats: { rx_bytes: c.rx, tx_bytes: c.rx / 2, rssi: 40 } })) }],
    survey: [],
    device: [{ uptime, radio_temp: [] }],
  });
  return Buffer.from(REPORT.encode(message).finish());
}

describe('telemetry ingestion worker on a SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'telemetry-worker-'));
  const t = useTestApp('sqlite', { env: { DATABASE_URL: `sqlite:${join(dir, 'controller.sqlite')}` } });
  const host = (): IngestWorkerHost => t.current.app.get(IngestWorkerHost);
  const stats = (): TelemetryStats => t.current.app.get(TelemetryStats);
  const submit = (payload: Buffer, serial = 'SERIAL1'): void => {
    expect(host().submit({ nodeId: node, locationId: location, serial, payload, receivedAt: Date.now() })).toBe(true);
  };
  const count = async (sql: string): Promise<number> => Number((await t.current.app.get(TelemetryReader).query<{ n: unknown }>(sql))[0].n);

  it('stores what the worker decodes', async () => {
    const before = { ...stats() };
    submit(report('SERIAL1', 7200, [{ mac: 'AA:BB:CC:00:00:01', rx: 1000 }, { mac: 'aa:bb:cc:00:00:02', rx: 50 }]));
    submit(deflateSync(report('SERIAL1', 7260, [{ mac: 'aa:bb:cc:00:00:01', rx: 3000 }])));
    await host().flush();
    expect(await count('SELECT COUNT(*) AS n FROM telemetry_client_samples')).toBe(3);
    expect(await count('SELECT COUNT(*) AS n FROM telemetry_node_samples WHERE rebooted = 0')).toBe(2);
    const now = Date.now();
    const hours = await t.current.app.get(TelemetryQueryService).hourly(location, null, now - 3_600_000, now + 1);
    expect(hours.reduce((s, h) => s + h.rxBytes, 0)).toBe(4050);
    expect(stats().reportsAccepted - before.reportsAccepted).toBe(2);
    expect(stats().clientSamples - before.clientSamples).toBe(3);
    expect(stats().flushes).toBeGreaterThan(before.flushes);
    expect(stats().writeFailures).toBe(0);
  });

  it('writes the samples to the telemetry file, not through the main connection', async () => {
    const rows = await count('SELECT COUNT(*) AS n FROM telemetry_client_samples');
    expect(rows).toBeGreaterThan(0);
    // The main database has no telemetry table left (migration 1765680000000) ...
    const main = (await t.current.app.get(DataSource).query(`SELECT name FROM sqlite_master WHERE name LIKE 'telemetry_%' AND name <> 'telemetry_settings'`)) as { name: string }[];
    expect(main).toEqual([]);
    // ... and another connection to the telemetry file sees the committed rows.
    const file = openSqlite(join(dir, 'controller-telemetry.sqlite'), { readonly: true, fileMustExist: true });
    try {
      expect((file.prepare('SELECT COUNT(*) AS n FROM telemetry_client_samples').get() as { n: number }).n).toBe(rows);
      expect(file.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(file.pragma('user_version', { simple: true })).toBe(TELEMETRY_FILE_VERSION);
    } finally {
      file.close();
    }
  });

  it('sees a reboot when uptime goes down', async () => {
    const before = stats().rebootsDetected;
    submit(report('SERIAL1', 30, []));
    await host().flush();
    expect(stats().rebootsDetected).toBe(before + 1);
    expect(await count('SELECT COUNT(*) AS n FROM telemetry_node_samples WHERE rebooted = 1')).toBe(1);
  });

  it('counts and drops a corrupt payload, a wrong type and a report naming another node', async () => {
    const before = { ...stats() };
    const rows = await count('SELECT COUNT(*) AS n FROM telemetry_client_samples');
    submit(Buffer.from([0x78, 0x9c, 0xde, 0xad, 0xbe, 0xef]));
    submit(Buffer.from([0x20, 0x05]));
    submit(report('SOMEONE-ELSE', 99, [{ mac: 'aa:bb:cc:00:00:09', rx: 1 }]));
    submit(report('SERIAL1', 90, [{ mac: 'aa:bb:cc:00:00:01', rx: 1 }]));
    await host().flush();
    expect(stats().droppedCorrupt - before.droppedCorrupt).toBe(1);
    expect(stats().droppedWrongType - before.droppedWrongType).toBe(1);
    expect(stats().droppedNodeMismatch - before.droppedNodeMismatch).toBe(1);
    expect(stats().reportsAccepted - before.reportsAccepted).toBe(1);
    expect(await count('SELECT COUNT(*) AS n FROM telemetry_client_samples')).toBe(rows + 1);
  });

  it('starts a worker killed mid-stream again, counts it at /metrics, and ingestion resumes', async () => {
    const before = { ...stats() };
    const rows = await count('SELECT COUNT(*) AS n FROM telemetry_client_samples');
    const clients = Array.from({ length: 10 }, (_, i) => ({ mac: `aa:bb:cc:00:01:${String(i).padStart(2, '0')}`, rx: 100 }));
    const payload = deflateSync(report('SERIAL1', 100_000, clients));
    for (let i = 0; i < 500; i++) submit(payload);
    const worker = (host() as unknown as { worker: Worker }).worker;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    await worker.terminate();
    await exited;
    // While the worker is down nothing is handed over; once it is back, reports are again.
    let pauses = 0;
    while (!host().submit({ nodeId: node, locationId: location, serial: 'SERIAL1', payload: deflateSync(report('SERIAL1', 100_010, clients)), receivedAt: Date.now() })) {
      expect(++pauses).toBeLessThan(200);
      await sleep(50);
    }
    expect(pauses).toBeGreaterThan(0);
    await host().flush();
    expect(stats().workerRestarts - before.workerRestarts).toBe(1);
    // The report handed over after the restart is stored (with what the killed worker had stored).
    const stored = (await count('SELECT COUNT(*) AS n FROM telemetry_client_samples')) - rows;
    expect(stored % 10).toBe(0);
    expect(stored).toBeGreaterThanOrEqual(10);
    expect(await count(`SELECT COUNT(*) AS n FROM telemetry_node_samples WHERE uptime_s = 100010`)).toBe(1);
    const metrics = await (await fetch(t.current.url.replace('/graphql', '/metrics'))).text();
    expect(metrics).toMatch(new RegExp(`^opensync_telemetry_worker_restarts_total ${stats().workerRestarts}$`, 'm'));
  });
});
