import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { OvsdbDatabase } from './ovsdb-database';
import { engineSchemaFromJson } from './schema-view';
import { ChangeSet } from './transaction';

const schemaJson: unknown = JSON.parse(
  readFileSync(resolve(__dirname, '../../../../test/fixtures/device-sim/engine-test.ovsschema'), 'utf8'),
);
const schema = engineSchemaFromJson(schemaJson);

function fresh(): OvsdbDatabase {
  return new OvsdbDatabase(schema);
}

function uuidOf(result: unknown): string {
  return ((result as { uuid: [string, string] }).uuid)[1];
}

describe('OvsdbDatabase transactions', () => {
  it('inserts with a named uuid and mutates a weak set in the same transaction', () => {
    const db = fresh();
    const [r] = db.transactSync([{ op: 'insert', table: 'Radio', row: { if_name: 'wifi0', band: '2.4G' } }]);
    const radio = uuidOf(r);
    const res = db.transactSync([
      { op: 'insert', table: 'Vif', 'uuid-name': 'v', row: { if_name: 'home', radio: ['uuid', radio] } },
      { op: 'mutate', table: 'Radio', where: [['_uuid', '==', ['uuid', radio]]], mutations: [['vifs', 'insert', ['set', [['named-uuid', 'v']]]]] },
    ]);
    expect(res[1]).toEqual({ count: 1 });
    const vif = uuidOf(res[0]);
    const [sel] = db.transactSync([{ op: 'select', table: 'Radio', where: [], columns: ['vifs', 'band'] }]);
    expect(sel).toEqual({ rows: [{ vifs: ['uuid', vif], band: '2.4G' }] });
  });

  it('reports constraint violations and leaves the database untouched', () => {
    const db = fresh();
    const res = db.transactSync([
      { op: 'insert', table: 'Radio', row: { if_name: 'a' } },
      { op: 'insert', table: 'Radio', row: { if_name: 'b', band: '7G' } },
      { op: 'comment', comment: 'never reached' },
    ]);
    expect(res[1]).toMatchObject({ error: 'constraint violation' });
    expect(res[2]).toBeNull();
    expect(db.transactSync([{ op: 'select', table: 'Radio', where: [] }])).toEqual([{ rows: [] }]);
  });

  it('checks set sizes, ranges and string lengths', () => {
    const db = fresh();
    const ins = (row: object): unknown => db.transactSync([{ op: 'insert', table: 'Radio', row }])[0];
    expect(ins({ tags: ['set', ['a', 'b', 'c']] })).toMatchObject({ error: 'syntax error' });
    expect(ins({ channel: 0 })).toMatchObject({ error: 'constraint violation' });
    expect(ins({ tags: 'much-too-long' })).toMatchObject({ error: 'constraint violation' });
    expect(ins({ channel: 'x' })).toMatchObject({ error: 'syntax error', details: 'expected integer' });
  });

  it('appends a commit failure: dangling strong reference, maxRows, index', () => {
    const db = fresh();
    const dangling = db.transactSync([
      { op: 'insert', table: 'Radio', row: { hw: ['uuid', '11111111-1111-1111-1111-111111111111'] } },
    ]);
    expect(dangling).toHaveLength(2);
    expect(dangling[1]).toMatchObject({ error: 'referential integrity violation' });
    const four = ['a', 'b', 'c', 'd'].map((n) => ({ op: 'insert', table: 'Radio', row: { if_name: n } }));
    expect(db.transactSync(four)[4]).toMatchObject({ error: 'constraint violation' });
    const dup = db.transactSync([
      { op: 'insert', table: 'Radio', row: { if_name: 'x' } },
      { op: 'insert', table: 'Radio', row: { if_name: 'x' } },
    ]);
    expect(dup[2]).toMatchObject({ error: 'constraint violation' });
  });

  it('removes weak references to deleted rows and garbage-collects non-root rows', () => {
    const db = fresh();
    const res = db.transactSync([
      { op: 'insert', table: 'Radio', 'uuid-name': 'r', row: { if_name: 'a', hw: ['named-uuid', 'h'], vifs: ['named-uuid', 'v'] } },
      { op: 'insert', table: 'Hw', 'uuid-name': 'h', row: { model: 'm', parts: ['named-uuid', 'p'] } },
      { op: 'insert', table: 'Part', 'uuid-name': 'p', row: { name: 'antenna' } },
      { op: 'insert', table: 'Vif', 'uuid-name': 'v', row: { if_name: 'v', radio: ['named-uuid', 'r'] } },
      { op: 'insert', table: 'Part', row: { name: 'orphan' } },
    ]);
    expect(res).toHaveLength(5);
    const parts = db.transactSync([{ op: 'select', table: 'Part', where: [], columns: ['name'] }]);
    expect(parts).toEqual([{ rows: [{ name: 'antenna' }] }]);
    expect(db.transactSync([{ op: 'delete', table: 'Hw', where: [] }])[1]).toMatchObject({
      error: 'referential integrity violation',
    });
    expect(db.transactSync([{ op: 'delete', table: 'Vif', where: [] }])).toEqual([{ count: 1 }]);
    expect(db.transactSync([{ op: 'select', table: 'Radio', where: [], columns: ['vifs'] }])).toEqual([{ rows: [{ vifs: ['set', []] }] }]);
    // Vif.radio is a weak reference with min 1: losing its target is a constraint violation.
    db.transactSync([{ op: 'insert', table: 'Vif', row: { if_name: 'w', radio: ['uuid', uuidOf(res[0])] } }]);
    expect(db.transactSync([{ op: 'delete', table: 'Radio', where: [] }])[1]).toMatchObject({ error: 'constraint violation' });
    db.transactSync([{ op: 'delete', table: 'Vif', where: [] }]);
    expect(db.transactSync([{ op: 'delete', table: 'Radio', where: [] }])).toEqual([{ count: 1 }]);
    expect(db.transactSync([{ op: 'select', table: 'Hw', where: [] }, { op: 'select', table: 'Part', where: [] }])).toEqual([
      { rows: [] },
      { rows: [] },
    ]);
  });

  it('answers wait with "timed out" at timeout 0 and completes a blocked wait after a commit', async () => {
    const db = fresh();
    const until = { op: 'wait', table: 'Radio', where: [], columns: ['if_name'], until: '==', rows: [{ if_name: 'late' }] };
    expect(db.transactSync([{ ...until, timeout: 0 }])[0]).toMatchObject({ error: 'timed out' });
    const pending = db.transact([{ ...until, timeout: 600000 }, { op: 'insert', table: 'Part', row: { name: 'n' } }]);
    db.transactSync([{ op: 'insert', table: 'Radio', row: { if_name: 'late' } }]);
    const results = await pending;
    expect(results[0]).toEqual({});
    db.close();
  });

  it('applies arithmetic and map mutations with domain and range errors', () => {
    const db = fresh();
    const radio = uuidOf(db.transactSync([{ op: 'insert', table: 'Radio', row: { if_name: 'a', channel: 6, config: ['map', [['k', 'v']]] } }])[0]);
    const mut = (mutations: unknown[]): unknown => db.transactSync([{ op: 'mutate', table: 'Radio', where: [['_uuid', '==', ['uuid', radio]]], mutations }])[0];
    expect(mut([['channel', '+=', 5]])).toEqual({ count: 1 });
    expect(mut([['channel', '/=', 0]])).toMatchObject({ error: 'domain error' });
    expect(mut([['channel', '*=', 1000]])).toMatchObject({ error: 'constraint violation' });
    expect(mut([['config', 'insert', ['map', [['k', 'x'], ['n', '1']]]], ['config', 'delete', ['set', ['n']]]])).toEqual({ count: 1 });
    expect(db.transactSync([{ op: 'select', table: 'Radio', where: [['channel', '>', 10]], columns: ['channel', 'config'] }])).toEqual([
      { rows: [{ channel: 11, config: ['map', [['k', 'v']]] }] },
    ]);
  });
});

describe('OvsdbDatabase monitors', () => {
  it('sends initial rows, then update and update2 notations per commit', () => {
    const db = fresh();
    const radio = uuidOf(db.transactSync([{ op: 'insert', table: 'Radio', row: { if_name: 'a', channel: 6, tags: ['set', ['x', 'y']] } }])[0]);
    const m1 = db.monitor('monitor', { Radio: { columns: ['if_name', 'channel', 'tags', 'enabled'] } });
    const m2 = db.monitor('monitor_cond', { Radio: [{ columns: ['if_name', 'tags', 'enabled'], where: [['if_name', '==', 'a']] }] });
    expect(m1.initial).toEqual({ Radio: { [radio]: { new: { if_name: 'a', channel: 6, tags: ['set', ['x', 'y']], enabled: ['set', []] } } } });
    expect(m2.initial).toEqual({ Radio: { [radio]: { initial: { if_name: 'a', tags: ['set', ['x', 'y']] } } } });
    const seen: ChangeSet[] = [];
    db.onUpdate((c) => seen.push(c));
    db.transactSync([{ op: 'update', table: 'Radio', where: [], row: { tags: ['set', ['y', 'z']], enabled: true } }]);
    db.transactSync([{ op: 'update', table: 'Radio', where: [], row: { enabled: true } }]);
    expect(seen).toHaveLength(1);
    expect(m1.spec.update(seen[0])).toEqual({
      Radio: { [radio]: { old: { tags: ['set', ['x', 'y']], enabled: ['set', []] }, new: { if_name: 'a', channel: 6, tags: ['set', ['y', 'z']], enabled: true } } },
    });
    expect(m2.spec.update(seen[0])).toEqual({ Radio: { [radio]: { modify: { tags: ['set', ['x', 'z']], enabled: true } } } });
    db.transactSync([{ op: 'update', table: 'Radio', where: [], row: { if_name: 'b' } }]);
    expect(m2.spec.update(seen[1])).toEqual({ Radio: { [radio]: { delete: null } } });
    expect(m1.spec.update(seen[1])).toMatchObject({ Radio: { [radio]: { old: { if_name: 'a' } } } });
  });
});

describe('OvsdbDatabase delivery order', () => {
  it('queues a commit made by a listener behind the commit being delivered, for every listener', () => {
    const db = fresh();
    const radio = uuidOf(db.transactSync([{ op: 'insert', table: 'Radio', row: { if_name: 'a' } }])[0]);
    const vif = uuidOf(db.transactSync([{ op: 'insert', table: 'Vif', row: { if_name: 'home', radio: ['uuid', radio] } }])[0]);
    const monitor = db.monitor('monitor_cond', { Radio: [{ columns: ['channel'] }], Vif: [{ columns: ['count'] }] });
    // A manager (registered first) answers a radio change with a commit of its own, as the
    // WiFi manager deletes a state row the moment its config goes.
    let selected: unknown;
    db.onUpdate((changes) => {
      if (!changes.has('Radio')) return;
      db.transactSync([{ op: 'update', table: 'Vif', where: [], row: { count: 1 } }]);
      selected = db.transactSync([{ op: 'select', table: 'Vif', where: [], columns: ['count'] }]);
    });
    const seen: unknown[] = [];
    db.onUpdate((changes) => seen.push(monitor.spec.update(changes)));
    db.transactSync([{ op: 'update', table: 'Radio', where: [], row: { channel: 6 } }]);
    // The manager reads its own commit at once; the later listener is told in commit order.
    expect(selected).toEqual([{ rows: [{ count: 1 }] }]);
    expect(seen).toEqual([{ Radio: { [radio]: { modify: { channel: 6 } } } }, { Vif: { [vif]: { modify: { count: 1 } } } }]);
  });
});
