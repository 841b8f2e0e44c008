// RFC 7047 section 3.2: schema parsing, shorthands and validation errors.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { OvsdbError } from '../errors';
import { DatabaseSchema } from './database-schema';
import { SchemaRegistry } from './schema-registry';

const SHARED_SCHEMA = path.resolve(__dirname, '../../../..', '../shared/opensync/opensync.ovsschema');
const haveShared = fs.existsSync(SHARED_SCHEMA);
if (!haveShared && process.env.REQUIRE_OVSDB === '1') {
  throw new Error(`REQUIRE_OVSDB=1 but the OpenSync schema is missing at ${SHARED_SCHEMA}`);
}
if (!haveShared) {
  console.warn(`skipping OpenSync schema tests: ${SHARED_SCHEMA} is absent`);
}
const describeShared = haveShared ? describe : describe.skip;

function schemaWith(columns: Record<string, unknown>, extra: Record<string, unknown> = {}): unknown {
  return { name: 'Test', version: '1.2.3', tables: { T: { columns, ...extra } } };
}

function parseError(json: unknown): OvsdbError {
  try {
    DatabaseSchema.parse(json);
  } catch (err) {
    if (err instanceof OvsdbError) return err;
    throw err;
  }
  throw new Error('expected SCHEMA_INVALID, parse succeeded');
}

describeShared('the OpenSync schema', () => {
  const text = haveShared ? fs.readFileSync(SHARED_SCHEMA, 'utf8') : '{}';
  const schema = DatabaseSchema.parse(JSON.parse(text));

  it('parses all 137 tables with name, version and cksum', () => {
    expect(schema.name).toBe('Open_vSwitch');
    expect(schema.version).toBe('7.11.420');
    expect(schema.cksum).toBe('3924835079 366093');
    expect(schema.tables.size).toBe(137);
  });

  it('describes Wifi_VIF_Config columns faithfully', () => {
    const vif = schema.requireTable('Wifi_VIF_Config');
    const ifName = vif.requireColumn('if_name');
    expect(ifName.type.isScalar()).toBe(true);
    expect(ifName.type.key.type).toBe('string');
    const psks = vif.requireColumn('wpa_psks').type;
    expect(psks.isMap()).toBe(true);
    expect(psks.max).toBe(64);
    expect(vif.requireColumn('_uuid').implicit).toBe(true);
    expect(vif.requireColumn('_version').mutable).toBe(false);
  });

  it('keeps references and enums', () => {
    const radio = schema.requireTable('Wifi_Radio_Config');
    const vifConfigs = radio.requireColumn('vif_configs').type;
    expect(vifConfigs.isSet()).toBe(true);
    expect(vifConfigs.key.refTable).toBe('Wifi_VIF_Config');
    const freqBand = radio.requireColumn('freq_band').type.key;
    expect(freqBand.enum?.has('2.4G')).toBe(true);
  });

  it('reuses the parse of an identical schema through the registry', () => {
    const registry = new SchemaRegistry();
    const a = registry.intern(JSON.parse(text));
    const b = registry.intern(JSON.parse(text));
    const c = registry.intern(text);
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(registry.size).toBe(1);
  });
});

describe('DatabaseSchema shorthands and defaults', () => {
  it('accepts a bare atomic type as a column type', () => {
    const s = DatabaseSchema.parse(schemaWith({ a: { type: 'integer' } }));
    const t = s.requireColumn('T', 'a').type;
    expect(t.key.type).toBe('integer');
    expect([t.min, t.max]).toEqual([1, 1]);
    expect(t.isScalar()).toBe(true);
  });

  it('accepts a bare atomic type as key and value', () => {
    const s = DatabaseSchema.parse(
      schemaWith({ m: { type: { key: 'string', value: 'integer', min: 0, max: 'unlimited' } } }),
    );
    const t = s.requireColumn('T', 'm').type;
    expect(t.isMap()).toBe(true);
    expect(t.value?.type).toBe('integer');
    expect(t.max).toBe('unlimited');
  });

  it('accepts an enum as a single atom or a set', () => {
    const s = DatabaseSchema.parse(
      schemaWith({
        one: { type: { key: { type: 'string', enum: 'only' } } },
        many: { type: { key: { type: 'integer', enum: ['set', [1, 2, 3]] } } },
        ref: { type: { key: { type: 'uuid', enum: ['uuid', '01234567-89AB-cdef-0123-456789abcdef'] } } },
      }),
    );
    expect([...(s.requireColumn('T', 'one').type.key.enum ?? [])]).toEqual(['only']);
    expect([...(s.requireColumn('T', 'many').type.key.enum ?? [])]).toEqual([1, 2, 3]);
    expect([...(s.requireColumn('T', 'ref').type.key.enum ?? [])]).toEqual(['01234567-89ab-cdef-0123-456789abcdef']);
  });

  it('classifies optional, set and map types', () => {
    const s = DatabaseSchema.parse(
      schemaWith({
        opt: { type: { key: 'string', min: 0, max: 1 } },
        set: { type: { key: 'string', min: 0, max: 4 } },
      }),
    );
    const opt = s.requireColumn('T', 'opt').type;
    const set = s.requireColumn('T', 'set').type;
    expect([opt.isOptional(), opt.isAtomic(), opt.isSet(), opt.isMap()]).toEqual([true, true, false, false]);
    expect([set.isOptional(), set.isAtomic(), set.isSet(), set.allowsCount(5)]).toEqual([false, false, true, false]);
  });

  it('applies column and table defaults', () => {
    const s = DatabaseSchema.parse(schemaWith({ a: { type: 'string' } }));
    const t = s.requireTable('T');
    expect(t.isRoot).toBe(true); // no table says isRoot: all are roots
    expect(t.maxRows).toBeUndefined();
    expect(t.indexes).toEqual([]);
    expect(t.requireColumn('a')).toMatchObject({ ephemeral: false, mutable: true, implicit: false });
    expect(t.userColumns().map((c) => c.name)).toEqual(['a']);
  });

  it('defaults isRoot to false once any table is a root', () => {
    const s = DatabaseSchema.parse({
      name: 'D',
      version: '0.0.1',
      tables: { R: { columns: { a: { type: 'string' } }, isRoot: true }, N: { columns: { b: { type: 'string' } } } },
    });
    expect(s.requireTable('N').isRoot).toBe(false);
  });

  it('parses references, refType, maxRows and indexes', () => {
    const s = DatabaseSchema.parse(
      schemaWith(
        {
          self: { type: { key: { type: 'uuid', refTable: 'T', refType: 'weak' }, min: 0, max: 'unlimited' } },
          name: { type: 'string' },
        },
        { maxRows: 5, indexes: [['name']] },
      ),
    );
    const t = s.requireTable('T');
    expect(t.requireColumn('self').type.key).toMatchObject({ refTable: 'T', refType: 'weak' });
    expect(t.maxRows).toBe(5);
    expect(t.indexes).toEqual([['name']]);
  });
});

describe('DatabaseSchema lookups', () => {
  const s = DatabaseSchema.parse(schemaWith({ a: { type: 'string' } }));

  it('reports an unknown table', () => {
    expect(() => s.requireTable('Nope')).toThrow(expect.objectContaining({ code: 'SCHEMA_UNKNOWN_TABLE' }));
    expect(s.table('Nope')).toBeUndefined();
  });

  it('names the user columns once per table, frozen, without _uuid and _version', () => {
    const table = s.requireTable('T');
    const names = table.userColumnNames();
    expect(names).toEqual(['a']);
    expect(Object.isFrozen(names)).toBe(true);
    expect(table.userColumnNames()).toBe(names);
  });

  it('reports an unknown column naming the table', () => {
    expect(() => s.requireColumn('T', 'b')).toThrow(
      expect.objectContaining({ code: 'SCHEMA_UNKNOWN_COLUMN', message: 'table T has no column b' }),
    );
  });
});

describe('DatabaseSchema validation errors', () => {
  const base = (t: unknown) => schemaWith({ c: { type: t } });
  const cases: [string, unknown, string][] = [
    ['not an object', [], '<root>'],
    ['unknown top-level member', { name: 'D', version: '1.0.0', tables: {}, extra: 1 }, '<root>.extra'],
    ['bad name', { name: '1D', version: '1.0.0', tables: {} }, 'name'],
    ['bad version', { name: 'D', version: '1.0', tables: {} }, 'version'],
    ['cksum not a string', { name: 'D', version: '1.0.0', cksum: 1, tables: {} }, '<root>.cksum'],
    ['tables missing', { name: 'D', version: '1.0.0' }, 'tables'],
    ['reserved table name', { name: 'D', version: '1.0.0', tables: { _T: { columns: { a: { type: 'string' } } } } }, 'tables._T'],
    ['table not an object', { name: 'D', version: '1.0.0', tables: { T: 1 } }, 'tables.T'],
    ['unknown table member', schemaWith({ a: { type: 'string' } }, { doc: 'x' }), 'tables.T.doc'],
    ['no columns', schemaWith({}), 'tables.T.columns'],
    ['reserved column name', schemaWith({ _a: { type: 'string' } }), 'tables.T.columns._a'],
    ['column name not an id', schemaWith({ 'a-b': { type: 'string' } }), 'tables.T.columns.a-b'],
    ['column type missing', schemaWith({ a: {} }), 'tables.T.columns.a.type'],
    ['unknown column member', schemaWith({ a: { type: 'string', doc: 'x' } }), 'tables.T.columns.a.doc'],
    ['ephemeral not boolean', schemaWith({ a: { type: 'string', ephemeral: 'yes' } }), 'tables.T.columns.a.ephemeral'],
    ['mutable not boolean', schemaWith({ a: { type: 'string', mutable: 1 } }), 'tables.T.columns.a.mutable'],
    ['unknown atomic type', base('text'), 'tables.T.columns.c.type'],
    ['type neither string nor object', base(5), 'tables.T.columns.c.type'],
    ['key missing', base({ min: 0 }), 'tables.T.columns.c.type.key'],
    ['unknown type member', base({ key: 'string', doc: 1 }), 'tables.T.columns.c.type.doc'],
    ['min out of range', base({ key: 'string', min: 2, max: 3 }), 'tables.T.columns.c.type.min'],
    ['max zero', base({ key: 'string', max: 0 }), 'tables.T.columns.c.type.max'],
    ['max wrong word', base({ key: 'string', max: 'many' }), 'tables.T.columns.c.type.max'],
    ['bad key atomic type', base({ key: { type: 'float' } }), 'tables.T.columns.c.type.key.type'],
    ['bad value base', base({ key: 'string', value: 7 }), 'tables.T.columns.c.type.value'],
    ['unknown base member', base({ key: { type: 'string', pattern: 'x' } }), 'tables.T.columns.c.type.key.pattern'],
    ['constraint of another type', base({ key: { type: 'string', minInteger: 1 } }), 'tables.T.columns.c.type.key.minInteger'],
    ['minInteger not integer', base({ key: { type: 'integer', minInteger: 1.5 } }), 'tables.T.columns.c.type.key.minInteger'],
    ['integer range reversed', base({ key: { type: 'integer', minInteger: 5, maxInteger: 1 } }), 'tables.T.columns.c.type.key.maxInteger'],
    ['real range reversed', base({ key: { type: 'real', minReal: 5, maxReal: 1 } }), 'tables.T.columns.c.type.key.maxReal'],
    ['minReal not a number', base({ key: { type: 'real', minReal: 'a' } }), 'tables.T.columns.c.type.key.minReal'],
    ['negative minLength', base({ key: { type: 'string', minLength: -1 } }), 'tables.T.columns.c.type.key.minLength'],
    ['length range reversed', base({ key: { type: 'string', minLength: 5, maxLength: 1 } }), 'tables.T.columns.c.type.key.maxLength'],
    ['enum atom of wrong type', base({ key: { type: 'integer', enum: 'a' } }), 'tables.T.columns.c.type.key.enum'],
    ['enum set element wrong', base({ key: { type: 'string', enum: ['set', ['a', 1]] } }), 'tables.T.columns.c.type.key.enum[1][1]'],
    ['enum set not an array', base({ key: { type: 'string', enum: ['set', 'a'] } }), 'tables.T.columns.c.type.key.enum[1]'],
    ['empty enum', base({ key: { type: 'string', enum: ['set', []] } }), 'tables.T.columns.c.type.key.enum'],
    ['enum bad uuid', base({ key: { type: 'uuid', enum: ['uuid', 'nope'] } }), 'tables.T.columns.c.type.key.enum'],
    ['enum bad boolean', base({ key: { type: 'boolean', enum: 0 } }), 'tables.T.columns.c.type.key.enum'],
    ['enum bad real', base({ key: { type: 'real', enum: 'x' } }), 'tables.T.columns.c.type.key.enum'],
    ['refTable not a string', base({ key: { type: 'uuid', refTable: 1 } }), 'tables.T.columns.c.type.key.refTable'],
    ['refType without refTable', base({ key: { type: 'uuid', refType: 'weak' } }), 'tables.T.columns.c.type.key.refType'],
    ['bad refType', base({ key: { type: 'uuid', refTable: 'T', refType: 'soft' } }), 'tables.T.columns.c.type.key.refType'],
    ['refTable to unknown table', base({ key: { type: 'uuid', refTable: 'X' } }), 'tables.T.columns.c.type.key.refTable'],
    ['value refTable to unknown table', base({ key: 'string', value: { type: 'uuid', refTable: 'X' } }), 'tables.T.columns.c.type.value.refTable'],
    ['isRoot not boolean', schemaWith({ a: { type: 'string' } }, { isRoot: 'yes' }), 'tables.T.isRoot'],
    ['maxRows zero', schemaWith({ a: { type: 'string' } }, { maxRows: 0 }), 'tables.T.maxRows'],
    ['indexes not an array', schemaWith({ a: { type: 'string' } }, { indexes: 'a' }), 'tables.T.indexes'],
    ['empty index', schemaWith({ a: { type: 'string' } }, { indexes: [[]] }), 'tables.T.indexes[0]'],
    ['index on unknown column', schemaWith({ a: { type: 'string' } }, { indexes: [['a', 'b']] }), 'tables.T.indexes[0][1]'],
  ];

  it.each(cases)('rejects %s at %s', (_label, json, badPath) => {
    const err = parseError(json);
    expect(err.code).toBe('SCHEMA_INVALID');
    expect(err.details).toEqual({ path: badPath });
    expect(err.message).toContain(badPath);
  });

  it('rejects schema text that is not JSON through the registry', () => {
    expect(() => new SchemaRegistry().intern('{nope')).toThrow(expect.objectContaining({ code: 'SCHEMA_INVALID' }));
  });

  it('bounds the registry and evicts the least recently used schema', () => {
    const registry = new SchemaRegistry(2);
    const v = (n: number) => ({ name: 'D', version: `1.0.${n}`, tables: { T: { columns: { a: { type: 'string' } } } } });
    const one = registry.intern(v(1));
    registry.intern(v(2));
    expect(registry.intern(v(1))).toBe(one);
    registry.intern(v(3)); // evicts 2, the least recently used
    expect(registry.size).toBe(2);
    expect(registry.intern(v(1))).toBe(one);
  });

  it('recognises a frozen value it interned before by identity, and never a mutable one', () => {
    const registry = new SchemaRegistry();
    const frozen = Object.freeze({ name: 'D', version: '1.0.0', tables: Object.freeze({}) });
    const first = registry.intern(frozen);
    const stringify = jest.spyOn(JSON, 'stringify');
    try {
      expect(registry.intern(frozen)).toBe(first);
      expect(stringify).not.toHaveBeenCalled();
      const mutable = { name: 'D', version: '1.0.0', tables: {} as Record<string, unknown> };
      expect(registry.intern(mutable)).toBe(first);
      mutable.tables.T = { columns: { a: { type: 'string' } } };
      expect(registry.intern(mutable)).not.toBe(first);
    } finally {
      stringify.mockRestore();
    }
  });
});
