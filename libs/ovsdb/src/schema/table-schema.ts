// RFC 7047 section 3.2, <table-schema>: columns, isRoot (garbage collection of
// unreferenced rows), maxRows and indexes (sets of columns whose values must be unique).

import { OvsdbError } from '../errors';
import { ColumnSchema, parseColumnSchema, UUID_COLUMN, VERSION_COLUMN } from './column-schema';
import { checkMembers, expectObject, invalid, isId, optionalBoolean, optionalInteger } from './schema-json';

export class TableSchema {
  private userColumnNamesMemo: readonly string[] | undefined;

  constructor(
    readonly name: string,
    /** Every column, the implicit _uuid and _version first. */
    readonly columns: ReadonlyMap<string, ColumnSchema>,
    readonly isRoot: boolean,
    readonly maxRows: number | undefined,
    readonly indexes: readonly (readonly string[])[],
  ) {}

  column(name: string): ColumnSchema | undefined {
    return this.columns.get(name);
  }

  /** The column, or SCHEMA_UNKNOWN_COLUMN naming table.column. */
  requireColumn(name: string): ColumnSchema {
    const column = this.columns.get(name);
    if (!column) {
      throw new OvsdbError('SCHEMA_UNKNOWN_COLUMN', `table ${this.name} has no column ${name}`, {
        table: this.name,
        column: name,
      });
    }
    return column;
  }

  /** The columns declared in the schema, without _uuid and _version. */
  userColumns(): ColumnSchema[] {
    return [...this.columns.values()].filter((c) => !c.implicit);
  }

  /**
   * The names of userColumns(), one frozen array per schema: every session that shares the
   * schema (ten thousand devices sending the same one) shares it instead of holding a copy.
   */
  userColumnNames(): readonly string[] {
    this.userColumnNamesMemo ??= Object.freeze(this.userColumns().map((c) => c.name));
    return this.userColumnNamesMemo;
  }
}

const TABLE_MEMBERS = ['columns', 'isRoot', 'maxRows', 'indexes'] as const;

/** `rootDefault` is applied when the table omits isRoot (see DatabaseSchema.parse). */
export function parseTableSchema(name: string, json: unknown, path: string, rootDefault: boolean): TableSchema {
  const obj = expectObject(json, path);
  checkMembers(obj, TABLE_MEMBERS, path);
  const columnsJson = expectObject(obj.columns, `${path}.columns`);
  const columns = new Map<string, ColumnSchema>([
    [UUID_COLUMN.name, UUID_COLUMN],
    [VERSION_COLUMN.name, VERSION_COLUMN],
  ]);
  for (const [columnName, columnJson] of Object.entries(columnsJson)) {
    const columnPath = `${path}.columns.${columnName}`;
    if (!isId(columnName)) throw invalid(columnPath, 'column name must be an <id>');
    if (columnName.startsWith('_')) throw invalid(columnPath, 'column names starting with "_" are reserved');
    columns.set(columnName, parseColumnSchema(columnName, columnJson, columnPath));
  }
  if (columns.size === 2) throw invalid(`${path}.columns`, 'must declare at least one column');
  return new TableSchema(
    name,
    columns,
    optionalBoolean(obj, 'isRoot', path) ?? rootDefault,
    optionalInteger(obj, 'maxRows', path, 1),
    parseIndexes(obj.indexes, columns, `${path}.indexes`),
  );
}

function parseIndexes(json: unknown, columns: ReadonlyMap<string, ColumnSchema>, path: string): string[][] {
  if (json === undefined) return [];
  if (!Array.isArray(json)) throw invalid(path, 'must be an array of column-name arrays');
  return json.map((index: unknown, i) => {
    const indexPath = `${path}[${i}]`;
    if (!Array.isArray(index) || index.length === 0) throw invalid(indexPath, 'must be a non-empty array of column names');
    return index.map((columnName: unknown, j) => {
      if (typeof columnName !== 'string' || !columns.has(columnName)) {
        throw invalid(`${indexPath}[${j}]`, `names no column of this table: ${JSON.stringify(columnName)}`);
      }
      return columnName;
    });
  });
}
