// RFC 7047 s5.1: turns the plain values managers write (never uuids: references are built
// explicitly) into wire notation. An absent value is the empty set, which clears a column.
import { Value } from '@lib/ovsdb';

export function toWire(value: Value): unknown {
  if (value === undefined) return ['set', []];
  if (Array.isArray(value)) return ['set', value];
  if (value instanceof Map) return ['map', [...value.entries()]];
  return value;
}

export function wireRow(row: Readonly<Record<string, Value>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = toWire(v);
  return out;
}

/** Equality of two values in the project notation (sets and maps without order). */
export function sameValue(a: Value, b: Value): boolean {
  if (a === b) return true;
  // Two atoms: equal only if identical (an atom equals a one-element set, handled below).
  if (a !== undefined && b !== undefined && typeof a !== 'object' && typeof b !== 'object') return false;
  const norm = (v: Value): string => {
    if (v === undefined) return '[]';
    if (Array.isArray(v)) return JSON.stringify([...v].map((x) => JSON.stringify(x)).sort());
    if (v instanceof Map) return JSON.stringify([...v.entries()].map((e) => JSON.stringify(e)).sort());
    return JSON.stringify([JSON.stringify(v)]);
  };
  return norm(a) === norm(b);
}

/** A deterministic locally-administered MAC for a simulated interface. */
export function simulatedMac(serial: string, name: string): string {
  let h = 2166136261;
  for (const ch of `${serial}/${name}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const bytes = [0x02, (h >>> 24) & 0xff, (h >>> 16) & 0xff, (h >>> 8) & 0xff, h & 0xff, name.length & 0xff];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** A stable pseudo-random number in [0, 1) from a string (fault decisions, jitter). */
export function stableFraction(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h / 4294967296;
}
