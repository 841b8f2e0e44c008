// RFC 7047 s5.1: wire notation <-> the engine's datum, with the base-type constraints of
// s3.2 checked the way ovsdb-server checks them (enum/range/length are "constraint
// violation"; wrong JSON shape and set size are "syntax error").
import { Atom, Datum, makeDatum } from './datum';
import { EngineBaseType, EngineColumnType } from './engine-schema';
import { TxnError, syntaxError } from './txn-error';

/** Resolves a named uuid of the current transaction to its real uuid. */
export type SymbolResolver = (name: string) => string;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function describe(a: Atom): string {
  return typeof a === 'string' ? JSON.stringify(a) : String(a);
}

export function checkAtomConstraints(atom: Atom, base: EngineBaseType): void {
  if (base.enum && !base.enum.some((e) => e === atom)) {
    const allowed = base.enum.map((e) => describe(e)).join(', ');
    throw new TxnError('constraint violation', `${describe(atom)} is not one of the allowed values ([${allowed}])`);
  }
  if (base.type === 'integer' || base.type === 'real') {
    const n = atom as number;
    const min = base.type === 'integer' ? base.minInteger : base.minReal;
    const max = base.type === 'integer' ? base.maxInteger : base.maxReal;
    if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
      const range =
        min !== undefined && max !== undefined
          ? `in the valid range ${min} to ${max} (inclusive)`
          : min !== undefined
            ? `greater than or equal to minimum ${min}`
            : `less than or equal to maximum ${max}`;
      throw new TxnError('constraint violation', `${n} is not ${range}`);
    }
  }
  if (base.type === 'string') {
    const len = Buffer.byteLength(atom as string, 'utf8');
    if ((base.minLength !== undefined && len < base.minLength) || (base.maxLength !== undefined && len > base.maxLength)) {
      throw new TxnError(
        'constraint violation',
        `${describe(atom)} length ${len} is not in the valid range ${base.minLength ?? 0} to ${base.maxLength ?? 'unlimited'} (inclusive)`,
      );
    }
  }
}

export function parseAtom(json: unknown, base: EngineBaseType, resolve?: SymbolResolver): Atom {
  const atom = parseUnchecked(json, base, resolve);
  checkAtomConstraints(atom, base);
  return atom;
}

function parseUnchecked(json: unknown, base: EngineBaseType, resolve?: SymbolResolver): Atom {
  switch (base.type) {
    case 'integer':
      if (typeof json === 'number' && Number.isInteger(json)) return json;
      throw syntaxError(json, 'expected integer');
    case 'real':
      if (typeof json === 'number') return json;
      throw syntaxError(json, 'expected real');
    case 'boolean':
      if (typeof json === 'boolean') return json;
      throw syntaxError(json, 'expected boolean');
    case 'string':
      if (typeof json === 'string') return json;
      throw syntaxError(json, 'expected string');
    case 'uuid':
      if (Array.isArray(json) && json.length === 2 && typeof json[1] === 'string') {
        if (json[0] === 'uuid' && UUID_RE.test(json[1])) return json[1];
        if (json[0] === 'named-uuid' && resolve) return resolve(json[1]);
      }
      throw syntaxError(json, 'expected uuid');
  }
}

/** Parses a column value. `relaxSize` admits any size (mutation and condition operands). */
export function parseDatum(json: unknown, type: EngineColumnType, resolve?: SymbolResolver, relaxSize = false): Datum {
  const isMapType = type.value !== undefined;
  const keys: Atom[] = [];
  const values: Atom[] = [];
  if (isMapType) {
    if (!Array.isArray(json) || json.length !== 2 || json[0] !== 'map' || !Array.isArray(json[1])) {
      throw syntaxError(json, 'expected map');
    }
    for (const pair of json[1] as unknown[]) {
      if (!Array.isArray(pair) || pair.length !== 2) throw syntaxError(pair, 'expected [key, value] pair');
      keys.push(parseAtom(pair[0], type.key, resolve));
      values.push(parseAtom(pair[1], type.value as EngineBaseType, resolve));
    }
  } else if (Array.isArray(json) && json[0] === 'set') {
    if (json.length !== 2 || !Array.isArray(json[1])) throw syntaxError(json, 'expected set');
    for (const el of json[1] as unknown[]) keys.push(parseAtom(el, type.key, resolve));
  } else {
    keys.push(parseAtom(json, type.key, resolve));
  }
  if (!relaxSize && (keys.length < type.min || keys.length > type.max)) {
    const max = type.max === Infinity ? 'unlimited' : String(type.max);
    throw syntaxError(json, `${isMapType ? 'map' : 'set'} must have ${type.min} to ${max} members but ${keys.length} are present`);
  }
  const { datum, duplicate } = makeDatum(keys, isMapType ? values : undefined);
  if (duplicate) throw new TxnError('ovsdb error', isMapType ? 'map contains duplicate key' : 'set contains duplicate');
  return datum;
}

export function encodeAtom(atom: Atom, base: EngineBaseType): unknown {
  return base.type === 'uuid' ? ['uuid', atom] : atom;
}

export function encodeDatum(datum: Datum, type: EngineColumnType): unknown {
  if (type.value !== undefined) {
    const valueType = type.value;
    const values = datum.values ?? [];
    return ['map', datum.keys.map((k, i) => [encodeAtom(k, type.key), encodeAtom(values[i], valueType)])];
  }
  if (datum.keys.length === 1) return encodeAtom(datum.keys[0], type.key);
  return ['set', datum.keys.map((k) => encodeAtom(k, type.key))];
}
