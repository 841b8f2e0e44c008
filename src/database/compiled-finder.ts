// Read queries that run on every API read (a location, its nodes, its networks), with the
// SQL built once from the entity metadata instead of on every call. TypeORM's `find`
// rebuilds and re-escapes the statement each time, which profiled as the largest single
// cost of the read path (docs/benchmarks.md). Rows are hydrated with the driver's own
// conversions (booleans, dates, simple-json, transformers), so the entities are the same
// as `find` returns. Only for plain column entities: relations are not loaded.

import { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

export type SortDirection = 'ASC' | 'DESC';

export interface FinderShape<T> {
  /** The property compared for equality with the one parameter. */
  where: keyof T & string;
  orderBy?: ReadonlyArray<readonly [keyof T & string, SortDirection]>;
}

interface Compiled {
  sql: string;
  metadata: EntityMetadata;
}

export class CompiledFinder<T extends ObjectLiteral> {
  private compiled?: Compiled;

  constructor(
    private readonly dataSource: DataSource,
    private readonly entity: EntityTarget<T>,
    private readonly shape: FinderShape<T>,
  ) {}

  async find(value: string): Promise<T[]> {
    const { sql, metadata } = this.compile();
    const rows = await this.dataSource.query<Array<Record<string, unknown>>>(sql, [value]);
    return rows.map((row) => this.hydrate(metadata, row));
  }

  async findOne(value: string): Promise<T | null> {
    return (await this.find(value))[0] ?? null;
  }

  /** Built on first use: the data source's metadata is complete only once it is initialised. */
  private compile(): Compiled {
    if (this.compiled !== undefined) return this.compiled;
    const metadata = this.dataSource.getMetadata(this.entity);
    const driver = this.dataSource.driver;
    const columnOf = (property: string): string => {
      const column = metadata.findColumnWithPropertyPath(property);
      if (column === undefined) throw new Error(`${metadata.name} has no column ${property}`);
      return driver.escape(column.databaseName);
    };
    const columns = metadata.columns.map((c) => driver.escape(c.databaseName)).join(', ');
    const order = (this.shape.orderBy ?? []).map(([p, dir]) => `${columnOf(p)} ${dir}`).join(', ');
    const table = metadata.tablePath.split('.').map((part) => driver.escape(part)).join('.');
    const text = `SELECT ${columns} FROM ${table} WHERE ${columnOf(this.shape.where)} = :value${order ? ` ORDER BY ${order}` : ''}`;
    // Lets the driver write its own placeholder (`?` or `$1`).
    const [sql] = driver.escapeQueryWithParameters(text, { value: '' });
    this.compiled = { sql, metadata };
    return this.compiled;
  }

  private hydrate(metadata: EntityMetadata, row: Record<string, unknown>): T {
    const entity = metadata.create() as T;
    for (const column of metadata.columns) {
      const raw = row[column.databaseName];
      if (raw !== undefined) column.setEntityValue(entity, this.dataSource.driver.prepareHydratedValue(raw, column));
    }
    return entity;
  }
}
