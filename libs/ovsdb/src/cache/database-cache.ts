// RFC 7047 sections 4.1.5 and 4.1.6: an in-memory replica of the monitored tables, fed by
// the initial reply of "monitor"/"monitor_cond" and by every later "update"/"update2"
// notification. Rows are replaced, never edited in place, so the `old` and `new` rows of
// an event stay valid for as long as a consumer holds them.

import { Observable } from 'rxjs';
import { EventStream } from '../events/event-stream';
import { Row } from '../notation/value';
import { DatabaseSchema } from '../schema/database-schema';
import { CacheBatch, RowChange } from './row-change';
import { TableCache } from './table-cache';
import { planTableUpdates, UpdateNotation } from './update-planner';

export interface MonitoredTable {
  /** Columns the monitor requests; all of the table's columns when absent. */
  readonly columns?: readonly string[];
  /** Single-atom columns to index for TableCache.findBy (e.g. if_name). */
  readonly indexes?: readonly string[];
}

export class DatabaseCache {
  private readonly tables = new Map<string, TableCache>();
  private readonly changes = new EventStream<RowChange>();
  private readonly batches = new EventStream<CacheBatch>();
  private isStale = false;

  /** One event per changed row, emitted after the whole notification is applied. */
  get changes$(): Observable<RowChange> {
    return this.changes.asObservable();
  }

  /** One event per notification (and per clear), after its row events. */
  get batches$(): Observable<CacheBatch> {
    return this.batches.asObservable();
  }

  /** batches$ to a plain listener, for what lives as long as a session; returns its removal. */
  onBatch(listener: (batch: CacheBatch) => void): () => void {
    return this.batches.listen(listener);
  }

  /** `monitored` maps table names to what is monitored; every table when absent. */
  constructor(
    readonly schema: DatabaseSchema,
    monitored?: Readonly<Record<string, MonitoredTable>>,
  ) {
    const entries: [string, MonitoredTable][] = monitored
      ? Object.entries(monitored)
      : [...schema.tables.keys()].map((name) => [name, {}]);
    for (const [name, spec] of entries) {
      const table = schema.requireTable(name);
      const columns = spec.columns ?? table.userColumnNames();
      columns.forEach((column) => table.requireColumn(column));
      this.tables.set(name, new TableCache(table, columns, spec.indexes));
    }
  }

  /**
   * Applies a <table-updates> (notation "update") or <table-updates2> ("update2") object:
   * the initial snapshot or a later notification. Throws without changing anything when
   * any part of it is malformed. Returns the batch it emitted.
   */
  applyTableUpdates(updates: unknown, notation: UpdateNotation): CacheBatch {
    const changes = planTableUpdates(this.tables, updates, notation);
    for (const change of changes) {
      const table = this.tables.get(change.table) as TableCache;
      if (change.new) table.put(change.uuid, change.new);
      else table.remove(change.uuid);
    }
    const batch: CacheBatch = { changes, cleared: false, tables: new Set(changes.map((c) => c.table)) };
    for (const change of changes) this.changes.emit(change);
    this.batches.emit(batch);
    return batch;
  }

  /** The replica of a monitored table; undefined for a table that is not monitored. */
  table(name: string): TableCache | undefined {
    return this.tables.get(name);
  }

  get(table: string, uuid: string): Readonly<Row> | undefined {
    return this.tables.get(table)?.get(uuid);
  }

  get tableNames(): string[] {
    return [...this.tables.keys()];
  }

  /** Rows across every table. */
  get size(): number {
    let n = 0;
    for (const table of this.tables.values()) n += table.size;
    return n;
  }

  /**
   * True while the replica is known to lag the server: an update could not be applied and
   * its monitor is being resynced. Writers should wait for the fresh copy (a `cleared`
   * batch); readers may still show what it holds.
   */
  get stale(): boolean {
    return this.isStale;
  }

  /** The monitor found the replica inconsistent with the server; see `stale`. */
  markStale(): void {
    this.isStale = true;
  }

  /**
   * Replaces every row with a monitor's initial contents (a resync): the `cleared` batch,
   * then one batch for the rows, with `stale` already false when the first is emitted.
   * Throws, leaving the cache empty, when the contents are malformed.
   */
  replaceAll(initial: unknown, notation: UpdateNotation): CacheBatch {
    this.isStale = false;
    this.clear();
    return this.applyTableUpdates(initial, notation);
  }

  /** Drops every row before a resync; emits a batch with `cleared` but no row events. */
  clear(): void {
    const tables = new Set<string>();
    for (const table of this.tables.values()) {
      if (table.size > 0) tables.add(table.name);
      table.clear();
    }
    this.batches.emit({ changes: [], cleared: true, tables });
  }

  /** Completes the event streams; the cache must not be fed afterwards. */
  dispose(): void {
    this.changes.end();
    this.batches.end();
  }
}
