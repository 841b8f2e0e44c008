// RFC 7047 section 4.1.3: interpretation of the transact result array.

import { OvsdbError } from '../errors';
import { DatabaseSchema } from '../schema/database-schema';
import { OperationBuilder } from './operation-builder';
import { Operation } from './operation';
import { checkTransactResult, insertedUuids } from './transact-result';

const U1 = '6f1a4f3e-52b5-4a3c-9d7e-0a1b2c3d4e5f';
const U2 = '0c4b6f0e-1111-4222-8333-944455556666';

const schema = DatabaseSchema.parse({
  name: 'Test',
  version: '1.0.0',
  tables: {
    Vif: {
      columns: {
        ssid: { type: 'string' },
        vlan: { type: { key: 'integer', min: 0, max: 1 } },
        tags: { type: { key: 'string', min: 0, max: 'unlimited' } },
      },
    },
  },
});
const b = new OperationBuilder(schema);
const ops: Operation[] = [
  b.insert('Vif', { ssid: 'a' }, 'new_vif'),
  b.select('Vif', [], ['ssid', 'vlan']),
  b.update('Vif', [['ssid', '==', 'a']], { vlan: 4 }),
  b.mutate('Vif', [], [['tags', 'insert', ['x']]]),
  b.delete('Vif', [['ssid', '==', 'b']]),
  b.wait('Vif', [], ['ssid'], '!=', []),
  b.comment('c'),
];
const okResult = [
  { uuid: ['uuid', U1] },
  { rows: [{ ssid: 'a', vlan: ['set', []] }, { ssid: 'b', vlan: 7 }] },
  { count: 1 },
  { count: 2 },
  { count: 0 },
  {},
  {},
];

function resultError(result: unknown, operations: Operation[] = ops): OvsdbError {
  try {
    checkTransactResult(operations, result, schema);
  } catch (err) {
    if (err instanceof OvsdbError) return err;
    throw err;
  }
  throw new Error('expected an OvsdbError');
}

describe('checkTransactResult', () => {
  it('returns typed results, select rows decoded by the schema', () => {
    expect(b.checkResult(ops, okResult)).toEqual([
      { op: 'insert', uuid: U1 },
      { op: 'select', rows: [{ ssid: 'a', vlan: undefined }, { ssid: 'b', vlan: 7 }] },
      { op: 'update', count: 1 },
      { op: 'mutate', count: 2 },
      { op: 'delete', count: 0 },
      { op: 'wait' },
      { op: 'comment' },
    ]);
  });

  it('decodes select rows without a schema, sets as arrays', () => {
    const select = [b.select('Vif', [])];
    expect(checkTransactResult(select, [{ rows: [{ _uuid: ['uuid', U2], vlan: ['set', []], m: ['map', [['k', 1]]] }] }])).toEqual([
      { op: 'select', rows: [{ _uuid: U2, vlan: [], m: new Map([['k', 1]]) }] },
    ]);
  });

  it('maps uuid-names to the uuids the server assigned', () => {
    expect(insertedUuids(ops, b.checkResult(ops, okResult))).toEqual(new Map([['new_vif', U1]]));
  });

  it('reports the failing operation with its error and details', () => {
    const err = resultError([{ uuid: ['uuid', U1] }, { error: 'constraint violation', details: 'bad ssid' }, null]);
    expect(err.code).toBe('TRANSACTION_FAILED');
    expect(err.message).toBe('operation 1 (select Vif) failed: constraint violation: bad ssid');
    expect(err.details).toEqual({ index: 1, error: 'constraint violation', details: 'bad ssid', op: ops[1] });
  });

  it('reports a failure when the result stops at the failing operation', () => {
    const err = resultError([{ uuid: ['uuid', U1] }, { rows: [] }, { error: 'timed out' }]);
    expect(err.details).toEqual({ index: 2, error: 'timed out', op: ops[2] });
  });

  it('reports a commit failure carried by an extra trailing element', () => {
    const err = resultError([...okResult, { error: 'referential integrity violation', details: 'row is referenced' }]);
    expect(err.code).toBe('TRANSACTION_FAILED');
    expect(err.message).toBe('commit failed: referential integrity violation: row is referenced');
    expect(err.details).toEqual({ index: ops.length, error: 'referential integrity violation', details: 'row is referenced' });
  });

  it('keeps a non-string error readable', () => {
    expect(resultError([{ error: { x: 1 } }]).message).toContain('{"x":1}');
  });

  it.each([
    ['not an array', { result: [] }, 'must be an array'],
    ['shorter without an error', okResult.slice(0, 3), 'has 3 elements for 7 operations and no error'],
    ['longer without an error', [...okResult, {}], 'has 8 elements for 7 operations'],
    ['an error past the commit element', [...okResult, {}, { error: 'x' }], 'past the commit result'],
    ['a null result for an executed op', [null, ...okResult.slice(1)], 'must be an object'],
    ['an insert without a uuid', [{}, ...okResult.slice(1)], 'lacks a uuid'],
    ['an insert with a malformed uuid', [{ uuid: ['uuid', 'x'] }, ...okResult.slice(1)], 'lacks a uuid'],
    ['a select without rows', [okResult[0], {}, ...okResult.slice(2)], 'lacks rows'],
    ['an update without a count', [...okResult.slice(0, 2), { count: -1 }, ...okResult.slice(3)], 'lacks a count'],
  ])('rejects a result %s', (_label, result, message) => {
    const err = resultError(result);
    expect(err.code).toBe('RPC_INVALID_MESSAGE');
    expect(err.message).toContain(message);
  });

  it('rejects select rows that do not fit the schema', () => {
    const err = resultError([okResult[0], { rows: [{ ssid: 5 }] }, ...okResult.slice(2)]);
    expect(err.code).toBe('NOTATION_INVALID');
  });
});
