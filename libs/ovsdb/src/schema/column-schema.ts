// RFC 7047 section 3.2, <column-schema>: a column's type and whether it is ephemeral
// (not persisted) or mutable (writable by update/mutate after insert). Also the two
// implicit columns every table has, _uuid and _version (section 3.2 "Implicit columns").

import { ColumnType, parseColumnType } from './column-type';
import { checkMembers, expectObject, invalid, optionalBoolean } from './schema-json';

export interface ColumnSchema {
  readonly name: string;
  readonly type: ColumnType;
  readonly ephemeral: boolean;
  readonly mutable: boolean;
  /** True for _uuid and _version, which the server maintains. */
  readonly implicit: boolean;
}

const COLUMN_MEMBERS = ['type', 'ephemeral', 'mutable'] as const;

export function parseColumnSchema(name: string, json: unknown, path: string): ColumnSchema {
  const obj = expectObject(json, path);
  checkMembers(obj, COLUMN_MEMBERS, path);
  if (obj.type === undefined) throw invalid(`${path}.type`, 'is required');
  return {
    name,
    type: parseColumnType(obj.type, `${path}.type`),
    ephemeral: optionalBoolean(obj, 'ephemeral', path) ?? false,
    mutable: optionalBoolean(obj, 'mutable', path) ?? true,
    implicit: false,
  };
}

function implicitColumn(name: string): ColumnSchema {
  return {
    name,
    type: ColumnType.scalar({ type: 'uuid', refType: 'strong' }),
    ephemeral: false,
    mutable: false,
    implicit: true,
  };
}

export const UUID_COLUMN: ColumnSchema = implicitColumn('_uuid');
export const VERSION_COLUMN: ColumnSchema = implicitColumn('_version');
