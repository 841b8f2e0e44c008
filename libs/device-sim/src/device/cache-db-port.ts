// RFC 7047 s4.1.3/s4.1.5: the port for a real ovsdb-server. The managers reach it over its
// unix socket with the library's session and cache, so a real server plus these managers
// behaves as a device in interoperability tests.
import { DatabaseCache, OvsdbSession, Row } from '@lib/ovsdb';
import { ColumnKind, DeviceDbPort } from './device-db-port';

export class CacheDbPort implements DeviceDbPort {
  private constructor(
    private readonly session: OvsdbSession,
    private readonly dbName: string,
    private readonly cache: DatabaseCache,
  ) {}

  /** Fetches the schema and monitors `tables` (every table the schema has, when absent). */
  static async attach(session: OvsdbSession, dbName: string, tables?: readonly string[]): Promise<CacheDbPort> {
    const schema = await session.getSchema(dbName);
    const names = (tables ?? [...schema.tables.keys()]).filter((t) => schema.tables.has(t));
    const cache = new DatabaseCache(schema, Object.fromEntries(names.map((t) => [t, {}])));
    await session.monitor(dbName, Object.fromEntries(names.map((t) => [t, {}])), cache);
    return new CacheDbPort(session, dbName, cache);
  }

  rows(table: string): readonly Readonly<Row>[] {
    const t = this.cache.table(table);
    return t ? [...t.values()] : [];
  }

  async transact(ops: readonly object[]): Promise<unknown[]> {
    return (await this.session.rpc.request('transact', [this.dbName, ...ops])) as unknown[];
  }

  onChange(listener: (tables: ReadonlySet<string>) => void): () => void {
    const sub = this.cache.batches$.subscribe((b) => listener(b.tables));
    return () => sub.unsubscribe();
  }

  hasColumn(table: string, column: string): boolean {
    return this.cache.schema.tables.get(table)?.columns.has(column) ?? false;
  }

  columnKind(table: string, column: string): ColumnKind | undefined {
    const col = this.cache.schema.tables.get(table)?.columns.get(column);
    if (!col || col.implicit) return undefined;
    return { key: col.type.key.type, value: col.type.value?.type, max: col.type.max === 'unlimited' ? Infinity : col.type.max };
  }

  columnNames(table: string): readonly string[] {
    return this.cache.schema.tables.get(table)?.userColumns().map((c) => c.name) ?? [];
  }
}
