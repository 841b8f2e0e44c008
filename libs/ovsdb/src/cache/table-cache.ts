// RFC 7047 section 4.1.5: the replica of one monitored table, keyed by row uuid, with
// optional secondary indexes on atomic columns (OpenSync links rows by if_name, so
// consumers look rows up by it far more often than by uuid).

import { OvsdbError } from '../errors';
import { Atom, Row, Value } from '../notation/value';
import { TableSchema } from '../schema/table-schema';

type Indexes = ReadonlyMap<string, Map<Value, Set<string>>>;

/** Shared by every table without indexes (most): an empty Map is ~180 bytes, per table per device. */
const NO_INDEXES: Indexes = new Map();

export class TableCache implements Iterable<Readonly<Row>> {
  private readonly rows = new Map<string, Readonly<Row>>();
  private readonly indexes: Indexes;

  constructor(
    readonly schema: TableSchema,
    /** The columns the monitor asked for. */
    readonly columns: readonly string[],
    indexColumns: readonly string[] = [],
  ) {
    const indexes = new Map<string, Map<Value, Set<string>>>();
    for (const name of indexColumns) {
      const column = schema.requireColumn(name);
      if (!column.type.isAtomic()) {
        throw new OvsdbError('CACHE_UPDATE_INVALID', `${schema.name}.${name}: only single-atom columns can be indexed`);
      }
      indexes.set(name, new Map());
    }
    this.indexes = indexes.size > 0 ? indexes : NO_INDEXES;
  }

  get name(): string {
    return this.schema.name;
  }

  get size(): number {
    return this.rows.size;
  }

  get(uuid: string): Readonly<Row> | undefined {
    return this.rows.get(uuid);
  }

  has(uuid: string): boolean {
    return this.rows.has(uuid);
  }

  [Symbol.iterator](): Iterator<Readonly<Row>> {
    return this.rows.values();
  }

  values(): IterableIterator<Readonly<Row>> {
    return this.rows.values();
  }

  uuids(): IterableIterator<string> {
    return this.rows.keys();
  }

  /** Rows whose indexed `column` equals `value`. */
  findBy(column: string, value: Atom): Readonly<Row>[] {
    const index = this.indexes.get(column);
    if (!index) throw new OvsdbError('SCHEMA_UNKNOWN_COLUMN', `${this.name}.${column} is not indexed`, { table: this.name, column });
    return [...(index.get(value) ?? [])].map((uuid) => this.rows.get(uuid) as Readonly<Row>);
  }

  /** Internal to the cache: store or replace a row and keep indexes in step. */
  put(uuid: string, row: Readonly<Row>): void {
    const old = this.rows.get(uuid);
    if (old) this.unindex(uuid, old);
    this.rows.set(uuid, row);
    for (const [column, index] of this.indexes) {
      const value = row[column];
      if (value === undefined) continue;
      let uuids = index.get(value);
      if (!uuids) index.set(value, (uuids = new Set()));
      uuids.add(uuid);
    }
  }

  /** Internal to the cache. */
  remove(uuid: string): void {
    const old = this.rows.get(uuid);
    if (!old) return;
    this.unindex(uuid, old);
    this.rows.delete(uuid);
  }

  /** Internal to the cache. */
  clear(): void {
    this.rows.clear();
    for (const index of this.indexes.values()) index.clear();
  }

  private unindex(uuid: string, row: Readonly<Row>): void {
    for (const [column, index] of this.indexes) {
      const uuids = index.get(row[column]);
      if (!uuids) continue;
      uuids.delete(uuid);
      if (uuids.size === 0) index.delete(row[column]);
    }
  }
}
