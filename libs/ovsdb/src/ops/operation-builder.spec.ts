// RFC 7047 section 5.2: operation building and its validation against the schema.

import { OvsdbError } from '../errors';
import { NamedUuid } from '../notation/value';
import { DatabaseSchema } from '../schema/database-schema';
import { OperationBuilder } from './operation-builder';
import { Condition, Mutation } from './operation';

const U1 = '6f1a4f3e-52b5-4a3c-9d7e-0a1b2c3d4e5f';

const schema = DatabaseSchema.parse({
  name: 'Test',
  version: '1.0.0',
  tables: {
    Radio: {
      columns: {
        if_name: { type: 'string', mutable: false },
        channel: { type: { key: { type: 'integer', minInteger: 1, maxInteger: 196 }, min: 0, max: 1 } },
        tx_power: { type: 'real' },
        vif_configs: { type: { key: { type: 'uuid', refTable: 'Vif' }, min: 0, max: 4 } },
        hw_config: { type: { key: 'string', value: 'string', min: 0, max: 'unlimited' } },
        enabled: { type: 'boolean' },
      },
      isRoot: true,
    },
    Vif: {
      columns: {
        if_name: { type: 'string' },
        ssid: { type: 'string' },
        security: { type: { key: 'string', value: 'string', min: 0, max: 'unlimited' } },
      },
    },
  },
});
const ops = new OperationBuilder(schema);

function opError(fn: () => unknown): OvsdbError {
  try {
    fn();
  } catch (err) {
    if (err instanceof OvsdbError) return err;
    throw err;
  }
  throw new Error('expected an OvsdbError');
}

describe('OperationBuilder', () => {
  it('builds an insert with a uuid-name and a radio mutate referring to it', () => {
    const vif = new NamedUuid('vif_home');
    expect(ops.insert('Vif', { if_name: 'home-ap-24', ssid: 'Home', security: new Map([['encryption', 'WPA-PSK']]) }, vif)).toEqual({
      op: 'insert',
      table: 'Vif',
      row: { if_name: 'home-ap-24', ssid: 'Home', security: ['map', [['encryption', 'WPA-PSK']]] },
      'uuid-name': 'vif_home',
    });
    expect(ops.mutate('Radio', [['if_name', '==', 'wifi0']], [['vif_configs', 'insert', [vif]]])).toEqual({
      op: 'mutate',
      table: 'Radio',
      where: [['if_name', '==', 'wifi0']],
      mutations: [['vif_configs', 'insert', ['set', [['named-uuid', 'vif_home']]]]],
    });
  });

  it('accepts a uuid-name given as a string', () => {
    expect(ops.insert('Vif', { ssid: 'x' }, 'v1')['uuid-name']).toBe('v1');
  });

  it('builds update, delete and select', () => {
    expect(ops.update('Vif', [['_uuid', '==', U1]], { ssid: 'New' })).toEqual({
      op: 'update',
      table: 'Vif',
      where: [['_uuid', '==', ['uuid', U1]]],
      row: { ssid: 'New' },
    });
    expect(ops.delete('Vif', [['if_name', '!=', 'x']])).toEqual({ op: 'delete', table: 'Vif', where: [['if_name', '!=', 'x']] });
    expect(ops.select('Radio', [], ['if_name', 'channel'])).toEqual({
      op: 'select',
      table: 'Radio',
      where: [],
      columns: ['if_name', 'channel'],
    });
    expect(ops.select('Radio', [])).toEqual({ op: 'select', table: 'Radio', where: [] });
  });

  it('builds a wait, a comment, a commit and an abort', () => {
    expect(ops.wait('Vif', [['if_name', '==', 'a']], ['ssid'], '==', [{ ssid: 'Home' }], 1000)).toEqual({
      op: 'wait',
      table: 'Vif',
      where: [['if_name', '==', 'a']],
      columns: ['ssid'],
      until: '==',
      rows: [{ ssid: 'Home' }],
      timeout: 1000,
    });
    expect(ops.wait('Vif', [], ['ssid'], '!=', [])).not.toHaveProperty('timeout');
    expect(ops.comment('reconcile node 42')).toEqual({ op: 'comment', comment: 'reconcile node 42' });
    expect(ops.commit(true)).toEqual({ op: 'commit', durable: true });
    expect(ops.abort()).toEqual({ op: 'abort' });
  });

  it('encodes condition values by the column type, relaxed for includes/excludes', () => {
    expect(ops.select('Radio', [['tx_power', '<', 36], ['tx_power', '>=', 1]]).where).toEqual([
      ['tx_power', '<', 36],
      ['tx_power', '>=', 1],
    ]);
    expect(ops.select('Radio', [['tx_power', '<=', 20.5]]).where).toEqual([['tx_power', '<=', 20.5]]);
    expect(ops.select('Radio', [['channel', '==', undefined]]).where).toEqual([['channel', '==', ['set', []]]]);
    expect(ops.select('Radio', [['hw_config', 'includes', new Map([['dfs', 'on']])]]).where).toEqual([
      ['hw_config', 'includes', ['map', [['dfs', 'on']]]],
    ]);
    expect(ops.select('Radio', [['vif_configs', 'excludes', []]]).where).toEqual([['vif_configs', 'excludes', ['set', []]]]);
    expect(ops.select('Radio', [['channel', 'includes', 6]]).where).toEqual([['channel', 'includes', 6]]);
  });

  it('encodes arithmetic and set/map mutations', () => {
    const m = (mutations: Mutation[]) => ops.mutate('Radio', [], mutations).mutations;
    expect(m([['tx_power', '*=', 0.5]])).toEqual([['tx_power', '*=', 0.5]]);
    // The operand is not a stored value: the column's range does not bind it.
    expect(m([['channel', '-=', 500]])).toEqual([['channel', '-=', 500]]);
    expect(m([['channel', '%=', 2]])).toEqual([['channel', '%=', 2]]);
    expect(m([['hw_config', 'insert', new Map([['a', 'b']])]])).toEqual([['hw_config', 'insert', ['map', [['a', 'b']]]]]);
    expect(m([['hw_config', 'delete', ['a']]])).toEqual([['hw_config', 'delete', ['set', ['a']]]]);
    expect(m([['hw_config', 'delete', new Map([['a', 'b']])]])).toEqual([['hw_config', 'delete', ['map', [['a', 'b']]]]]);
    expect(m([['vif_configs', 'delete', [U1]]])).toEqual([['vif_configs', 'delete', ['set', [['uuid', U1]]]]]);
    expect(m([['channel', 'insert', 11]])).toEqual([['channel', 'insert', 11]]);
  });

  const errors: [string, () => unknown, string, string][] = [
    ['unknown table', () => ops.insert('Nope', {}), 'SCHEMA_UNKNOWN_TABLE', 'has no table Nope'],
    ['unknown column in a row', () => ops.insert('Vif', { mode: 'ap' }), 'SCHEMA_UNKNOWN_COLUMN', 'Vif has no column mode'],
    ['unknown column in where', () => ops.delete('Vif', [['mode', '==', 'ap']]), 'SCHEMA_UNKNOWN_COLUMN', 'no column mode'],
    ['unknown column in select', () => ops.select('Vif', [], ['mode']), 'SCHEMA_UNKNOWN_COLUMN', 'no column mode'],
    ['unknown column in a mutation', () => ops.mutate('Vif', [], [['mode', 'insert', []]]), 'SCHEMA_UNKNOWN_COLUMN', 'no column mode'],
    ['a bad value in a row', () => ops.insert('Vif', { ssid: 5 }), 'NOTATION_INVALID', 'Vif.ssid'],
    ['_uuid in an insert', () => ops.insert('Vif', { _uuid: U1 }), 'OP_INVALID', 'Vif._uuid'],
    ['_uuid in an update', () => ops.update('Vif', [], { _uuid: U1 }), 'OP_INVALID', 'Vif._uuid'],
    ['_version in an update', () => ops.update('Vif', [], { _version: U1 }), 'OP_INVALID', 'Vif._version'],
    ['an immutable column in an update', () => ops.update('Radio', [], { if_name: 'x' }), 'OP_INVALID', 'Radio.if_name: column is not mutable'],
    ['a row that is not an object', () => ops.update('Vif', [], [] as never), 'OP_INVALID', 'row must be an object'],
    ['a bad uuid-name', () => ops.insert('Vif', {}, 'bad-name'), 'OP_INVALID', 'is not an <id>'],
    ['where not an array', () => ops.delete('Vif', 'x' as never), 'OP_INVALID', 'where must be an array'],
    ['a condition of two elements', () => ops.delete('Vif', [['ssid', '=='] as never]), 'OP_INVALID', '[column, function, value]'],
    ['an unknown condition function', () => ops.delete('Vif', [['ssid', '=~', 'x'] as unknown as Condition]), 'OP_INVALID', 'unknown condition function'],
    ['< on a string', () => ops.select('Vif', [['ssid', '<', 'x']]), 'OP_INVALID', 'integer or real scalar'],
    ['< on an optional integer', () => ops.select('Radio', [['channel', '<', 1]]), 'OP_INVALID', 'integer or real scalar'],
    ['includes on a scalar', () => ops.select('Vif', [['ssid', 'includes', 'x']]), 'OP_INVALID', 'only to sets and maps'],
    ['a wrongly typed condition value', () => ops.select('Vif', [['ssid', '==', 1]]), 'NOTATION_INVALID', 'Vif.ssid'],
    ['mutations not an array', () => ops.mutate('Vif', [], {} as never), 'OP_INVALID', 'mutations must be an array'],
    ['a mutation of two elements', () => ops.mutate('Vif', [], [['ssid', 'insert'] as never]), 'OP_INVALID', '[column, mutator, value]'],
    ['an unknown mutator', () => ops.mutate('Radio', [], [['channel', '^=', 1] as unknown as Mutation]), 'OP_INVALID', 'unknown mutator'],
    ['mutating an immutable column', () => ops.mutate('Radio', [], [['if_name', 'insert', 'x']]), 'OP_INVALID', 'not mutable'],
    ['mutating _uuid', () => ops.mutate('Radio', [], [['_uuid', 'insert', U1]]), 'OP_INVALID', 'not mutable'],
    ['+= on a string', () => ops.mutate('Vif', [], [['ssid', '+=', 'x']]), 'OP_INVALID', 'integer or real'],
    ['+= on a map', () => ops.mutate('Radio', [], [['hw_config', '+=', 1]]), 'OP_INVALID', 'integer or real'],
    ['%= on a real', () => ops.mutate('Radio', [], [['tx_power', '%=', 2]]), 'OP_INVALID', 'only to integer columns'],
    ['/= by zero', () => ops.mutate('Radio', [], [['channel', '/=', 0]]), 'OP_INVALID', 'division by zero'],
    ['+= with a real on an integer', () => ops.mutate('Radio', [], [['channel', '+=', 1.5]]), 'NOTATION_INVALID', 'Radio.channel'],
    ['insert on a scalar', () => ops.mutate('Vif', [], [['ssid', 'insert', 'x']]), 'OP_INVALID', 'only to sets and maps'],
    ['insert beyond the set maximum', () => ops.mutate('Radio', [], [['vif_configs', 'insert', [1, 2, 3, 4, 5].map((i) => new NamedUuid(`v${i}`))]]), 'NOTATION_INVALID', 'allows 0 to 4'],
    ['wait with a bad until', () => ops.wait('Vif', [], ['ssid'], '<' as never, []), 'OP_INVALID', 'until must be'],
    ['wait row with an unlisted column', () => ops.wait('Vif', [], ['ssid'], '==', [{ if_name: 'x' }]), 'OP_INVALID', 'Vif.if_name'],
    ['wait with a negative timeout', () => ops.wait('Vif', [], ['ssid'], '==', [], -1), 'OP_INVALID', 'timeout'],
    ['select with a column twice', () => ops.select('Vif', [], ['ssid', 'ssid']), 'OP_INVALID', 'listed twice'],
    ['select columns not an array', () => ops.select('Vif', [], 'ssid' as never), 'OP_INVALID', 'columns must be an array'],
    ['a comment that is not a string', () => ops.comment(5 as never), 'OP_INVALID', 'comment must be a string'],
  ];

  it.each(errors)('rejects %s', (_label, fn, code, message) => {
    const err = opError(fn);
    expect(err.code).toBe(code);
    expect(err.message).toContain(message);
  });
});
