// Equality of OVSDB column values as OpenSync judges convergence: sets and maps have no
// order, an empty set, an empty map and an absent optional value all mean "nothing", and
// MAC addresses compare case-insensitively (devices report them in either case). Values
// follow the project's notation: atoms, arrays for sets, Map for maps, undefined for empty.

const MAC_PATTERN = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i;

export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (value instanceof Map) return value.size === 0;
  return false;
}

/** A string that is equal for two values exactly when OpenSync considers them equal. */
export function canonicalValue(value: unknown): string {
  if (isEmptyValue(value)) return '∅';
  if (Array.isArray(value)) {
    return `set(${value.map(canonicalAtom).sort().join(',')})`;
  }
  if (value instanceof Map) {
    const entries = [...value.entries()].map(([k, v]) => `${canonicalAtom(k)}=>${canonicalAtom(v)}`);
    return `map(${entries.sort().join(',')})`;
  }
  // A one-element set and its atom are the same datum on the wire.
  return `set(${canonicalAtom(value)})`;
}

function canonicalAtom(atom: unknown): string {
  if (typeof atom === 'string') {
    return JSON.stringify(MAC_PATTERN.test(atom) ? atom.toLowerCase() : atom);
  }
  if (typeof atom === 'number' || typeof atom === 'boolean') return JSON.stringify(atom);
  return JSON.stringify(String(atom));
}

export function valuesEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // Two atoms of one type, the common case, compare without building canonical strings.
  if (typeof a === typeof b && (typeof a === 'string' || typeof a === 'number' || typeof a === 'boolean')) {
    return typeof a === 'string' && MAC_PATTERN.test(a) && MAC_PATTERN.test(b as string) && a.toLowerCase() === (b as string).toLowerCase();
  }
  return canonicalValue(a) === canonicalValue(b);
}
