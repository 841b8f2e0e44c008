// RFC 7047 s5.1: the server's internal form of a column value. A datum is a sorted set of
// atoms (or of key/value pairs for a map) so that equality, set algebra and the output
// order ovsdb-server uses (sorted) all come from one representation.
import { defaultAtom } from '@lib/ovsdb';
import { EngineBaseType, EngineColumnType } from './engine-schema';

export type Atom = string | number | boolean;

export interface Datum {
  /** Sorted, unique. */
  readonly keys: readonly Atom[];
  /** Parallel to `keys` for maps; absent for sets. */
  readonly values?: readonly Atom[];
}

export const EMPTY_SET: Datum = { keys: [] };
export const EMPTY_MAP: Datum = { keys: [], values: [] };

export function compareAtoms(a: Atom, b: Atom): number {
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function defaultDatum(type: EngineColumnType): Datum {
  if (type.min === 0) return type.value ? EMPTY_MAP : EMPTY_SET;
  const key = defaultAtom(type.key.type);
  return type.value ? { keys: [key], values: [defaultAtom(type.value.type)] } : { keys: [key] };
}

/** Builds a datum from pairs in any order; a later duplicate key is reported, not merged. */
export function makeDatum(keys: Atom[], values?: Atom[]): { datum: Datum; duplicate: boolean } {
  const idx = keys.map((_, i) => i).sort((i, j) => compareAtoms(keys[i], keys[j]));
  const k: Atom[] = [];
  const v: Atom[] = [];
  let duplicate = false;
  for (const i of idx) {
    if (k.length > 0 && compareAtoms(k[k.length - 1], keys[i]) === 0) {
      duplicate = true;
      continue;
    }
    k.push(keys[i]);
    if (values) v.push(values[i]);
  }
  return { datum: values ? { keys: k, values: v } : { keys: k }, duplicate };
}

export function datumEquals(a: Datum, b: Datum): boolean {
  if (a.keys.length !== b.keys.length) return false;
  for (let i = 0; i < a.keys.length; i++) {
    if (compareAtoms(a.keys[i], b.keys[i]) !== 0) return false;
    if (a.values && b.values && compareAtoms(a.values[i], b.values[i]) !== 0) return false;
  }
  return true;
}

export function findKey(d: Datum, key: Atom): number {
  let lo = 0;
  let hi = d.keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = compareAtoms(d.keys[mid], key);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Every atom of `a` (pair, for maps) is in `b`. */
export function datumIncludes(b: Datum, a: Datum): boolean {
  for (let i = 0; i < a.keys.length; i++) {
    const j = findKey(b, a.keys[i]);
    if (j < 0) return false;
    if (a.values && b.values && compareAtoms(a.values[i], b.values[j]) !== 0) return false;
  }
  return true;
}

/** The uuids a datum references through base types with `refTable`. */
export function referencedUuids(datum: Datum, type: EngineColumnType, refType: 'strong' | 'weak'): string[] {
  const out: string[] = [];
  const pick = (base: EngineBaseType | undefined, atoms: readonly Atom[] | undefined): void => {
    if (!base || !atoms || base.type !== 'uuid' || !base.refTable) return;
    if ((base.refType ?? 'strong') !== refType) return;
    for (const a of atoms) out.push(a as string);
  };
  pick(type.key, datum.keys);
  pick(type.value, datum.values);
  return out;
}
