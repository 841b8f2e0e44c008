// RFC 7047 sections 4.1.5/4.1.6 and monitor_cond's update2: the replica and its events.

import { OvsdbError } from '../errors';
import { DatabaseSchema } from '../schema/database-schema';
import { DatabaseCache } from './database-cache';
import { CacheBatch, RowChange } from './row-change';

const A = '6f1a4f3e-52b5-4a3c-9d7e-0a1b2c3d4e5f';
const B = '0c4b6f0e-1111-4222-8333-944455556666';
const R = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const V1 = '11111111-2222-4333-8444-555555555555';

const schema = DatabaseSchema.parse({
  name: 'Test',
  version: '1.0.0',
  tables: {
    Vif: {
      columns: {
        if_name: { type: 'string' },
        enabled: { type: 'boolean' },
        vlan: { type: { key: 'integer', min: 0, max: 1 } },
        tags: { type: { key: 'string', min: 0, max: 'unlimited' } },
        security: { type: { key: 'string', value: 'string', min: 0, max: 'unlimited' } },
        radio: { type: { key: { type: 'uuid', refTable: 'Radio' }, min: 0, max: 1 } },
      },
      isRoot: true,
    },
    Radio: { columns: { if_name: { type: 'string' }, channel: { type: 'integer' } }, isRoot: true },
    Other: { columns: { x: { type: 'string' } }, isRoot: true },
  },
});

function newCache(): { cache: DatabaseCache; changes: RowChange[]; batches: CacheBatch[] } {
  const cache = new DatabaseCache(schema, { Vif: { indexes: ['if_name'] }, Radio: { columns: ['if_name', 'channel'] } });
  const changes: RowChange[] = [];
  const batches: CacheBatch[] = [];
  cache.changes$.subscribe((c) => changes.push(c));
  cache.batches$.subscribe((b) => batches.push(b));
  return { cache, changes, batches };
}

const vifA = {
  if_name: 'wl0.1',
  enabled: true,
  vlan: ['set', []],
  tags: ['set', ['a', 'b']],
  security: ['map', [['encryption', 'WPA-PSK'], ['key', 'secret']]],
  radio: ['uuid', R],
};

function cacheError(fn: () => unknown): OvsdbError {
  try {
    fn();
  } catch (err) {
    if (err instanceof OvsdbError) return err;
    throw err;
  }
  throw new Error('expected an OvsdbError');
}

describe('DatabaseCache with "update" notation', () => {
  it('loads an initial snapshot and emits one insert per row, then one batch', () => {
    const { cache, changes, batches } = newCache();
    cache.applyTableUpdates({ Vif: { [A]: { new: vifA } }, Radio: { [R]: { new: { if_name: 'wifi0', channel: 6 } } } }, 'update');
    expect(cache.size).toBe(2);
    expect(cache.get('Vif', A)).toEqual({
      _uuid: A,
      if_name: 'wl0.1',
      enabled: true,
      vlan: undefined,
      tags: ['a', 'b'],
      security: new Map([['encryption', 'WPA-PSK'], ['key', 'secret']]),
      radio: R,
    });
    expect(changes.map((c) => [c.table, c.kind, c.uuid])).toEqual([
      ['Vif', 'insert', A],
      ['Radio', 'insert', R],
    ]);
    expect(batches).toHaveLength(1);
    expect(batches[0].changes).toEqual(changes);
    expect(batches[0].tables).toEqual(new Set(['Vif', 'Radio']));
    expect([...(cache.table('Radio') ?? [])]).toEqual([{ _uuid: R, if_name: 'wifi0', channel: 6 }]);
  });

  it('applies modify (old + new) and delete (old only)', () => {
    const { cache, changes } = newCache();
    cache.applyTableUpdates({ Vif: { [A]: { new: vifA } } }, 'update');
    const before = cache.get('Vif', A);
    cache.applyTableUpdates({ Vif: { [A]: { old: { vlan: ['set', []] }, new: { vlan: 100 } } } }, 'update');
    const after = cache.get('Vif', A);
    expect(after?.vlan).toBe(100);
    expect(after?.if_name).toBe('wl0.1');
    expect(changes[1]).toEqual({ table: 'Vif', uuid: A, kind: 'modify', old: before, new: after });
    expect(before?.vlan).toBeUndefined(); // rows are replaced, never edited
    cache.applyTableUpdates({ Vif: { [A]: { old: vifA } } }, 'update');
    expect(cache.get('Vif', A)).toBeUndefined();
    expect(changes[2]).toEqual({ table: 'Vif', uuid: A, kind: 'delete', old: after });
  });

  it('fills monitored columns missing from an inserted row with defaults', () => {
    const { cache } = newCache();
    cache.applyTableUpdates({ Vif: { [B]: { new: { if_name: 'x' } } } }, 'update');
    expect(cache.get('Vif', B)).toEqual({
      _uuid: B,
      if_name: 'x',
      enabled: false,
      vlan: undefined,
      tags: [],
      security: new Map(),
      radio: undefined,
    });
  });
});

describe('DatabaseCache with "update2" notation', () => {
  function loaded() {
    const ctx = newCache();
    ctx.cache.applyTableUpdates({ Vif: { [A]: { initial: vifA } } }, 'update2');
    return ctx;
  }

  it('loads initial rows and inserts, filling omitted default columns', () => {
    const { cache, changes } = loaded();
    cache.applyTableUpdates({ Vif: { [B]: { insert: { if_name: 'wl1' } } } }, 'update2');
    expect(cache.get('Vif', B)).toMatchObject({ _uuid: B, if_name: 'wl1', enabled: false, tags: [] });
    expect(changes.map((c) => c.kind)).toEqual(['insert', 'insert']);
  });

  it('replaces atomic columns on modify', () => {
    const { cache } = loaded();
    cache.applyTableUpdates({ Vif: { [A]: { modify: { if_name: 'wl0.2', vlan: 7, radio: ['set', []] } } } }, 'update2');
    expect(cache.get('Vif', A)).toMatchObject({ if_name: 'wl0.2', vlan: 7, radio: undefined });
    cache.applyTableUpdates({ Vif: { [A]: { modify: { vlan: ['set', []] } } } }, 'update2');
    expect(cache.get('Vif', A)?.vlan).toBeUndefined();
  });

  it('toggles set elements named in a modify diff', () => {
    const { cache } = loaded();
    cache.applyTableUpdates({ Vif: { [A]: { modify: { tags: ['set', ['a', 'c']] } } } }, 'update2');
    expect(cache.get('Vif', A)?.tags).toEqual(['b', 'c']);
    cache.applyTableUpdates({ Vif: { [A]: { modify: { tags: 'b' } } } }, 'update2');
    expect(cache.get('Vif', A)?.tags).toEqual(['c']);
  });

  it('adds, removes and changes map keys from a modify diff', () => {
    const { cache } = loaded();
    cache.applyTableUpdates(
      { Vif: { [A]: { modify: { security: ['map', [['encryption', 'WPA-PSK'], ['key', 'new-secret'], ['mode', '2']]] } } } },
      'update2',
    );
    expect(cache.get('Vif', A)?.security).toEqual(new Map([['key', 'new-secret'], ['mode', '2']]));
  });

  it('deletes rows', () => {
    const { cache, changes } = loaded();
    const old = cache.get('Vif', A);
    cache.applyTableUpdates({ Vif: { [A]: { delete: null } } }, 'update2');
    expect(cache.table('Vif')?.size).toBe(0);
    expect(changes[1]).toEqual({ table: 'Vif', uuid: A, kind: 'delete', old });
  });

  it('emits row events only after the whole notification is applied', () => {
    const { cache } = loaded();
    const seen: (number | undefined)[] = [];
    cache.changes$.subscribe(() => seen.push(cache.table('Vif')?.size));
    cache.applyTableUpdates({ Vif: { [A]: { delete: null }, [B]: { insert: { if_name: 'b' } } } }, 'update2');
    expect(seen).toEqual([1, 1]);
    expect(cache.get('Vif', B)).toBeDefined();
  });
});

describe('DatabaseCache lookups, clear and indexes', () => {
  it('finds rows by an indexed column and keeps the index in step', () => {
    const { cache } = newCache();
    cache.applyTableUpdates({ Vif: { [A]: { initial: vifA }, [B]: { initial: { if_name: 'wl0.1' } } } }, 'update2');
    const vif = cache.table('Vif');
    expect(vif?.findBy('if_name', 'wl0.1').map((r) => r._uuid).sort()).toEqual([B, A].sort());
    cache.applyTableUpdates({ Vif: { [A]: { modify: { if_name: 'wl1.1' } } } }, 'update2');
    expect(vif?.findBy('if_name', 'wl0.1').map((r) => r._uuid)).toEqual([B]);
    expect(vif?.findBy('if_name', 'wl1.1').map((r) => r._uuid)).toEqual([A]);
    cache.applyTableUpdates({ Vif: { [B]: { delete: null } } }, 'update2');
    expect(vif?.findBy('if_name', 'wl0.1')).toEqual([]);
    expect(cacheError(() => vif?.findBy('enabled', true)).code).toBe('SCHEMA_UNKNOWN_COLUMN');
  });

  it('refuses an index on a set column', () => {
    expect(cacheError(() => new DatabaseCache(schema, { Vif: { indexes: ['tags'] } })).code).toBe('CACHE_UPDATE_INVALID');
  });

  it('refuses to monitor unknown tables or columns', () => {
    expect(cacheError(() => new DatabaseCache(schema, { Nope: {} })).code).toBe('SCHEMA_UNKNOWN_TABLE');
    expect(cacheError(() => new DatabaseCache(schema, { Vif: { columns: ['nope'] } })).code).toBe('SCHEMA_UNKNOWN_COLUMN');
  });

  it('monitors every table when no selection is given', () => {
    expect(new DatabaseCache(schema).tableNames.sort()).toEqual(['Other', 'Radio', 'Vif']);
  });

  it('clears for a resync and emits a cleared batch', () => {
    const { cache, batches, changes } = newCache();
    cache.applyTableUpdates({ Vif: { [A]: { initial: vifA } } }, 'update2');
    cache.clear();
    expect(cache.size).toBe(0);
    expect(cache.table('Vif')?.findBy('if_name', 'wl0.1')).toEqual([]);
    expect(batches[1]).toEqual({ changes: [], cleared: true, tables: new Set(['Vif']) });
    expect(changes).toHaveLength(1);
    cache.applyTableUpdates({ Vif: { [A]: { initial: vifA } } }, 'update2');
    expect(cache.size).toBe(1);
  });

  it('is stale from markStale until replaceAll, which clears and then loads', () => {
    const { cache, batches } = newCache();
    cache.applyTableUpdates({ Vif: { [A]: { initial: vifA } } }, 'update2');
    expect(cache.stale).toBe(false);
    cache.markStale();
    expect(cache.stale).toBe(true);
    const staleAtCleared: boolean[] = [];
    cache.onBatch((b) => b.cleared && staleAtCleared.push(cache.stale));
    cache.replaceAll({ Vif: { [B]: { initial: { if_name: 'wl1.1' } } } }, 'update2');
    expect(staleAtCleared).toEqual([false]);
    expect([...cache.table('Vif')!.uuids()]).toEqual([B]);
    expect(batches.slice(1).map((b) => b.cleared)).toEqual([true, false]);
  });

  it('completes its streams on dispose', () => {
    const { cache } = newCache();
    let completed = false;
    cache.batches$.subscribe({ complete: () => (completed = true) });
    cache.dispose();
    expect(completed).toBe(true);
  });
});

describe('DatabaseCache refuses malformed updates and stays unchanged', () => {
  const cases: [string, unknown, 'update' | 'update2', string][] = [
    ['not an object', [], 'update2', 'CACHE_UPDATE_INVALID'],
    ['an unmonitored table', { Other: {} }, 'update2', 'CACHE_UPDATE_INVALID'],
    ['table updates not an object', { Vif: 1 }, 'update2', 'CACHE_UPDATE_INVALID'],
    ['a row key that is not a uuid', { Vif: { nope: { insert: {} } } }, 'update2', 'CACHE_UPDATE_INVALID'],
    ['a row update that is not an object', { Vif: { [B]: null } }, 'update2', 'CACHE_UPDATE_INVALID'],
    ['two update2 members', { Vif: { [B]: { insert: {}, delete: null } } }, 'update2', 'CACHE_UPDATE_INVALID'],
    ['an unknown update2 member', { Vif: { [B]: { upsert: {} } } }, 'update2', 'CACHE_UPDATE_INVALID'],
    ['delete that is not null', { Vif: { [A]: { delete: {} } } }, 'update2', 'CACHE_UPDATE_INVALID'],
    ['insert of a held row', { Vif: { [A]: { insert: {} } } }, 'update2', 'CACHE_UPDATE_INVALID'],
    ['modify of an unknown row', { Vif: { [B]: { modify: { vlan: 1 } } } }, 'update2', 'CACHE_UPDATE_INVALID'],
    ['delete of an unknown row', { Vif: { [B]: { delete: null } } }, 'update2', 'CACHE_UPDATE_INVALID'],
    ['the same row twice', { Vif: { [A]: { delete: null }, [A.toUpperCase()]: { insert: {} } } }, 'update2', 'CACHE_UPDATE_INVALID'],
    ['a _uuid that differs from the key', { Vif: { [B]: { insert: { _uuid: ['uuid', A] } } } }, 'update2', 'CACHE_UPDATE_INVALID'],
    ['an unknown column', { Vif: { [B]: { insert: { nope: 1 } } } }, 'update2', 'SCHEMA_UNKNOWN_COLUMN'],
    ['an unknown column in a diff', { Vif: { [A]: { modify: { nope: 1 } } } }, 'update2', 'SCHEMA_UNKNOWN_COLUMN'],
    ['a wrongly typed value', { Vif: { [B]: { insert: { vlan: 'x' } } } }, 'update2', 'NOTATION_INVALID'],
    ['a wrongly typed diff', { Vif: { [A]: { modify: { tags: ['set', [1]] } } } }, 'update2', 'NOTATION_INVALID'],
    ['a diff that leaves a scalar set empty', { Radio: { [R]: { modify: { channel: ['set', []] } } } }, 'update2', 'NOTATION_INVALID'],
    ['neither old nor new', { Vif: { [B]: {} } }, 'update', 'CACHE_UPDATE_INVALID'],
    ['an unexpected member', { Vif: { [B]: { new: {}, initial: {} } } }, 'update', 'CACHE_UPDATE_INVALID'],
    ['new that is not an object', { Vif: { [B]: { new: 5 } } }, 'update', 'CACHE_UPDATE_INVALID'],
    ['modify of an unknown row (old+new)', { Vif: { [B]: { old: {}, new: {} } } }, 'update', 'CACHE_UPDATE_INVALID'],
    ['delete of an unknown row (old)', { Vif: { [B]: { old: {} } } }, 'update', 'CACHE_UPDATE_INVALID'],
  ];

  it.each(cases)('rejects %s', (_label, updates, notation, code) => {
    const { cache, changes, batches } = newCache();
    cache.applyTableUpdates({ Vif: { [A]: { initial: vifA } }, Radio: { [R]: { initial: { if_name: 'r', channel: 1 } } } }, 'update2');
    const before = [...(cache.table('Vif') ?? [])];
    // A valid part first: it must not be applied either.
    const withValidPart =
      typeof updates === 'object' && updates !== null && !Array.isArray(updates)
        ? { Radio: { [V1]: { [notation === 'update' ? 'new' : 'insert']: { if_name: 'r2' } } }, ...updates }
        : updates;
    expect(cacheError(() => cache.applyTableUpdates(withValidPart, notation)).code).toBe(code);
    expect([...(cache.table('Vif') ?? [])]).toEqual(before);
    expect(cache.get('Radio', V1)).toBeUndefined();
    expect(cache.size).toBe(2);
    expect(changes).toHaveLength(2);
    expect(batches).toHaveLength(1);
  });
});
