// RFC 7047 s3.2: adapts the library's parsed DatabaseSchema to the engine's narrow view.
// Parsing is done once per schema file and the view is shared by every simulated device.
import { BaseType, ColumnType, DatabaseSchema } from '@lib/ovsdb';
import { EngineBaseType, EngineColumn, EngineColumnType, EngineSchema, EngineTable } from './engine-schema';

function baseView(base: BaseType): EngineBaseType {
  return {
    type: base.type,
    enum: base.enum ? [...base.enum] : undefined,
    minInteger: base.minInteger,
    maxInteger: base.maxInteger,
    minReal: base.minReal,
    maxReal: base.maxReal,
    minLength: base.minLength,
    maxLength: base.maxLength,
    refTable: base.refTable,
    refType: base.refTable ? base.refType : undefined,
  };
}

function typeView(type: ColumnType): EngineColumnType {
  return {
    key: baseView(type.key),
    value: type.value ? baseView(type.value) : undefined,
    min: type.min,
    max: type.max === 'unlimited' ? Infinity : type.max,
  };
}

export function engineSchemaFromJson(json: unknown): EngineSchema {
  const parsed = DatabaseSchema.parse(json);
  const tables = new Map<string, EngineTable>();
  for (const table of parsed.tables.values()) {
    const columns = new Map<string, EngineColumn>();
    for (const col of table.userColumns()) {
      columns.set(col.name, { name: col.name, type: typeView(col.type), mutable: col.mutable, ephemeral: col.ephemeral });
    }
    const refColumnNames = [...columns.values()].filter((c) => c.type.key.refTable !== undefined || c.type.value?.refTable !== undefined).map((c) => c.name);
    tables.set(table.name, { name: table.name, columns, refColumnNames, isRoot: table.isRoot, maxRows: table.maxRows, indexes: table.indexes });
  }
  return { name: parsed.name, version: parsed.version, tables, json };
}
