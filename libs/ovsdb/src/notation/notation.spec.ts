// RFC 7047 section 5.1: datum and row notation, round trips and every validation error.

import { OvsdbError } from '../errors';
import { DatabaseSchema } from '../schema/database-schema';
import { decodeDatum, encodeDatum } from './datum-codec';
import { decodeRow, encodeRow } from './row-codec';
import { NamedUuid, Row } from './value';

const U1 = '6f1a4f3e-52b5-4a3c-9d7e-0a1b2c3d4e5f';
const U2 = '0c4b6f0e-1111-4222-8333-944455556666';

const schema = DatabaseSchema.parse({
  name: 'Test',
  version: '1.0.0',
  tables: {
    Vif: {
      columns: {
        if_name: { type: { key: { type: 'string', minLength: 1, maxLength: 4 } } },
        enabled: { type: 'boolean' },
        vlan: { type: { key: { type: 'integer', minInteger: 1, maxInteger: 4094 }, min: 0, max: 1 } },
        power: { type: { key: { type: 'real', minReal: 0.5, maxReal: 30 }, min: 0, max: 1 } },
        mode: { type: { key: { type: 'string', enum: ['set', ['ap', 'sta']] } } },
        radio: { type: { key: { type: 'uuid', refTable: 'Vif' }, min: 0, max: 1 } },
        peers: { type: { key: { type: 'uuid', refTable: 'Vif' }, min: 0, max: 'unlimited' } },
        tags: { type: { key: 'string', min: 0, max: 2 } },
        psks: { type: { key: 'string', value: 'string', min: 0, max: 'unlimited' } },
        links: { type: { key: 'integer', value: { type: 'uuid', refTable: 'Vif' }, min: 0, max: 'unlimited' } },
      },
    },
  },
});
const vif = schema.requireTable('Vif');
const typeOf = (column: string) => vif.requireColumn(column).type;

function notationError(fn: () => unknown): OvsdbError {
  try {
    fn();
  } catch (err) {
    if (err instanceof OvsdbError) return err;
    throw err;
  }
  throw new Error('expected an OvsdbError');
}

describe('decodeDatum / encodeDatum', () => {
  it.each([
    ['if_name', 'wl0', 'wl0'],
    ['enabled', false, false],
    ['vlan', 100, 100],
    ['vlan', ['set', []], undefined],
    ['vlan', ['set', [7]], 7],
    ['power', 1.5, 1.5],
    ['radio', ['uuid', U1.toUpperCase()], U1],
    ['peers', ['uuid', U1], [U1]],
    ['peers', ['set', [['uuid', U1], ['uuid', U2]]], [U1, U2]],
    ['tags', ['set', []], []],
    ['tags', 'a', ['a']],
  ])('decodes %s %j', (column, wire, expected) => {
    expect(decodeDatum(typeOf(column), wire)).toEqual(expected);
  });

  it('decodes maps to Map', () => {
    const psks = decodeDatum(typeOf('psks'), ['map', [['key--1', 'secret1'], ['key-2', 'secret2']]]);
    expect(psks).toEqual(new Map([['key--1', 'secret1'], ['key-2', 'secret2']]));
    const links = decodeDatum(typeOf('links'), ['map', [[1, ['uuid', U1]]]]);
    expect(links).toEqual(new Map([[1, U1]]));
  });

  it.each([
    ['if_name', 'wl0', 'wl0'],
    ['vlan', undefined, ['set', []]],
    ['vlan', 4094, 4094],
    ['radio', U1, ['uuid', U1]],
    ['radio', new NamedUuid('new_radio'), ['named-uuid', 'new_radio']],
    ['peers', [U1, new NamedUuid('n')], ['set', [['uuid', U1], ['named-uuid', 'n']]]],
    ['tags', ['x'], ['set', ['x']]],
    ['psks', new Map([['k', 'v']]), ['map', [['k', 'v']]]],
    ['links', new Map([[3, new NamedUuid('x')]]), ['map', [[3, ['named-uuid', 'x']]]]],
  ])('encodes %s %p', (column, value, wire) => {
    expect(encodeDatum(typeOf(column), value)).toEqual(wire);
  });

  it('round-trips every column of a full row', () => {
    const row: Row = {
      if_name: 'wl0',
      enabled: true,
      vlan: 12,
      power: 20.25,
      mode: 'ap',
      radio: U1,
      peers: [U1, U2],
      tags: ['a', 'b'],
      psks: new Map([['key--1', 'pass'], ['key-2', 'word']]),
      links: new Map([[1, U2]]),
    };
    const wire = JSON.parse(JSON.stringify(encodeRow(vif, row)));
    expect(decodeRow(vif, wire)).toEqual(row);
  });

  it('decodes named uuids only when asked to', () => {
    const wire = ['named-uuid', 'row1'];
    expect(notationError(() => decodeDatum(typeOf('radio'), wire)).code).toBe('NOTATION_INVALID');
    expect(decodeDatum(typeOf('radio'), wire, { where: 'x', allowNamedUuid: true })).toEqual(new NamedUuid('row1'));
  });

  it('rejects a NamedUuid with a name that is not an <id>', () => {
    expect(notationError(() => new NamedUuid('1-bad')).code).toBe('NOTATION_INVALID');
  });

  it('counts string length in characters, not bytes', () => {
    expect(encodeDatum(typeOf('if_name'), 'éééé')).toBe('éééé');
    expect(notationError(() => encodeDatum(typeOf('if_name'), 'ééééé')).message).toContain('longer than 4');
  });

  const decodeErrors: [string, string, unknown, string][] = [
    ['integer given a string', 'vlan', '7', 'expected an integer'],
    ['integer given a real', 'vlan', 7.5, 'expected an integer'],
    ['real given a string', 'power', '1', 'expected a real'],
    ['boolean given a number', 'enabled', 1, 'expected a boolean'],
    ['string given a number', 'if_name', 1, 'expected a string'],
    ['uuid given a bare string', 'radio', U1, 'expected ["uuid"'],
    ['uuid not a UUID', 'radio', ['uuid', 'abc'], 'expected ["uuid"'],
    ['integer below minimum', 'vlan', 0, 'less than the minimum 1'],
    ['integer above maximum', 'vlan', 4095, 'greater than the maximum 4094'],
    ['real below minimum', 'power', 0.1, 'less than the minimum 0.5'],
    ['real above maximum', 'power', 31, 'greater than the maximum 30'],
    ['string too short', 'if_name', '', 'shorter than 1'],
    ['string too long', 'if_name', 'wlan0', 'longer than 4'],
    ['value not in enum', 'mode', 'mesh', 'is not one of "ap", "sta"'],
    ['scalar given an empty set', 'if_name', ['set', []], 'allows 1 to 1'],
    ['set with too many elements', 'tags', ['set', ['a', 'b', 'c']], 'allows 0 to 2'],
    ['set with duplicates', 'tags', ['set', ['a', 'a']], 'duplicate element "a"'],
    ['uuid set with duplicates in other case', 'peers', ['set', [['uuid', U1], ['uuid', U1.toUpperCase()]]], 'duplicate'],
    ['malformed set', 'tags', ['set', 'a'], 'malformed set'],
    ['map not tagged', 'psks', [['k', 'v']], 'expected ["map"'],
    ['malformed map pair', 'psks', ['map', [['k']]], 'malformed map pair'],
    ['map key of wrong type', 'links', ['map', [['1', ['uuid', U1]]]], 'expected an integer'],
    ['map value of wrong type', 'psks', ['map', [['k', 1]]], 'expected a string'],
    ['duplicate map key', 'psks', ['map', [['k', 'a'], ['k', 'b']]], 'duplicate map key "k"'],
  ];

  it.each(decodeErrors)('decode rejects %s', (_label, column, wire, message) => {
    const err = notationError(() => decodeDatum(typeOf(column), wire, { where: `Vif.${column}` }));
    expect(err.code).toBe('NOTATION_INVALID');
    expect(err.message).toContain(`Vif.${column}`);
    expect(err.message).toContain(message);
  });

  const encodeErrors: [string, string, unknown, string][] = [
    ['integer given a string', 'vlan', '7', 'expected an integer'],
    ['real given Infinity', 'power', Infinity, 'expected a finite number'],
    ['boolean given a string', 'enabled', 'true', 'expected a boolean'],
    ['string given a number', 'if_name', 5, 'expected a string'],
    ['uuid given a non-UUID', 'radio', 'not-a-uuid', 'expected a UUID string'],
    ['NamedUuid in a string column', 'if_name', new NamedUuid('x'), 'a named-uuid is not a string'],
    ['value not in enum', 'mode', 'mesh', 'is not one of'],
    ['integer out of range', 'vlan', 5000, 'greater than the maximum'],
    ['scalar given undefined', 'enabled', undefined, 'allows 1 to 1'],
    ['atomic column given an array', 'vlan', [1], 'expected a single atom'],
    ['set given an atom', 'tags', 'a', 'expected an array'],
    ['set too large', 'tags', ['a', 'b', 'c'], 'allows 0 to 2'],
    ['set with duplicates', 'tags', ['a', 'a'], 'duplicate element'],
    ['uuid set with the same NamedUuid twice', 'peers', [new NamedUuid('n'), new NamedUuid('n')], 'duplicate element'],
    ['map given an object', 'psks', { k: 'v' }, 'expected a Map'],
    ['map with a bad key', 'links', new Map([['1', U1]]), 'expected an integer'],
    ['map with a bad value', 'psks', new Map([['k', 1]]), 'expected a string'],
  ];

  it.each(encodeErrors)('encode rejects %s', (_label, column, value, message) => {
    const err = notationError(() => encodeRow(vif, { [column]: value } as Row));
    expect(err.code).toBe('NOTATION_INVALID');
    expect(err.message).toContain(`Vif.${column}`);
    expect(err.message).toContain(message);
    expect(err.details).toEqual({ where: expect.stringContaining(`Vif.${column}`) });
  });

  it('keeps case-distinct strings apart in string sets', () => {
    expect(encodeDatum(typeOf('tags'), ['A', 'a'])).toEqual(['set', ['A', 'a']]);
  });
});

describe('decodeRow / encodeRow', () => {
  it('decodes _uuid and _version', () => {
    expect(decodeRow(vif, { _uuid: ['uuid', U1], _version: ['uuid', U2], if_name: 'wl0' })).toEqual({
      _uuid: U1,
      _version: U2,
      if_name: 'wl0',
    });
  });

  it('rejects a row that is not an object', () => {
    expect(notationError(() => decodeRow(vif, [])).code).toBe('NOTATION_INVALID');
    expect(notationError(() => decodeRow(vif, null)).code).toBe('NOTATION_INVALID');
    expect(notationError(() => encodeRow(vif, [] as unknown as Row)).code).toBe('NOTATION_INVALID');
  });

  it('rejects an unknown column', () => {
    expect(notationError(() => decodeRow(vif, { nope: 1 })).code).toBe('SCHEMA_UNKNOWN_COLUMN');
    expect(notationError(() => encodeRow(vif, { nope: 1 })).code).toBe('SCHEMA_UNKNOWN_COLUMN');
  });

  it('passes allowNamedUuid through', () => {
    expect(decodeRow(vif, { radio: ['named-uuid', 'r'] }, { allowNamedUuid: true })).toEqual({ radio: new NamedUuid('r') });
  });
});
