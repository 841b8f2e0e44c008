// RFC 7047 section 5.1: decoding a <value> without its column type, for callers that have
// no schema at hand. An atomic column's value cannot be told from a one-element set this
// way, so sets stay arrays; schema-driven decoding (decodeDatum) is preferred.

import { OvsdbError } from '../errors';
import { isUuid } from './uuid';
import { AtomValue, Row, Value } from './value';

export function decodeUntypedDatum(wire: unknown, where = 'value'): Value {
  if (Array.isArray(wire)) {
    if (wire[0] === 'set' && wire.length === 2 && Array.isArray(wire[1])) {
      return wire[1].map((item: unknown) => decodeUntypedAtom(item, where));
    }
    if (wire[0] === 'map' && wire.length === 2 && Array.isArray(wire[1])) {
      const out = new Map<AtomValue, AtomValue>();
      for (const pair of wire[1] as unknown[]) {
        if (!Array.isArray(pair) || pair.length !== 2) throw invalid(where, 'malformed map pair');
        out.set(decodeUntypedAtom(pair[0], where), decodeUntypedAtom(pair[1], where));
      }
      return out;
    }
  }
  return decodeUntypedAtom(wire, where);
}

export function decodeUntypedRow(wire: unknown, where = 'row'): Row {
  if (typeof wire !== 'object' || wire === null || Array.isArray(wire)) throw invalid(where, 'a row must be a JSON object');
  const row: Row = {};
  for (const [name, value] of Object.entries(wire)) row[name] = decodeUntypedDatum(value, `${where}.${name}`);
  return row;
}

function decodeUntypedAtom(wire: unknown, where: string): AtomValue {
  if (typeof wire === 'string' || typeof wire === 'boolean' || (typeof wire === 'number' && Number.isFinite(wire))) return wire;
  if (Array.isArray(wire) && wire.length === 2 && wire[0] === 'uuid' && isUuid(wire[1])) return wire[1].toLowerCase();
  throw invalid(where, `not an atom: ${JSON.stringify(wire)}`);
}

function invalid(where: string, message: string): OvsdbError {
  return new OvsdbError('NOTATION_INVALID', `${where}: ${message}`, { where });
}
