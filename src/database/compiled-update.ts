// An UPDATE of a fixed set of columns by primary key, with the SQL built once from the
// entity metadata. A bulk change runs it once per row inside one transaction; TypeORM's
// `update` rebuilt and re-escaped the statement every time, which profiled at about a
// tenth of the controller's CPU during a fleet-wide change (docs/benchmarks.md). Values
// go through the driver's own conversions (booleans, dates, simple-json).

import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

interface Compiled {
  sql: string;
  columns: ColumnMetadata[];
}

export class CompiledUpdate<T extends ObjectLiteral & { id: string }, K extends keyof T & string> {
  private compiled?: Compiled;

  constructor(
    private readonly dataSource: DataSource,
    private readonly entity: EntityTarget<T>,
    private readonly properties: readonly K[],
  ) {}

  /** Sets the properties of row `id` to `values`, with the caller's (transaction's) manager. */
  async run(manager: EntityManager, id: string, values: Pick<T, K>): Promise<void> {
    const { sql, columns } = this.compile();
    const driver = this.dataSource.driver;
    const params = columns.map((column) => driver.preparePersistentValue(values[column.propertyName as K], column) as unknown);
    await manager.query(sql, [...params, id]);
  }

  /** Built on first use: the data source's metadata is complete only once it is initialised. */
  private compile(): Compiled {
    if (this.compiled !== undefined) return this.compiled;
    const metadata = this.dataSource.getMetadata(this.entity);
    const driver = this.dataSource.driver;
    const columns = this.properties.map((property) => {
      const column = metadata.findColumnWithPropertyPath(property);
      if (column === undefined) throw new Error(`${metadata.name} has no column ${property}`);
      if (column.transformer !== undefined) throw new Error(`${metadata.name}.${property} has a transformer, which CompiledUpdate does not apply`);
      return column;
    });
    const table = metadata.tablePath.split('.').map((part) => driver.escape(part)).join('.');
    const assignments = columns.map((c, i) => `${driver.escape(c.databaseName)} = :p${i}`).join(', ');
    const idColumn = metadata.findColumnWithPropertyPath('id');
    if (idColumn === undefined) throw new Error(`${metadata.name} has no id column`);
    const text = `UPDATE ${table} SET ${assignments} WHERE ${driver.escape(idColumn.databaseName)} = :id`;
    // Lets the driver write its own placeholders (`?` or `$n`), in this order.
    const named: Record<string, string> = { id: '' };
    columns.forEach((_, i) => (named[`p${i}`] = ''));
    const [sql] = driver.escapeQueryWithParameters(text, named);
    this.compiled = { sql, columns };
    return this.compiled;
  }
}
