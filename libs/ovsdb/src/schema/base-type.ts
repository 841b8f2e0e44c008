// RFC 7047 section 3.2, <base-type>: the type of a key or a value of a column, with its
// constraints (enum, integer/real ranges, string lengths, references). The shorthand of
// a bare <atomic-type> string is accepted wherever a <base-type> is.

import { isUuid } from '../notation/uuid';
import { checkMembers, invalid, isJsonObject, optionalInteger, optionalNumber, optionalString, JsonObject } from './schema-json';

export type AtomicType = 'integer' | 'real' | 'boolean' | 'string' | 'uuid';
export type Atom = string | number | boolean;
export type RefType = 'strong' | 'weak';

export const ATOMIC_TYPES: readonly AtomicType[] = ['integer', 'real', 'boolean', 'string', 'uuid'];

export interface BaseType {
  readonly type: AtomicType;
  /** Allowed values; absent when any value of the type is allowed. */
  readonly enum?: ReadonlySet<Atom>;
  readonly minInteger?: number;
  readonly maxInteger?: number;
  readonly minReal?: number;
  readonly maxReal?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly refTable?: string;
  /** Meaningful only with `refTable`; the RFC default is strong. */
  readonly refType: RefType;
}

const BASE_MEMBERS = [
  'type', 'enum', 'minInteger', 'maxInteger', 'minReal', 'maxReal', 'minLength', 'maxLength', 'refTable', 'refType',
] as const;

/** Which constraint members make sense for which atomic type. */
const MEMBERS_OF: Record<AtomicType, readonly string[]> = {
  integer: ['type', 'enum', 'minInteger', 'maxInteger'],
  real: ['type', 'enum', 'minReal', 'maxReal'],
  boolean: ['type', 'enum'],
  string: ['type', 'enum', 'minLength', 'maxLength'],
  uuid: ['type', 'enum', 'refTable', 'refType'],
};

export function isAtomicType(value: unknown): value is AtomicType {
  return typeof value === 'string' && (ATOMIC_TYPES as readonly string[]).includes(value);
}

export function parseBaseType(json: unknown, path: string): BaseType {
  if (typeof json === 'string') {
    if (!isAtomicType(json)) throw invalid(path, `unknown atomic type "${json}"`);
    return { type: json, refType: 'strong' };
  }
  if (!isJsonObject(json)) throw invalid(path, 'must be an atomic type name or a JSON object');
  checkMembers(json, BASE_MEMBERS, path);
  const type = json.type;
  if (!isAtomicType(type)) throw invalid(`${path}.type`, 'must be one of integer, real, boolean, string, uuid');
  for (const key of Object.keys(json)) {
    if (!MEMBERS_OF[type].includes(key)) throw invalid(`${path}.${key}`, `is not allowed for type ${type}`);
  }
  const base: {
    -readonly [K in keyof BaseType]: BaseType[K];
  } = { type, refType: 'strong' };
  if (json.enum !== undefined) base.enum = parseEnum(json.enum, type, `${path}.enum`);
  parseRanges(json, base, path);
  const refTable = optionalString(json, 'refTable', path);
  if (refTable !== undefined) base.refTable = refTable;
  const refType = json.refType;
  if (refType !== undefined) {
    if (refTable === undefined) throw invalid(`${path}.refType`, 'requires refTable');
    if (refType !== 'strong' && refType !== 'weak') throw invalid(`${path}.refType`, 'must be "strong" or "weak"');
    base.refType = refType;
  }
  return base;
}

function parseRanges(json: JsonObject, base: { -readonly [K in keyof BaseType]: BaseType[K] }, path: string): void {
  base.minInteger = optionalInteger(json, 'minInteger', path);
  base.maxInteger = optionalInteger(json, 'maxInteger', path);
  base.minReal = optionalNumber(json, 'minReal', path);
  base.maxReal = optionalNumber(json, 'maxReal', path);
  base.minLength = optionalInteger(json, 'minLength', path, 0);
  base.maxLength = optionalInteger(json, 'maxLength', path, 0);
  checkOrder(base.minInteger, base.maxInteger, `${path}.maxInteger`, 'minInteger');
  checkOrder(base.minReal, base.maxReal, `${path}.maxReal`, 'minReal');
  checkOrder(base.minLength, base.maxLength, `${path}.maxLength`, 'minLength');
  for (const key of ['minInteger', 'maxInteger', 'minReal', 'maxReal', 'minLength', 'maxLength'] as const) {
    if (base[key] === undefined) delete base[key];
  }
}

function checkOrder(min: number | undefined, max: number | undefined, path: string, minName: string): void {
  if (min !== undefined && max !== undefined && max < min) throw invalid(path, `must not be less than ${minName}`);
}

/** An enum is a <value>: one atom, or ["set", [atom, ...]]. */
function parseEnum(json: unknown, type: AtomicType, path: string): ReadonlySet<Atom> {
  const isSet = Array.isArray(json) && json.length === 2 && json[0] === 'set';
  const items: unknown[] = isSet ? expectArray(json[1], `${path}[1]`) : [json];
  const out = new Set<Atom>();
  items.forEach((item, i) => out.add(parseEnumAtom(item, type, isSet ? `${path}[1][${i}]` : path)));
  if (out.size === 0) throw invalid(path, 'must allow at least one value');
  return out;
}

function expectArray(json: unknown, path: string): unknown[] {
  if (!Array.isArray(json)) throw invalid(path, 'must be an array');
  return json;
}

function parseEnumAtom(json: unknown, type: AtomicType, path: string): Atom {
  switch (type) {
    case 'integer':
      if (typeof json === 'number' && Number.isInteger(json)) return json;
      break;
    case 'real':
      if (typeof json === 'number' && Number.isFinite(json)) return json;
      break;
    case 'boolean':
      if (typeof json === 'boolean') return json;
      break;
    case 'string':
      if (typeof json === 'string') return json;
      break;
    case 'uuid':
      if (Array.isArray(json) && json.length === 2 && json[0] === 'uuid' && isUuid(json[1])) return json[1].toLowerCase();
      break;
  }
  throw invalid(path, `must be a ${type} atom`);
}
