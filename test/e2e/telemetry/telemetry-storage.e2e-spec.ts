// Telemetry storage on both databases: samples written in bulk, hourly rollups that agree
// with the raw rows, queries that read rollups and raw rows together, and removal by age
// (raw after TELEMETRY_RAW_RETENTION_DAYS, rollups after TELEMETRY_HOURLY_RETENTION_DAYS).
// Rollups and deletes of more rows than one slice holds agree with the raw rows too.
// Also the per-group stats settings: support reads, admins change, other groups see nothing.

import { DataSource } from 'typeorm';
import { SampleWriter } from '../../../src/telemetry/store/sample-writer.service';
import { HOUR_MS, TelemetryMaintenance } from '../../../src/telemetry/store/telemetry-maintenance.service';
import { TelemetryQueryService } from '../../../src/telemetry/store/telemetry-query.service';
import { TelemetryReader } from '../../../src/telemetry/store/telemetry-reader.service';
import { MaintenanceJob, SLICE_ROWS } from '../../../src/telemetry/store/maintenance-job';
import { TelemetrySql } from '../../../src/telemetry/store/sql';
import { TELEMETRY_CONFIG, TelemetryConfig } from '../../../src/telemetry/telemetry-config';
import { createGroupWithAdmin, createSupportUser, describeEachDatabase, expectData, expectErrorCode, gql, useTestApp } from '../support';

const DAY = 86_400_000;
const SETTINGS = `query ($g: ID!) { telemetrySettings(groupId: $g) { aggStatsIntervalS reportingIntervalS samplingIntervalS surveyIntervalS custom } }`;
const UPDATE = `mutation ($g: ID!, $i: TelemetrySettingsInput) { updateTelemetrySettings(groupId: $g, input: $i) { aggStatsIntervalS reportingIntervalS custom } }`;

describeEachDatabase('telemetry storage', (db) => {
  const t = useTestApp(db);
  const location = '11111111-1111-4111-8111-111111111111';
  const node = '22222222-2222-4222-8222-222222222222';
  const now = Date.UTC(2026, 5, 10, 12, 30);
  const sample = (at: number, mac: string, rx: number, snr: number) => ({ mac, band: '5G', channel: 36, at, rxBytes: rx, txBytes: rx / 10, rxRateMbps: 100, txRateMbps: 100, snrDb: snr });

  it('rolls up complete hours, answers from rollups and raw rows alike, and removes by age', async () => {
    const writer = t.current.app.get(SampleWriter);
    const query = t.current.app.get(TelemetryQueryService);
    const maintenance = t.current.app.get(TelemetryMaintenance);
    const ago = (ms: number): number => now - ms;
    writer.add({
      nodeId: node,
      locationId: location,
      receivedAt: Date.now(),
      clients: [
        sample(ago(100 * DAY), 'aa:00:00:00:00:01', 7, 10), // past every retention
        sample(ago(10 * DAY), 'aa:00:00:00:00:01', 1000, 20), // past raw retention, kept rolled up
        sample(ago(3 * HOUR_MS), 'aa:00:00:00:00:01', 100, 30),
        sample(ago(3 * HOUR_MS) + 60_000, 'aa:00:00:00:00:02', 50, 40),
        sample(ago(10 * 60_000), 'aa:00:00:00:00:01', 10, 50), // the current hour: raw only
      ],
      radios: [],
      devices: [{ at: ago(100 * DAY), uptimeS: 1, load1: null, memUsedKb: null, memTotalKb: null, cpuPct: null, tempC: null, rebooted: false }],
    });
    await writer.flush();
    await maintenance.run(now);
    const count = async (table: string): Promise<number> =>
      Number((await t.current.app.get(TelemetryReader).query<{ n: unknown }>(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
    // Raw: the 100- and 10-day-old samples are gone; the node sample too.
    expect(await count('telemetry_client_samples')).toBe(3);
    expect(await count('telemetry_node_samples')).toBe(0);
    // Rollups: the 10-day-old hour and the hour 3 h ago (two clients); the 100-day one removed.
    expect(await count('telemetry_client_hourly')).toBe(3);
    const hours = await query.hourly(location, null, ago(11 * DAY), now);
    expect(hours.map((h) => [h.hour, h.rxBytes])).toEqual([
      [Math.floor(ago(10 * DAY) / HOUR_MS) * HOUR_MS, 1000],
      [Math.floor(ago(3 * HOUR_MS) / HOUR_MS) * HOUR_MS, 150],
      [Math.floor(ago(10 * 60_000) / HOUR_MS) * HOUR_MS, 10],
    ]);
    const client = await query.hourly(location, 'aa:00:00:00:00:01', ago(DAY), now);
    expect(client.map((h) => [h.rxBytes, h.snrSum / h.snrCount])).toEqual([[100, 30], [10, 50]]);
    expect(await query.topTalkers(location, ago(DAY), now, 5)).toEqual([
      { mac: 'aa:00:00:00:00:01', rxBytes: 110, txBytes: 11 },
      { mac: 'aa:00:00:00:00:02', rxBytes: 50, txBytes: 5 },
    ]);
    // A second run has nothing to add.
    await maintenance.run(now);
    expect(await count('telemetry_client_hourly')).toBe(3);
  });

  // A cluster's instances share one PostgreSQL (on SQLite only the ingestion worker writes the telemetry file).
  (db === 'postgres' ? it : it.skip)('two instances on one database: an hour the other rolled up first is skipped, and each goes on with the next', async () => {
    const writer = t.current.app.get(SampleWriter);
    const dataSource = t.current.app.get(DataSource);
    const config = t.current.app.get<TelemetryConfig>(TELEMETRY_CONFIG);
    const sql = new TelemetrySql(dataSource);
    const job = (): MaintenanceJob => new MaintenanceJob((text, params) => sql.query(text, params), config, () => undefined);
    const [a, b] = [job(), job()];
    const place = '33333333-3333-4333-8333-333333333333';
    const h1 = Math.floor((now + 2 * DAY) / HOUR_MS) * HOUR_MS;
    const h2 = h1 + HOUR_MS;
    writer.add({ nodeId: node, locationId: place, receivedAt: Date.now(), clients: [sample(h1 + 60_000, 'bb:00:00:00:00:01', 5, 10), sample(h2 + 60_000, 'bb:00:00:00:00:01', 7, 20)], radios: [], devices: [] });
    await writer.flush();
    // `a` has rolled up to just before h1; `b` then rolls h1 up first.
    await a.run(h1 + 30 * 60_000);
    await b.run(h2 + 10 * 60_000);
    // `a` meets h1 already rolled up: it skips it and rolls h2.
    await a.run(h2 + HOUR_MS + 10 * 60_000);
    const rows = (await dataSource.query(`SELECT hour, rx_bytes FROM telemetry_client_hourly WHERE location_id = '${place}' ORDER BY hour`)) as Array<{ hour: unknown; rx_bytes: unknown }>;
    expect(rows.map((r) => [Number(r.hour), Number(r.rx_bytes)])).toEqual([
      [h1, 5],
      [h2, 7],
    ]);
  });

  it('per-group stats settings: defaults, admins change them, support reads, other groups see nothing', async () => {
    const group = await createGroupWithAdmin(t.current);
    const support = (await createSupportUser(t.current, group.groupId)).token;
    const other = (await createGroupWithAdmin(t.current)).adminToken;
    expect(expectData(await gql<{ telemetrySettings: object }>(t.current, SETTINGS, { g: group.groupId }, support)).telemetrySettings).toEqual({
      aggStatsIntervalS: 60,
      reportingIntervalS: 60,
      samplingIntervalS: 10,
      surveyIntervalS: 120,
      custom: false,
    });
    const input = { aggStatsIntervalS: 30, reportingIntervalS: 30, samplingIntervalS: 5, surveyIntervalS: 60 };
    expectErrorCode(await gql(t.current, UPDATE, { g: group.groupId, i: input }, support), 'FORBIDDEN');
    expectErrorCode(await gql(t.current, UPDATE, { g: group.groupId, i: input }, other), 'NOT_FOUND');
    expectErrorCode(await gql(t.current, SETTINGS, { g: group.groupId }, other), 'NOT_FOUND');
    expectErrorCode(await gql(t.current, UPDATE, { g: group.groupId, i: { ...input, samplingIntervalS: 0 } }, group.adminToken), 'VALIDATION_FAILED');
    expect(expectData(await gql<{ updateTelemetrySettings: object }>(t.current, UPDATE, { g: group.groupId, i: input }, group.adminToken)).updateTelemetrySettings).toEqual({
      aggStatsIntervalS: 30,
      reportingIntervalS: 30,
      custom: true,
    });
    expect(expectData(await gql<{ updateTelemetrySettings: { custom: boolean } }>(t.current, UPDATE, { g: group.groupId, i: null }, group.adminToken)).updateTelemetrySettings.custom).toBe(false);
  });

  // After the tests above: its hours are later than theirs (a job rolls up from the last hour rolled).
  it('rolls up and removes an hour of more rows than a slice holds, in slices that add up', async () => {
    const writer = t.current.app.get(SampleWriter);
    const maintenance = t.current.app.get(TelemetryMaintenance);
    const reader = t.current.app.get(TelemetryReader);
    const place = '44444444-4444-4444-8444-444444444444';
    const hour = Math.floor((now + 10 * DAY) / HOUR_MS) * HOUR_MS;
    const n = 2 * SLICE_ROWS + 1234;
    // Two clients, their samples spread over the hour; many share a millisecond (a slice's end).
    const clients = Array.from({ length: n }, (_, i) => sample(hour + Math.floor((i * HOUR_MS) / n / 4) * 4, i % 2 === 0 ? 'cc:00:00:00:00:01' : 'cc:00:00:00:00:02', i % 2 === 0 ? 3 : 5, 10 + (i % 40)));
    writer.add({ nodeId: node, locationId: place, receivedAt: Date.now(), clients, radios: [], devices: [] });
    await writer.flush();
    const count = async (sql: string): Promise<number> => Number((await reader.query<{ n: unknown }>(sql))[0].n);
    expect(await count(`SELECT COUNT(*) AS n FROM telemetry_client_samples WHERE location_id = '${place}'`)).toBe(n);
    await maintenance.run(hour + HOUR_MS + 10 * 60_000);
    const rows = await reader.query<{ mac: string; rx_bytes: unknown; snr_count: unknown; snr_sum: unknown; snr_min: unknown }>(
      `SELECT mac, rx_bytes, snr_count, snr_sum, snr_min FROM telemetry_client_hourly WHERE location_id = '${place}' AND hour = ${hour} ORDER BY mac`,
    );
    const evens = Math.ceil(n / 2);
    const snrSum = (odd: number): number => clients.filter((_, i) => i % 2 === odd).reduce((a, c) => a + c.snrDb, 0);
    expect(rows.map((r) => [r.mac, Number(r.rx_bytes), Number(r.snr_count), Number(r.snr_sum), Number(r.snr_min)])).toEqual([
      ['cc:00:00:00:00:01', 3 * evens, evens, snrSum(0), 10],
      ['cc:00:00:00:00:02', 5 * (n - evens), n - evens, snrSum(1), 11],
    ]);
    // Past raw retention: every raw row goes, in slices; the rollup stays.
    await maintenance.run(hour + 8 * DAY);
    expect(await count(`SELECT COUNT(*) AS n FROM telemetry_client_samples WHERE location_id = '${place}'`)).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM telemetry_client_hourly WHERE location_id = '${place}'`)).toBe(2);
  });
});
