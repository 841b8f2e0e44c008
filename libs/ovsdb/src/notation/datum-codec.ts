// RFC 7047 section 5.1, <value>: a column's datum on the wire is an <atom>, a <set>
// (["set", [...]], or the bare atom for a one-element set) or a <map> (["map", [[k, v], ...]]),
// converted to and from the project's JS representation by the column's <type>.

import { ColumnType } from '../schema/column-type';
import { AtomValue, NamedUuid, Value } from './value';
import { BaseType } from '../schema/base-type';
import { decodeAtom, encodeAtom, notationError, NotationContext, show } from './atom-codec';

const DEFAULT_CONTEXT: NotationContext = { where: 'value' };

/** Wire datum -> JS value; validates element types, constraints and counts. */
export function decodeDatum(type: ColumnType, wire: unknown, ctx: NotationContext = DEFAULT_CONTEXT): Value {
  if (type.value !== undefined) return decodeMap(type, wire, ctx);
  const elements = decodeSetElements(type, wire, ctx);
  if (!type.isAtomic()) return elements;
  return elements.length === 0 ? undefined : elements[0];
}

/** JS value -> wire datum; validates the same way, so nothing invalid is ever sent. */
export function encodeDatum(type: ColumnType, value: unknown, ctx: NotationContext = DEFAULT_CONTEXT): unknown {
  if (type.value !== undefined) return encodeMap(type, value, ctx);
  if (type.isAtomic()) {
    if (value === undefined) {
      checkCount(type, 0, ctx);
      return ['set', []];
    }
    if (Array.isArray(value)) throw notationError(ctx, 'expected a single atom or undefined, got an array');
    return encodeAtom(type.key, value, ctx);
  }
  if (!Array.isArray(value)) throw notationError(ctx, `expected an array for a set, got ${show(value)}`);
  checkCount(type, value.length, ctx);
  const seen = new Set<unknown>();
  const out = value.map((element: unknown, i) => {
    const encoded = encodeAtom(type.key, element, { ...ctx, where: `${ctx.where}[${i}]` });
    checkUnique(seen, element, ctx, type.key);
    return encoded;
  });
  return ['set', out];
}

function decodeSetElements(type: ColumnType, wire: unknown, ctx: NotationContext): AtomValue[] {
  let elements: AtomValue[];
  if (Array.isArray(wire) && wire[0] === 'set') {
    if (wire.length !== 2 || !Array.isArray(wire[1])) throw notationError(ctx, `malformed set ${show(wire)}`);
    const seen = new Set<unknown>();
    elements = wire[1].map((item: unknown, i) => {
      const atom = decodeAtom(type.key, item, { ...ctx, where: `${ctx.where}[${i}]` });
      checkUnique(seen, atom, ctx, type.key);
      return atom;
    });
  } else {
    elements = [decodeAtom(type.key, wire, ctx)];
  }
  checkCount(type, elements.length, ctx);
  return elements;
}

function decodeMap(type: ColumnType, wire: unknown, ctx: NotationContext): Map<AtomValue, AtomValue> {
  if (!Array.isArray(wire) || wire.length !== 2 || wire[0] !== 'map' || !Array.isArray(wire[1])) {
    throw notationError(ctx, `expected ["map", [...]], got ${show(wire)}`);
  }
  const valueType = type.value;
  if (valueType === undefined) throw notationError(ctx, 'column is not a map');
  const out = new Map<AtomValue, AtomValue>();
  wire[1].forEach((pair: unknown, i) => {
    const where = `${ctx.where}[${i}]`;
    if (!Array.isArray(pair) || pair.length !== 2) throw notationError({ ...ctx, where }, `malformed map pair ${show(pair)}`);
    const key = decodeAtom(type.key, pair[0], { ...ctx, where: `${where} key` });
    if (out.has(key)) throw notationError(ctx, `duplicate map key ${show(key)}`);
    out.set(key, decodeAtom(valueType, pair[1], { ...ctx, where: `${where} value` }));
  });
  checkCount(type, out.size, ctx);
  return out;
}

function encodeMap(type: ColumnType, value: unknown, ctx: NotationContext): unknown {
  if (!(value instanceof Map)) throw notationError(ctx, `expected a Map, got ${show(value)}`);
  const valueType = type.value;
  if (valueType === undefined) throw notationError(ctx, 'column is not a map');
  checkCount(type, value.size, ctx);
  const pairs: unknown[] = [];
  const seen = new Set<unknown>();
  for (const [k, v] of value as Map<unknown, unknown>) {
    const where = `${ctx.where}[${show(k)}]`;
    const key = encodeAtom(type.key, k, { ...ctx, where: `${where} key` });
    checkUnique(seen, k, ctx, type.key);
    pairs.push([key, encodeAtom(valueType, v, { ...ctx, where })]);
  }
  return ['map', pairs];
}

function checkUnique(seen: Set<unknown>, atom: unknown, ctx: NotationContext, base: BaseType): void {
  // Uuids compare without case; two NamedUuid objects with one name are the same row.
  const key = atom instanceof NamedUuid ? atom.toString() : base.type === 'uuid' && typeof atom === 'string' ? atom.toLowerCase() : atom;
  if (seen.has(key)) throw notationError(ctx, `duplicate element ${show(atom)}`);
  seen.add(key);
}

function checkCount(type: ColumnType, n: number, ctx: NotationContext): void {
  if (!type.allowsCount(n)) {
    throw notationError(ctx, `has ${n} element(s), the column allows ${type.min} to ${type.max}`);
  }
}
