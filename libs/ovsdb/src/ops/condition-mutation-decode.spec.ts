// RFC 7047 section 5.1 <condition> and <mutation>, read by a server: decoding mirrors the
// builder's encoding, with the same checks.

import { OvsdbError } from '../errors';
import { NamedUuid } from '../notation/value';
import { DatabaseSchema } from '../schema/database-schema';
import { decodeCondition, encodeCondition } from './condition';
import { decodeMutation, encodeMutation } from './mutation';
import { Condition, Mutation } from './operation';

const U1 = '6f1a4f3e-52b5-4a3c-9d7e-0a1b2c3d4e5f';

const table = DatabaseSchema.parse({
  name: 'Test',
  version: '1.0.0',
  tables: {
    Radio: {
      columns: {
        if_name: { type: 'string', mutable: false },
        channel: { type: { key: { type: 'integer', minInteger: 1, maxInteger: 196 }, min: 0, max: 1 } },
        tx_power: { type: 'real' },
        vif_configs: { type: { key: { type: 'uuid', refTable: 'Radio' }, min: 0, max: 4 } },
        hw_config: { type: { key: 'string', value: 'string', min: 0, max: 'unlimited' } },
      },
    },
  },
}).requireTable('Radio');

function decodeError(fn: () => unknown): OvsdbError {
  try {
    fn();
  } catch (err) {
    if (err instanceof OvsdbError) return err;
    throw err;
  }
  throw new Error('expected an OvsdbError');
}

describe('decodeCondition', () => {
  it.each<Condition>([
    ['if_name', '==', 'wifi0'],
    ['_uuid', '!=', U1],
    ['tx_power', '>', 3.5],
    ['channel', '==', undefined],
    ['channel', 'includes', 6],
    ['vif_configs', 'includes', [U1, new NamedUuid('new_vif')]],
    ['hw_config', 'excludes', new Map([['dfs', 'on']])],
  ])('reads back what encodeCondition wrote: %j', (...condition) => {
    expect(decodeCondition(table, JSON.parse(JSON.stringify(encodeCondition(table, condition))))).toEqual(condition);
  });

  it.each([
    ['not a triple', ['if_name', '=='], 'OP_INVALID'],
    ['an unknown column', ['nope', '==', 1], 'SCHEMA_UNKNOWN_COLUMN'],
    ['an unknown function', ['if_name', '~=', 'x'], 'OP_INVALID'],
    ['ordering on a string', ['if_name', '<', 'x'], 'OP_INVALID'],
    ['includes on a scalar', ['tx_power', 'includes', 1], 'OP_INVALID'],
    ['a value of the wrong type', ['if_name', '==', 5], 'NOTATION_INVALID'],
  ])('refuses %s', (_label, wire, code) => {
    expect(decodeError(() => decodeCondition(table, wire)).code).toBe(code);
  });
});

describe('decodeMutation', () => {
  it.each<Mutation>([
    ['channel', '+=', 500],
    ['tx_power', '/=', 2.5],
    ['vif_configs', 'insert', [new NamedUuid('v')]],
    ['vif_configs', 'delete', [U1]],
    ['hw_config', 'insert', new Map([['a', 'b']])],
    ['hw_config', 'delete', ['a', 'b']],
    ['hw_config', 'delete', new Map([['a', 'b']])],
  ])('reads back what encodeMutation wrote: %j', (...mutation) => {
    expect(decodeMutation(table, JSON.parse(JSON.stringify(encodeMutation(table, mutation))))).toEqual(mutation);
  });

  it('reads a map delete given as a bare key', () => {
    expect(decodeMutation(table, ['hw_config', 'delete', 'a'])).toEqual(['hw_config', 'delete', ['a']]);
  });

  it.each([
    ['not a triple', ['channel', '+='], 'OP_INVALID'],
    ['an unknown column', ['nope', '+=', 1], 'SCHEMA_UNKNOWN_COLUMN'],
    ['an unknown mutator', ['channel', '^=', 1], 'OP_INVALID'],
    ['an immutable column', ['if_name', 'insert', 'x'], 'OP_INVALID'],
    ['arithmetic on a map', ['hw_config', '+=', 1], 'OP_INVALID'],
    ['%= on a real', ['tx_power', '%=', 2], 'OP_INVALID'],
    ['division by zero', ['channel', '/=', 0], 'OP_INVALID'],
    ['insert on a scalar', ['tx_power', 'insert', 1], 'OP_INVALID'],
    ['an operand of the wrong type', ['channel', '+=', 'x'], 'NOTATION_INVALID'],
    ['an insert beyond the set maximum', ['vif_configs', 'insert', ['set', [1, 2, 3, 4, 5].map((i) => ['named-uuid', `v${i}`])]], 'NOTATION_INVALID'],
  ])('refuses %s', (_label, wire, code) => {
    expect(decodeError(() => decodeMutation(table, wire)).code).toBe(code);
  });
});
