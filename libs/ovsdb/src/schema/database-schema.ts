// RFC 7047 section 3.2, <database-schema>: name, version, cksum and tables. A device sends
// its schema in answer to get_schema (section 4.1.2); everything else in the library is
// validated against the parsed form, so that an older firmware without a column is
// refused before anything goes on the wire.

import { OvsdbError } from '../errors';
import { BaseType } from './base-type';
import { checkMembers, expectObject, invalid, isId, isJsonObject, optionalString } from './schema-json';
import { parseTableSchema, TableSchema } from './table-schema';
import { ColumnSchema } from './column-schema';

const DATABASE_MEMBERS = ['name', 'version', 'cksum', 'tables'] as const;
const VERSION_PATTERN = /^[0-9]+\.[0-9]+\.[0-9]+$/;

export class DatabaseSchema {
  private constructor(
    readonly name: string,
    readonly version: string,
    readonly cksum: string | undefined,
    readonly tables: ReadonlyMap<string, TableSchema>,
  ) {}

  /** Parses and validates a schema; throws OvsdbError('SCHEMA_INVALID') naming the bad path. */
  static parse(json: unknown): DatabaseSchema {
    const obj = expectObject(json, '<root>');
    checkMembers(obj, DATABASE_MEMBERS, '<root>');
    const name = obj.name;
    if (typeof name !== 'string' || !isId(name)) throw invalid('name', 'must be an <id> string');
    const version = obj.version;
    if (typeof version !== 'string' || !VERSION_PATTERN.test(version)) {
      throw invalid('version', 'must be a string of the form <major>.<minor>.<patch>');
    }
    const cksum = optionalString(obj, 'cksum', '<root>');
    const tablesJson = expectObject(obj.tables, 'tables');
    // Schemas written before isRoot existed have it nowhere: then every table is a root.
    const rootDefault = !Object.values(tablesJson).some((t) => isJsonObject(t) && t.isRoot === true);
    const tables = new Map<string, TableSchema>();
    for (const [tableName, tableJson] of Object.entries(tablesJson)) {
      const path = `tables.${tableName}`;
      if (!isId(tableName) || tableName.startsWith('_')) throw invalid(path, 'table name must be an <id> not starting with "_"');
      tables.set(tableName, parseTableSchema(tableName, tableJson, path, rootDefault));
    }
    checkReferences(tables);
    return new DatabaseSchema(name, version, cksum, tables);
  }

  table(name: string): TableSchema | undefined {
    return this.tables.get(name);
  }

  /** The table, or SCHEMA_UNKNOWN_TABLE. */
  requireTable(name: string): TableSchema {
    const table = this.tables.get(name);
    if (!table) throw new OvsdbError('SCHEMA_UNKNOWN_TABLE', `database ${this.name} has no table ${name}`, { table: name });
    return table;
  }

  /** The column of a table, or SCHEMA_UNKNOWN_TABLE / SCHEMA_UNKNOWN_COLUMN. */
  requireColumn(table: string, column: string): ColumnSchema {
    return this.requireTable(table).requireColumn(column);
  }
}

function checkReferences(tables: ReadonlyMap<string, TableSchema>): void {
  for (const table of tables.values()) {
    for (const column of table.userColumns()) {
      const check = (base: BaseType | undefined, part: string): void => {
        if (base?.refTable !== undefined && !tables.has(base.refTable)) {
          throw invalid(
            `tables.${table.name}.columns.${column.name}.type.${part}.refTable`,
            `names an unknown table "${base.refTable}"`,
          );
        }
      };
      check(column.type.key, 'key');
      check(column.type.value, 'value');
    }
  }
}
