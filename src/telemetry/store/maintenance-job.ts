// Hourly rollups of client traffic and signal, and removal of old samples, over any
// connection that answers `query` (PostgreSQL's pool on the main thread; on SQLite the
// ingestion worker's own connection to the telemetry file). Everything runs in slices of
// at most about SLICE_ROWS raw rows, a loop turn between slices, so neither the database nor
// the thread (on SQLite the one that also decodes and writes the reports) is held long:
// - a complete hour (ended at least five minutes ago) not yet rolled up is summed per client
//   slice by slice (GROUP BY over a bounded range of `at`), merged here, then written to the
//   rollup table WRITE_ROWS rows per statement, ON CONFLICT DO NOTHING;
// - rows past their retention are deleted oldest first, a bounded range of time at a time.
// A slice ends at the `at` of its SLICE_ROWS-th row (read from the index on `at`), so a busy
// fleet gets narrow slices and a quiet one a single statement per hour. The last hour rolled
// up is rolled up again when a job starts (only missing clients are added), so an hour whose
// writing a restart cut short is completed. Samples arriving for an hour already rolled up
// stay raw only.

import { num, numOrNull } from './sql';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
export const MAINTENANCE_EVERY_MS = 5 * 60_000;
const SETTLE_MS = 5 * 60_000;
/** Raw rows read, rollup rows written or rows deleted per statement, about. */
export const SLICE_ROWS = 5000;
/** Rollup rows per INSERT: 8 parameters each, under SQLite's 32,766 and PostgreSQL's 65,535. */
const WRITE_ROWS = 2000;

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

  /** The last hour rolled up (again: its writing may have been cut short), or the first with raw samples. */
  private async firstHourToRoll(): Promise<number | undefined> {
    const [rolled] = await this.query<{ h: unknown }>('SELECT MAX(hour) AS h FROM telemetry_client_hourly');
    if (rolled?.h !== null && rolled?.h !== undefined) return num(rolled.h);
    const [raw] = await this.query<{ at: unknown }>('SELECT MIN(at) AS at FROM telemetry_client_samples');
    return raw?.at === null || raw?.at === undefined ? undefined : Math.floor(num(raw.at) / HOUR_MS) * HOUR_MS;
  }

  private async work(now: number): Promise<void> {
    this.nextHour ??= await this.firstHourToRoll();
    const lastComplete = Math.floor((now - SETTLE_MS) / HOUR_MS) * HOUR_MS - HOUR_MS;
    while (this.nextHour !== undefined && this.nextHour <= lastComplete) {
      const hour = this.nextHour;
      await this.rollUp(hour);
      this.nextHour = hour + HOUR_MS;
      await turn();
    }
    const rawCutoff = now - this.retention.rawRetentionDays * DAY_MS;
    for (const table of ['telemetry_client_samples', 'telemetry_node_samples', 'telemetry_radio_samples']) await this.deleteOlder(table, 'at', rawCutoff);
    await this.deleteOlder('telemetry_client_hourly', 'hour', now - this.retention.hourlyRetentionDays * DAY_MS);
  }

  /** One hour's per-client sums, read slice by slice and written WRITE_ROWS rows per statement. */
  private async rollUp(hour: number): Promise<void> {
    const sums = new Map<string, ClientHour>();
    for (let from = hour; from < hour + HOUR_MS; ) {
      const until = await this.sliceEnd('telemetry_client_samples', 'at', from, hour + HOUR_MS);
      const rows = await this.query<SliceRow>(
        `SELECT location_id, mac, SUM(rx_bytes) AS rx, SUM(tx_bytes) AS tx, COALESCE(SUM(snr_db), 0) AS snr_sum, COUNT(snr_db) AS snr_count, MIN(snr_db) AS snr_min
         FROM telemetry_client_samples WHERE at >= ? AND at < ? GROUP BY location_id, mac`,
        [from, until],
      );
      for (const r of rows) mergeClientHour(sums, r);
      from = until;
      await turn();
    }
    const all = [...sums.values()];
    for (let i = 0; i < all.length; i += WRITE_ROWS) {
      const chunk = all.slice(i, i + WRITE_ROWS);
      await this.query(
        `INSERT INTO telemetry_client_hourly (hour, location_id, mac, rx_bytes, tx_bytes, snr_sum, snr_count, snr_min)
         VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
         ON CONFLICT (location_id, mac, hour) DO NOTHING`,
        chunk.flatMap((c) => [hour, c.locationId, c.mac, c.rx, c.tx, c.snrSum, c.snrCount, c.snrMin]),
      );
      await turn();
    }
  }

  /**
   * Where a slice starting at `from` ends: the `column` value of its SLICE_ROWS-th row (read
   * from the column's index), past `from` so that every slice makes progress; `limit` when
   * fewer rows are left before it. Rows sharing that value go in the next slice.
   */
  private async sliceEnd(table: string, column: string, from: number, limit: number): Promise<number> {
    const [row] = await this.query<{ t: unknown }>(`SELECT ${column} AS t FROM ${table} WHERE ${column} >= ? AND ${column} < ? ORDER BY ${column} LIMIT 1 OFFSET ?`, [from, limit, SLICE_ROWS]);
    return row === undefined ? limit : Math.max(num(row.t), from + 1);
  }

  /** Deletes by age in slices, from the oldest row up to the cutoff. */
  private async deleteOlder(table: string, column: string, cutoff: number): Promise<void> {
    for (;;) {
      const [oldest] = await this.query<{ t: unknown }>(`SELECT MIN(${column}) AS t FROM ${table}`);
      if (oldest?.t === null || oldest?.t === undefined || num(oldest.t) >= cutoff) return;
      const until = await this.sliceEnd(table, column, num(oldest.t), cutoff);
      await this.query(`DELETE FROM ${table} WHERE ${column} < ?`, [until]);
      await turn();
    }
  }
}

/** One client's sums over a slice, as the database returns them (PostgreSQL: aggregates as strings). */
export interface SliceRow {
  location_id: string;
  mac: string;
  rx: unknown;
  tx: unknown;
  snr_sum: unknown;
  snr_count: unknown;
  snr_min: unknown;
}

export interface ClientHour {
  locationId: string;
  mac: string;
  rx: number;
  tx: number;
  snrSum: number;
  snrCount: number;
  snrMin: number | null;
}

/** Adds one slice's sums of a client to the hour's (a pure merge: sums add, the minimum is the least). */
export function mergeClientHour(sums: Map<string, ClientHour>, r: SliceRow): void {
  const key = `${r.location_id}|${r.mac}`;
  const snrMin = numOrNull(r.snr_min);
  const seen = sums.get(key);
  if (seen === undefined) {
    sums.set(key, { locationId: r.location_id, mac: r.mac, rx: num(r.rx), tx: num(r.tx), snrSum: num(r.snr_sum), snrCount: num(r.snr_count), snrMin });
    return;
  }
  seen.rx += num(r.rx);
  seen.tx += num(r.tx);
  seen.snrSum += num(r.snr_sum);
  seen.snrCount += num(r.snr_count);
  if (snrMin !== null) seen.snrMin = seen.snrMin === null ? snrMin : Math.min(seen.snrMin, snrMin);
}
