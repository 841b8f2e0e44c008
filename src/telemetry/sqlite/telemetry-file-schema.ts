// Schema of the telemetry file (SQLite only): the same tables and indexes as the telemetry
// migrations leave in a PostgreSQL database (1764700000300, 1765650000000, 1765691000000), versioned with
// PRAGMA user_version and brought up to date by the ingestion worker when it opens the file.
// A step is never edited once released; a change is a new step.

/** Each entry takes the file from version i to i + 1. */
export const TELEMETRY_FILE_STEPS: readonly (readonly string[])[] = [
  [
    `CREATE TABLE IF NOT EXISTS telemetry_client_samples (at integer NOT NULL, location_id varchar(36) NOT NULL, node_id varchar(36) NOT NULL, mac varchar(17) NOT NULL, band varchar(8) NOT NULL, rx_bytes double precision NOT NULL, tx_bytes double precision NOT NULL, rx_rate double precision, tx_rate double precision, snr_db integer)`,
    `CREATE INDEX IF NOT EXISTS ix_tcs_location_at_cover ON telemetry_client_samples (location_id, at, mac, rx_bytes, tx_bytes, snr_db)`,
    `CREATE INDEX IF NOT EXISTS ix_tcs_client_at ON telemetry_client_samples (location_id, mac, at)`,
    `CREATE INDEX IF NOT EXISTS ix_tcs_at ON telemetry_client_samples (at)`,
    `CREATE TABLE IF NOT EXISTS telemetry_node_samples (at integer NOT NULL, node_id varchar(36) NOT NULL, uptime_s integer, load1 double precision, mem_used_kb integer, mem_total_kb integer, cpu_pct integer, temp_c integer, rebooted integer NOT NULL)`,
    `CREATE INDEX IF NOT EXISTS ix_tns_node_at ON telemetry_node_samples (node_id, at)`,
    `CREATE INDEX IF NOT EXISTS ix_tns_at ON telemetry_node_samples (at)`,
    `CREATE TABLE IF NOT EXISTS telemetry_radio_samples (at integer NOT NULL, node_id varchar(36) NOT NULL, band varchar(8) NOT NULL, channel integer NOT NULL, busy_pct integer, noise_floor_dbm integer)`,
    `CREATE INDEX IF NOT EXISTS ix_trs_node_at ON telemetry_radio_samples (node_id, at)`,
    `CREATE INDEX IF NOT EXISTS ix_trs_at ON telemetry_radio_samples (at)`,
    `CREATE TABLE IF NOT EXISTS telemetry_client_hourly (hour integer NOT NULL, location_id varchar(36) NOT NULL, mac varchar(17) NOT NULL, rx_bytes double precision NOT NULL, tx_bytes double precision NOT NULL, snr_sum double precision NOT NULL, snr_count integer NOT NULL, snr_min integer)`,
    `CREATE UNIQUE INDEX IF NOT EXISTS uq_tch_client_hour ON telemetry_client_hourly (location_id, mac, hour)`,
    `CREATE INDEX IF NOT EXISTS ix_tch_location_hour_cover ON telemetry_client_hourly (location_id, hour, mac, rx_bytes, tx_bytes, snr_sum, snr_count, snr_min)`,
    `CREATE INDEX IF NOT EXISTS ix_tch_hour ON telemetry_client_hourly (hour)`,
    // Rows copied from the main database file of an older release (legacy-import.ts): how far
    // each table got, so an interrupted copy resumes instead of copying twice.
    `CREATE TABLE IF NOT EXISTS telemetry_import (table_name varchar(64) PRIMARY KEY, last_rowid integer NOT NULL, done integer NOT NULL)`,
  ],
  // Every raw read is a location's range of `at`, which the covering index answers; this one
  // cost each append about 40 % of its CPU (as migration 1765691000000 on PostgreSQL).
  [`DROP INDEX IF EXISTS ix_tcs_client_at`],
];

export const TELEMETRY_FILE_VERSION = TELEMETRY_FILE_STEPS.length;

export interface SchemaConnection {
  pragma(source: string, options: { simple: true }): unknown;
  exec(sql: string): unknown;
  transaction(fn: () => void): () => void;
}

/** Brings the file to TELEMETRY_FILE_VERSION; refuses a file written by a newer release. */
export function upgradeTelemetryFile(db: SchemaConnection): { from: number; to: number } {
  const from = Number(db.pragma('user_version', { simple: true }));
  if (from > TELEMETRY_FILE_VERSION) throw new Error(`telemetry file has schema version ${from}, newer than this release knows (${TELEMETRY_FILE_VERSION})`);
  db.transaction(() => {
    for (let v = from; v < TELEMETRY_FILE_VERSION; v++) for (const sql of TELEMETRY_FILE_STEPS[v]) db.exec(sql);
    db.exec(`PRAGMA user_version = ${TELEMETRY_FILE_VERSION}`);
  })();
  return { from, to: TELEMETRY_FILE_VERSION };
}
