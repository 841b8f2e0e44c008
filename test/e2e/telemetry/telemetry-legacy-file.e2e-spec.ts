// Upgrading a SQLite deployment whose telemetry an older release kept in the main database
// file: at the first start of this release the samples and rollups are copied to the
// telemetry file (by the ingestion worker, once) and then removed from the main file.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { openSqlite } from '../../../src/telemetry/sqlite/sqlite-driver';
import { TELEMETRY_FILE_STEPS } from '../../../src/telemetry/sqlite/telemetry-file-schema';
import { IngestWorkerHost } from '../../../src/telemetry/ingest/ingest-worker-host.service';
import { TelemetryReader } from '../../../src/telemetry/store/telemetry-reader.service';
import { startTestApp, TestApp } from '../support/test-app';

const location = '11111111-1111-4111-8111-111111111111';
const node = '22222222-2222-4222-8222-222222222222';

async function until(check: () => Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('telemetry of an older release in the main SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'telemetry-legacy-'));
  const file = join(dir, 'controller.sqlite');
  let app: TestApp | undefined;

  afterAll(async () => {
    await app?.close();
  });

  it('is copied to the telemetry file once, and removed from the main file', async () => {
    // The main file as an older release left it: without migration 1765680000000, with the
    // telemetry tables in it, holding rows.
    await (await startTestApp('sqlite', { env: { DATABASE_URL: `sqlite:${file}` } })).close();
    const old = openSqlite(file);
    old.exec(`DELETE FROM migrations WHERE name = 'TelemetryOwnFile1765680000000'`);
    for (const sql of TELEMETRY_FILE_STEPS[0]) if (!sql.includes('telemetry_import')) old.exec(sql);
    const insert = old.prepare(`INSERT INTO telemetry_client_samples (at, location_id, node_id, mac, band, rx_bytes, tx_bytes, rx_rate, tx_rate, snr_db) VALUES (?, ?, ?, ?, '5G', ?, 0, NULL, NULL, 30)`);
    const now = Date.now();
    for (let i = 0; i < 12_000; i++) insert.run(now - 60_000 - i, location, node, `aa:00:00:00:${String(i % 100).padStart(2, '0')}:01`, 1);
    old.exec(`INSERT INTO telemetry_node_samples (at, node_id, uptime_s, rebooted) VALUES (${now - 60_000}, '${node}', 100, 0)`);
    old.exec(`INSERT INTO telemetry_client_hourly (hour, location_id, mac, rx_bytes, tx_bytes, snr_sum, snr_count, snr_min) VALUES (${Math.floor(now / 3_600_000) * 3_600_000 - 3_600_000}, '${location}', 'aa:00:00:00:00:01', 5, 5, 30, 1, 30)`);
    old.close();

    app = await startTestApp('sqlite', { env: { DATABASE_URL: `sqlite:${file}` } });
    const reader = app.app.get(TelemetryReader);
    const main = app.app.get(DataSource);
    const n = async (query: (sql: string) => Promise<unknown[]>, table: string): Promise<number> => Number(((await query(`SELECT COUNT(*) AS n FROM ${table}`))[0] as { n: unknown }).n);
    const inFile = (table: string): Promise<number> => n((sql) => reader.query(sql), table);
    const inMain = (table: string): Promise<number> => n((sql) => main.query(sql), table);
    // The main file's tables are emptied one after the other, in slices with loop turns between.
    const legacyRows = async (): Promise<number> =>
      (await inMain('telemetry_legacy_client_samples')) + (await inMain('telemetry_legacy_node_samples')) + (await inMain('telemetry_legacy_client_hourly'));
    await until(async () => (await legacyRows()) === 0, 'the main file is emptied');
    expect(await inFile('telemetry_client_samples')).toBe(12_000);
    expect(await inFile('telemetry_node_samples')).toBe(1);
    expect(await inFile('telemetry_client_hourly')).toBe(1);
    // The copied rows answer queries like new ones.
    await app.app.get(IngestWorkerHost).flush();
    const usage = await reader.query<{ rx: number }>('SELECT SUM(rx_bytes) AS rx FROM telemetry_client_samples WHERE location_id = ?', [location]);
    expect(usage[0].rx).toBe(12_000);
  });

  it('is not copied again at the next start', async () => {
    await app?.close();
    app = await startTestApp('sqlite', { env: { DATABASE_URL: `sqlite:${file}` } });
    await app.app.get(IngestWorkerHost).flush();
    const rows = await app.app.get(TelemetryReader).query<{ n: number }>('SELECT COUNT(*) AS n FROM telemetry_client_samples');
    expect(rows[0].n).toBe(12_000);
  });
});
