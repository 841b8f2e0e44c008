// Reads of stored telemetry, for GraphQL. Traffic and signal per hour come from the hourly
// rollups for hours already rolled up and from the raw samples for the rest, so a 7-day
// location query reads at most 168 rollup groups plus the current hour's raw rows. On SQLite
// they read the telemetry file (TelemetryReader), not the main database.

import { Injectable } from '@nestjs/common';
import { HOUR_MS } from './maintenance-job';
import { num, numOrNull } from './sql';
import { TelemetryReader } from './telemetry-reader.service';

export interface HourTotals {
  hour: number;
  rxBytes: number;
  txBytes: number;
  snrSum: number;
  snrCount: number;
  snrMin: number | null;
}

export interface Talker {
  mac: string;
  rxBytes: number;
  txBytes: number;
}

export interface NodeHealthRow {
  at: number;
  uptimeS: number | null;
  load1: number | null;
  memUsedKb: number | null;
  memTotalKb: number | null;
  cpuPct: number | null;
  tempC: number | null;
}

export interface RadioHealthRow {
  band: string;
  channel: number;
  busyPct: number | null;
  noiseFloorDbm: number | null;
  at: number;
}

@Injectable()
export class TelemetryQueryService {
  constructor(private readonly sql: TelemetryReader) {}

  /** Per-hour totals of a location, or of one client when `mac` is given, for [from, to). */
  async hourly(locationId: string, mac: string | null, from: number, to: number): Promise<HourTotals[]> {
    const rolledUntil = await this.rolledUntil();
    const byClient = mac === null ? '' : ' AND mac = ?';
    const args = (a: number, b: number): unknown[] => (mac === null ? [locationId, a, b] : [locationId, a, b, mac]);
    const splitAt = Math.max(from, Math.min(to, rolledUntil));
    const rolled =
      splitAt > from
        ? await this.sql.query<Record<string, unknown>>(
            `SELECT hour, SUM(rx_bytes) AS rx, SUM(tx_bytes) AS tx, SUM(snr_sum) AS snr_sum, SUM(snr_count) AS snr_count, MIN(snr_min) AS snr_min
             FROM telemetry_client_hourly WHERE location_id = ? AND hour >= ? AND hour < ?${byClient} GROUP BY hour`,
            args(Math.floor(from / HOUR_MS) * HOUR_MS, splitAt),
          )
        : [];
    const raw =
      to > splitAt
        ? await this.sql.query<Record<string, unknown>>(
            `SELECT (at / ${HOUR_MS}) * ${HOUR_MS} AS hour, SUM(rx_bytes) AS rx, SUM(tx_bytes) AS tx, COALESCE(SUM(snr_db), 0) AS snr_sum, COUNT(snr_db) AS snr_count, MIN(snr_db) AS snr_min
             FROM telemetry_client_samples WHERE location_id = ? AND at >= ? AND at < ?${byClient} GROUP BY (at / ${HOUR_MS})`,
            args(splitAt, to),
          )
        : [];
    const merged = new Map<number, HourTotals>();
    for (const r of [...rolled, ...raw]) {
      const hour = num(r.hour);
      const prev = merged.get(hour) ?? { hour, rxBytes: 0, txBytes: 0, snrSum: 0, snrCount: 0, snrMin: null };
      const min = numOrNull(r.snr_min);
      merged.set(hour, {
        hour,
        rxBytes: prev.rxBytes + num(r.rx),
        txBytes: prev.txBytes + num(r.tx),
        snrSum: prev.snrSum + num(r.snr_sum),
        snrCount: prev.snrCount + num(r.snr_count),
        snrMin: min === null ? prev.snrMin : prev.snrMin === null ? min : Math.min(prev.snrMin, min),
      });
    }
    return [...merged.values()].sort((a, b) => a.hour - b.hour);
  }

  /** Clients of a location by total traffic over [from, to), most first. */
  async topTalkers(locationId: string, from: number, to: number, first: number): Promise<Talker[]> {
    const rolledUntil = await this.rolledUntil();
    const splitAt = Math.max(from, Math.min(to, rolledUntil));
    const rows = await this.sql.query<Record<string, unknown>>(
      `SELECT mac, SUM(rx) AS rx, SUM(tx) AS tx FROM (
         SELECT mac, SUM(rx_bytes) AS rx, SUM(tx_bytes) AS tx FROM telemetry_client_hourly WHERE location_id = ? AND hour >= ? AND hour < ? GROUP BY mac
         UNION ALL
         SELECT mac, SUM(rx_bytes) AS rx, SUM(tx_bytes) AS tx FROM telemetry_client_samples WHERE location_id = ? AND at >= ? AND at < ? GROUP BY mac
       ) t GROUP BY mac ORDER BY SUM(rx) + SUM(tx) DESC, mac LIMIT ?`,
      [locationId, Math.floor(from / HOUR_MS) * HOUR_MS, splitAt, locationId, splitAt, to, first],
    );
    return rows.map((r) => ({ mac: String(r.mac), rxBytes: num(r.rx), txBytes: num(r.tx) }));
  }

  async latestNodeSample(nodeId: string): Promise<NodeHealthRow | null> {
    const [r] = await this.sql.query<Record<string, unknown>>(
      'SELECT at, uptime_s, load1, mem_used_kb, mem_total_kb, cpu_pct, temp_c FROM telemetry_node_samples WHERE node_id = ? ORDER BY at DESC LIMIT 1',
      [nodeId],
    );
    if (r === undefined) return null;
    return {
      at: num(r.at),
      uptimeS: numOrNull(r.uptime_s),
      load1: numOrNull(r.load1),
      memUsedKb: numOrNull(r.mem_used_kb),
      memTotalKb: numOrNull(r.mem_total_kb),
      cpuPct: numOrNull(r.cpu_pct),
      tempC: numOrNull(r.temp_c),
    };
  }

  async lastReboot(nodeId: string): Promise<number | null> {
    const [r] = await this.sql.query<{ at: unknown }>('SELECT MAX(at) AS at FROM telemetry_node_samples WHERE node_id = ? AND rebooted = 1', [nodeId]);
    return numOrNull(r?.at);
  }

  /** The latest on-channel survey sample of each radio band of the node (last hour). */
  async latestRadios(nodeId: string, now: number): Promise<RadioHealthRow[]> {
    const rows = await this.sql.query<Record<string, unknown>>(
      'SELECT band, channel, busy_pct, noise_floor_dbm, at FROM telemetry_radio_samples WHERE node_id = ? AND at >= ? ORDER BY at DESC',
      [nodeId, now - HOUR_MS],
    );
    const latest = new Map<string, RadioHealthRow>();
    for (const r of rows) {
      const band = String(r.band);
      if (!latest.has(band)) latest.set(band, { band, channel: num(r.channel), busyPct: numOrNull(r.busy_pct), noiseFloorDbm: numOrNull(r.noise_floor_dbm), at: num(r.at) });
    }
    return [...latest.values()].sort((a, b) => a.band.localeCompare(b.band));
  }

  private async rolledUntil(): Promise<number> {
    const [r] = await this.sql.query<{ h: unknown }>('SELECT MAX(hour) AS h FROM telemetry_client_hourly');
    return r?.h === null || r?.h === undefined ? 0 : num(r.h) + HOUR_MS;
  }
}
