// Column definitions for migrations that mean the same thing on SQLite and PostgreSQL
// (the rule is in docs/decisions/persistence.md). Entities declare the matching types:
// ids varchar(36) assigned by the application, timestamps `type: Date`, JSON 'simple-json'.

import { QueryRunner, TableColumnOptions } from 'typeorm';

type Extra = Partial<Pick<TableColumnOptions, 'isNullable' | 'isUnique' | 'default'>>;

export const portable = {
  id: (name = 'id'): TableColumnOptions => ({ name, type: 'varchar', length: '36', isPrimary: true }),
  /** A reference to another row's id. */
  ref: (name: string, extra: Extra = {}): TableColumnOptions => ({ name, type: 'varchar', length: '36', ...extra }),
  varchar: (name: string, length: number, extra: Extra = {}): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(length),
    ...extra,
  }),
  text: (name: string, extra: Extra = {}): TableColumnOptions => ({ name, type: 'text', ...extra }),
  integer: (name: string, extra: Extra = {}): TableColumnOptions => ({ name, type: 'integer', ...extra }),
  boolean: (name: string, extra: Extra = {}): TableColumnOptions => ({ name, type: 'boolean', ...extra }),
  /** JSON stored as text (entity type 'simple-json'), identical on both drivers. */
  json: (name: string, extra: Extra = {}): TableColumnOptions => ({ name, type: 'text', ...extra }),
  /** An instant: timestamptz on PostgreSQL, datetime (UTC text) on SQLite. */
  timestamp: (queryRunner: QueryRunner, name: string, extra: Extra = {}): TableColumnOptions => ({
    name,
    type: queryRunner.connection.driver.options.type === 'postgres' ? 'timestamptz' : 'datetime',
    ...extra,
  }),
};
