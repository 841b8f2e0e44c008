import { openSqlite } from './sqlite-driver';
import { TELEMETRY_FILE_VERSION, upgradeTelemetryFile } from './telemetry-file-schema';

describe('upgradeTelemetryFile', () => {
  it('creates the tables and covering indexes once, and records the version', () => {
    const db = openSqlite(':memory:');
    expect(upgradeTelemetryFile(db)).toEqual({ from: 0, to: TELEMETRY_FILE_VERSION });
    expect(upgradeTelemetryFile(db)).toEqual({ from: TELEMETRY_FILE_VERSION, to: TELEMETRY_FILE_VERSION });
    const names = (db.prepare(`SELECT name FROM sqlite_master WHERE type IN ('table', 'index') ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['telemetry_client_samples', 'ix_tcs_location_at_cover', 'telemetry_client_hourly', 'ix_tch_location_hour_cover', 'uq_tch_client_hour', 'telemetry_node_samples', 'telemetry_radio_samples']));
    // Version 2: no (location_id, mac, at) index to pay on every append.
    expect(names).not.toContain('ix_tcs_client_at');
    // The 7-day location read is index-only, as on PostgreSQL.
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT SUM(rx_bytes) FROM telemetry_client_samples WHERE location_id = ? AND at >= ? AND at < ?`).all('l', 0, 1) as { detail: string }[];
    expect(plan.map((p) => p.detail).join()).toContain('COVERING INDEX ix_tcs_location_at_cover');
    // So is one client's (the raw hours not rolled up yet).
    const client = db.prepare(`EXPLAIN QUERY PLAN SELECT SUM(rx_bytes) FROM telemetry_client_samples WHERE location_id = ? AND at >= ? AND at < ? AND mac = ?`).all('l', 0, 1, 'm') as { detail: string }[];
    expect(client.map((p) => p.detail).join()).toContain('COVERING INDEX ix_tcs_location_at_cover');
    db.close();
  });

  it('refuses a file from a newer release', () => {
    const db = openSqlite(':memory:');
    db.pragma(`user_version = ${TELEMETRY_FILE_VERSION + 1}`);
    expect(() => upgradeTelemetryFile(db)).toThrow(/newer than this release/);
    db.close();
  });
});
