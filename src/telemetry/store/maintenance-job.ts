// Hourly rollups of client traffic and signal, and removal of old samples, over any
// connection that answers `query` (PostgreSQL's pool on the main thread; on SQLite the
// ingestion worker's own connection to the telemetry file). Each complete hour (ended at
// least five minutes ago) not yet rolled up is aggregated from the raw client samples with
// one INSERT ... SELECT; then rows past their retention are deleted a minute of samples at
// a time, a loop turn between slices, so neither the database nor the thread is held long.
// Samples arriving for an hour already rolled up stay raw only.

import { num } from './sql';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
export const MAINTENANCE_EVERY_MS = 5 * 60_000;
const SETTLE_MS = 5 * 60_000;
/** Rows are deleted a minute of samples at a time. */
const DELETE_SLICE_MS = 60_000;

export type Query = <T>(sql: string, params?: unknown[]) => Promise<T[]>;

export interface Retention {
  rawRetentionDays: number;
  hourlyRetentionDays: number;
}

const turn = (): Promise<void> => new Promise((r) => setImmediate(r));

export class MaintenanceJob {
  private running: Promise<void> | undefined;
  /** Start of the next hour to roll up (undefined: read from the tables). */
  private nextHour: number | undefined;

  constructor(
    private readonly query: Query,
    private readonly retention: Retention,
    private readonly warn: (message: string) => void,
  ) {}

  /** Rolls up and removes what is due at `now` (one run at a time). */
  run(now: number): Promise<void> {
    this.running ??= this.work(now)
      .catch((error: unknown) => this.warn(`telemetry maintenance failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  /** The first hour with raw samples that no rollup covers yet. */
  private async firstHourToRoll(): Promise<number | undefined> {
    const [rolled] = await this.query<{ h: unknown }>('SELECT MAX(hour) AS h FROM telemetry_client_hourly');
    if (rolled?.h !== null && rolled?.h !== undefined) return num(rolled.h) + HOUR_MS;
    const [raw] = await this.query<{ at: unknown }>('SELECT MIN(at) AS at FROM telemetry_client_samples');
    return raw?.at === null || raw?.at === undefined ? undefined : Math.floor(num(raw.at) / HOUR_MS) * HOUR_MS;
  }

  private async work(now: number): Promise<void> {
    this.nextHour ??= await this.firstHourToRoll();
    const lastComplete = Math.floor((now - SETTLE_MS) / HOUR_MS) * HOUR_MS - HOUR_MS;
    while (this.nextHour !== undefined && this.nextHour <= lastComplete) {
      const hour = this.nextHour;
      await this.query(
        `INSERT INTO telemetry_client_hourly (hour, location_id, mac, rx_bytes, tx_bytes, snr_sum, snr_count, snr_min)
         SELECT ?, location_id, mac, SUM(rx_bytes), SUM(tx_bytes), COALESCE(SUM(snr_db), 0), COUNT(snr_db), MIN(snr_db)
         FROM telemetry_client_samples WHERE at >= ? AND at < ? GROUP BY location_id, mac
         ON CONFLICT (location_id, mac, hour) DO NOTHING`,
        [hour, hour, hour + HOUR_MS],
      );
      this.nextHour = hour + HOUR_MS;
      await turn();
    }
    const rawCutoff = now - this.retention.rawRetentionDays * DAY_MS;
    for (const table of ['telemetry_client_samples', 'telemetry_node_samples', 'telemetry_radio_samples']) await this.deleteOlder(table, 'at', rawCutoff);
    await this.deleteOlder('telemetry_client_hourly', 'hour', now - this.retention.hourlyRetentionDays * DAY_MS);
  }

  /** Deletes by age in slices: a minute of rows at a time, from the oldest, up to the cutoff. */
  private async deleteOlder(table: string, column: string, cutoff: number): Promise<void> {
    for (;;) {
      const [oldest] = await this.query<{ t: unknown }>(`SELECT MIN(${column}) AS t FROM ${table}`);
      if (oldest?.t === null || oldest?.t === undefined || num(oldest.t) >= cutoff) return;
      const until = Math.min(cutoff, num(oldest.t) + DELETE_SLICE_MS);
      await this.query(`DELETE FROM ${table} WHERE ${column} < ?`, [until]);
      await turn();
    }
  }
}
