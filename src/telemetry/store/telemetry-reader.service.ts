// Reads of the telemetry tables. PostgreSQL: the application's pool. SQLite: a read-only
// connection of its own to the telemetry file (the worker writes it; in WAL mode a reader
// never waits for the writer, nor the writer for a reader), so reads never queue behind the
// main database's transactions and never see its lock. It does not wait on a lock either:
// its busy timeout is 0, and the rare busy answer (the WAL being reset) is retried after a
// pause, off the loop. Statements are prepared once per SQL text.

import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { IngestWorkerHost } from '../ingest/ingest-worker-host.service';
import { isBusy, openSqlite, SqliteDatabase, SqliteStatement } from '../sqlite/sqlite-driver';
import { TELEMETRY_TARGET, TelemetryTarget } from '../sqlite/telemetry-target';
import { TelemetrySql } from './sql';

const BUSY_ATTEMPTS = 5;
const READY_WAIT_MS = 10_000;
const MAX_STATEMENTS = 64;

@Injectable()
export class TelemetryReader implements OnModuleDestroy {
  private readonly sql: TelemetrySql;
  private db: SqliteDatabase | undefined;
  private readonly statements = new Map<string, SqliteStatement>();

  constructor(
    dataSource: DataSource,
    @Inject(TELEMETRY_TARGET) private readonly target: TelemetryTarget,
    private readonly host: IngestWorkerHost,
  ) {
    this.sql = new TelemetrySql(dataSource);
  }

  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    if (this.target.kind === 'postgres') return this.sql.query<T>(sql, params);
    const db = this.db ?? (await this.open(this.target.file));
    for (let attempt = 1; ; attempt++) {
      try {
        return this.statement(db, sql).all(...params) as T[];
      } catch (error) {
        if (!isBusy(error) || attempt >= BUSY_ATTEMPTS) throw error;
        await sleep(attempt * 20);
      }
    }
  }

  onModuleDestroy(): void {
    this.statements.clear();
    this.db?.close();
    this.db = undefined;
  }

  private async open(file: string): Promise<SqliteDatabase> {
    // The worker creates the file and its schema first.
    await Promise.race([this.host.ready, sleep(READY_WAIT_MS, undefined, { ref: false })]);
    this.db ??= openSqlite(file, { readonly: true, fileMustExist: true, timeout: 0 });
    return this.db;
  }

  private statement(db: SqliteDatabase, sql: string): SqliteStatement {
    let s = this.statements.get(sql);
    if (s === undefined) {
      if (this.statements.size >= MAX_STATEMENTS) this.statements.clear();
      s = db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }
}
