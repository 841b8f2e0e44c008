// RFC 7047 s4.1.3/s4.1.6: the in-process client port. Managers of a simulated device talk to
// its engine directly (no loopback socket): the fleet runs thousands of devices, and a
// socket pair per manager would double the descriptors for nothing the protocol checks.
import { Row, Value } from '@lib/ovsdb';
import { Datum } from '../engine/datum';
import { EngineColumnType } from '../engine/engine-schema';
import { OvsdbDatabase } from '../engine/ovsdb-database';
import { StoredRow, TableRows } from '../engine/stored-row';
import { ColumnKind, DeviceDbPort } from './device-db-port';

function toValue(d: Datum, type: EngineColumnType): Value {
  if (type.value) {
    const values = d.values ?? [];
    return new Map(d.keys.map((k, i) => [k, values[i]]));
  }
  if (type.max === 1) return d.keys[0];
  return [...d.keys];
}

export class LocalDbPort implements DeviceDbPort {
  /** Converted rows per table, valid while the table's stored map is the same object. */
  private readonly cache = new Map<string, { readonly source: TableRows; readonly rows: Readonly<Row>[] }>();
  /** Stored rows are immutable: one converted per stored row, reused while it is unchanged. */
  private readonly converted = new WeakMap<StoredRow, Readonly<Row>>();
  private readonly names = new Map<string, readonly string[]>();

  // Keyed by the stored map, not cleared by an update listener: a commit made while earlier
  // commits are still being delivered is visible at once (committed tables are replaced by
  // copies, never changed in place).
  constructor(readonly db: OvsdbDatabase) {}

  rows(table: string): readonly Readonly<Row>[] {
    const schema = this.db.schema.tables.get(table);
    const stored = this.db.snapshot().get(table);
    if (!schema || !stored) return [];
    const cached = this.cache.get(table);
    if (cached?.source === stored) return cached.rows;
    const rows: Row[] = [];
    for (const r of stored.values()) {
      let row = this.converted.get(r);
      if (row === undefined) {
        // From entries: a 70-column object built by keyed stores would be a slow dictionary.
        const entries: [string, Value][] = [['_uuid', r.uuid]];
        for (const col of schema.columns.values()) entries.push([col.name, toValue(r.values[col.name], col.type)]);
        row = Object.fromEntries(entries) as Row;
        this.converted.set(r, row);
      }
      rows.push(row);
    }
    this.cache.set(table, { source: stored, rows });
    return rows;
  }

  transact(ops: readonly object[]): Promise<unknown[]> {
    return this.db.transact(ops);
  }

  onChange(listener: (tables: ReadonlySet<string>) => void): () => void {
    return this.db.onUpdate((changes) => listener(new Set(changes.keys())));
  }

  hasColumn(table: string, column: string): boolean {
    return this.db.schema.tables.get(table)?.columns.has(column) ?? false;
  }

  columnKind(table: string, column: string): ColumnKind | undefined {
    const col = this.db.schema.tables.get(table)?.columns.get(column);
    return col ? { key: col.type.key.type, value: col.type.value?.type, max: col.type.max } : undefined;
  }

  columnNames(table: string): readonly string[] {
    let names = this.names.get(table);
    if (names === undefined) this.names.set(table, (names = Object.freeze([...(this.db.schema.tables.get(table)?.columns.keys() ?? [])])));
    return names;
  }
}
