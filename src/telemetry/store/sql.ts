// Plain SQL for the telemetry tables (appends in bulk, range reads, deletes by age), the same
// text on SQLite and PostgreSQL but for parameter placeholders.

import { DataSource } from 'typeorm';

export class TelemetrySql {
  readonly postgres: boolean;

  constructor(readonly dataSource: DataSource) {
    this.postgres = dataSource.options.type === 'postgres';
  }

  /** `?` placeholders in `sql` become `$1..$n` on PostgreSQL. */
  text(sql: string): string {
    if (!this.postgres) return sql;
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  }

  query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.dataSource.query(this.text(sql), params);
  }

  /** One multi-row INSERT per chunk of rows, all in one transaction. */
  async insertMany(table: string, columns: readonly string[], rows: readonly unknown[][]): Promise<void> {
    if (rows.length === 0) return;
    const perChunk = Math.max(1, Math.floor(4000 / columns.length));
    await this.dataSource.transaction(async (m) => {
      for (let i = 0; i < rows.length; i += perChunk) {
        const chunk = rows.slice(i, i + perChunk);
        const tuple = `(${columns.map(() => '?').join(', ')})`;
        const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}`;
        await m.query(this.text(sql), chunk.flat());
      }
    });
  }
}

/** A number from a driver value (PostgreSQL returns bigint and aggregates as strings). */
export function num(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

export function numOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : num(value);
}
