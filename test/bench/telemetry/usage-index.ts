// By hand: `node -r ./test/bench/register-ts.js test/bench/telemetry/usage-index.ts [locations]`.
// A location's 7-day usage reads (the SQL of TelemetryQueryService.hourly) on a SQLite file
// filled as ingestion fills it (raw rows of all locations interleaved in time, rollups an hour
// of all locations at a time): 10 clients per location, 7 days of hourly rollups and the
// last 70 minutes raw at one report every 10 s. Timed with the indexes of migration
// 1764700000300 and then with the covering ones of 1765650000000, in one process.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile } from '../framework/stats';

interface Db {
  exec(sql: string): void;
  pragma(s: string): unknown;
  prepare(sql: string): { run(...a: unknown[]): unknown; all(...a: unknown[]): unknown[] };
  transaction(fn: () => void): () => void;
  close(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Database = require('better-sqlite3') as new (file: string) => Db;

const HOUR = 3_600_000;
const CLIENTS = 10;
const locations = Number(process.argv[2] ?? 500);
const dir = mkdtempSync(join(tmpdir(), 'usage-index-'));
const db = new Database(join(dir, 'usage.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(`CREATE TABLE telemetry_client_samples (at integer, location_id varchar(36), node_id varchar(36), mac varchar(17), band varchar(8), rx_bytes double precision NOT NULL, tx_bytes double precision NOT NULL, rx_rate double precision, tx_rate double precision, snr_db integer);
  CREATE INDEX ix_tcs_client_at ON telemetry_client_samples (location_id, mac, at);
  CREATE INDEX ix_tcs_at ON telemetry_client_samples (at);
  CREATE TABLE telemetry_client_hourly (hour integer, location_id varchar(36), mac varchar(17), rx_bytes double precision NOT NULL, tx_bytes double precision NOT NULL, snr_sum double precision NOT NULL, snr_count integer NOT NULL, snr_min integer);
  CREATE UNIQUE INDEX uq_tch_client_hour ON telemetry_client_hourly (location_id, mac, hour);
  CREATE INDEX ix_tch_hour ON telemetry_client_hourly (hour);`);
const loc = (i: number): string => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const mac = (c: number): string => `aa:bb:cc:00:00:${String(c).padStart(2, '0')}`;
const now = Math.floor(Date.now() / HOUR) * HOUR + 10 * 60_000;
const rolledUntil = now - 70 * 60_000;
const fill = (): void => {
  const hourly = db.prepare('INSERT INTO telemetry_client_hourly VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const raw = db.prepare('INSERT INTO telemetry_client_samples VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  for (let h = Math.floor((rolledUntil - 7 * 24 * HOUR) / HOUR) * HOUR; h < rolledUntil; h += HOUR)
    db.transaction(() => {
      for (let l = 0; l < locations; l++) for (let c = 0; c < CLIENTS; c++) hourly.run(h, loc(l), mac(c), 1e6, 1e5, 14400, 360, 20);
    })();
  for (let at = rolledUntil; at < now; at += 10_000)
    db.transaction(() => {
      for (let l = 0; l < locations; l++) for (let c = 0; c < CLIENTS; c++) raw.run(at, loc(l), loc(l), mac(c), '5G', 5000, 500, 100, 100, 40);
    })();
};
const time = (label: string): void => {
  const rolled = db.prepare(
    'SELECT hour, SUM(rx_bytes) AS rx, SUM(tx_bytes) AS tx, SUM(snr_sum) AS snr_sum, SUM(snr_count) AS snr_count, MIN(snr_min) AS snr_min FROM telemetry_client_hourly WHERE location_id = ? AND hour >= ? AND hour < ? GROUP BY hour',
  );
  const raw = db.prepare(
    `SELECT (at / ${HOUR}) * ${HOUR} AS hour, SUM(rx_bytes) AS rx, SUM(tx_bytes) AS tx, COALESCE(SUM(snr_db), 0) AS snr_sum, COUNT(snr_db) AS snr_count, MIN(snr_db) AS snr_min FROM telemetry_client_samples WHERE location_id = ? AND at >= ? AND at < ? GROUP BY (at / ${HOUR})`,
  );
  const times: number[] = [];
  for (let i = 0; i < 400; i++) {
    const l = loc((i * 7919) % locations);
    const t0 = performance.now();
    rolled.all(l, now - 7 * 24 * HOUR, rolledUntil);
    raw.all(l, rolledUntil, now);
    times.push(performance.now() - t0);
  }
  console.log(`${label}: p50 ${percentile(times, 50).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms (400 queries, ${locations} locations)`);
};
fill();
db.exec('CREATE INDEX ix_tcs_location_at ON telemetry_client_samples (location_id, at); CREATE INDEX ix_tch_location_hour ON telemetry_client_hourly (location_id, hour); ANALYZE;');
time('(location_id, at), (location_id, hour)');
db.exec(`DROP INDEX ix_tcs_location_at; DROP INDEX ix_tch_location_hour;
  CREATE INDEX ix_tcs_location_at_cover ON telemetry_client_samples (location_id, at, mac, rx_bytes, tx_bytes, snr_db);
  CREATE INDEX ix_tch_location_hour_cover ON telemetry_client_hourly (location_id, hour, mac, rx_bytes, tx_bytes, snr_sum, snr_count, snr_min); ANALYZE;`);
time('covering indexes');
db.close();
rmSync(dir, { recursive: true });
