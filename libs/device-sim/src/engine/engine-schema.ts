// RFC 7047 s3.2: the parts of a database schema the server engine enforces. The engine reads
// a schema through this narrow view so that it can be built from the library's parsed
// `DatabaseSchema` (see schema-view.ts) and stays independent of how that class evolves.

export type AtomicTypeName = 'integer' | 'real' | 'boolean' | 'string' | 'uuid';

export interface EngineBaseType {
  readonly type: AtomicTypeName;
  /** Allowed values; undefined when the base type has no enum. */
  readonly enum?: readonly (string | number | boolean)[];
  readonly minInteger?: number;
  readonly maxInteger?: number;
  readonly minReal?: number;
  readonly maxReal?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly refTable?: string;
  readonly refType?: 'strong' | 'weak';
}

export interface EngineColumnType {
  readonly key: EngineBaseType;
  readonly value?: EngineBaseType;
  readonly min: number;
  /** `Infinity` for "unlimited". */
  readonly max: number;
}

export interface EngineColumn {
  readonly name: string;
  readonly type: EngineColumnType;
  readonly mutable: boolean;
  readonly ephemeral: boolean;
}

export interface EngineTable {
  readonly name: string;
  readonly columns: ReadonlyMap<string, EngineColumn>;
  /** Columns whose key or value refers to rows of a table (strong or weak). */
  readonly refColumnNames: readonly string[];
  readonly isRoot: boolean;
  readonly maxRows?: number;
  readonly indexes: readonly (readonly string[])[];
}

export interface EngineSchema {
  readonly name: string;
  readonly version: string;
  readonly tables: ReadonlyMap<string, EngineTable>;
  /** The schema exactly as get_schema must return it. */
  readonly json: unknown;
}

export function isMap(type: EngineColumnType): boolean {
  return type.value !== undefined;
}
