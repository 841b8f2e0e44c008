import { canonicalValue, isEmptyValue, valuesEqual } from './value-equality';

describe('valuesEqual', () => {
  it('compares atoms exactly', () => {
    expect(valuesEqual('home', 'home')).toBe(true);
    expect(valuesEqual('home', 'Home')).toBe(false);
    expect(valuesEqual(1, 1)).toBe(true);
    expect(valuesEqual(1, '1')).toBe(false);
    expect(valuesEqual(true, false)).toBe(false);
  });

  it('ignores set order but not multiplicity of distinct members', () => {
    expect(valuesEqual(['wpa-psk', 'sae'], ['sae', 'wpa-psk'])).toBe(true);
    expect(valuesEqual(['wpa-psk'], ['wpa-psk', 'sae'])).toBe(false);
  });

  it('ignores map order and compares keys and values', () => {
    const a = new Map([['key--1', 'p1'], ['key-2', 'p2']]);
    expect(valuesEqual(a, new Map([['key-2', 'p2'], ['key--1', 'p1']]))).toBe(true);
    expect(valuesEqual(a, new Map([['key--1', 'p1'], ['key-2', 'other']]))).toBe(false);
    expect(valuesEqual(a, new Map([['key--1', 'p1']]))).toBe(false);
  });

  it('treats undefined, [] and an empty Map as the same empty value', () => {
    expect(valuesEqual(undefined, [])).toBe(true);
    expect(valuesEqual(new Map(), undefined)).toBe(true);
    expect(valuesEqual([], 0)).toBe(false);
    expect(isEmptyValue('')).toBe(false);
  });

  it('compares MAC addresses case-insensitively, alone, in sets and in maps', () => {
    expect(valuesEqual('AA:BB:CC:00:11:22', 'aa:bb:cc:00:11:22')).toBe(true);
    expect(valuesEqual(['AA:BB:CC:00:11:22'], ['aa:bb:cc:00:11:22'])).toBe(true);
    expect(valuesEqual(new Map([['k', 'AA:BB:CC:00:11:22']]), new Map([['k', 'aa:bb:cc:00:11:22']]))).toBe(true);
    expect(valuesEqual('AA:BB:CC:00:11:22', 'aa:bb:cc:00:11:23')).toBe(false);
  });

  it('leaves other strings case-sensitive even when they look hexadecimal', () => {
    expect(valuesEqual('ABCDEF', 'abcdef')).toBe(false);
  });

  it('treats an atom and a one-element set as the same datum', () => {
    expect(valuesEqual('sae', ['sae'])).toBe(true);
  });

  it('does not confuse a string containing a comma with two set members', () => {
    expect(canonicalValue(['a,b'])).not.toBe(canonicalValue(['a', 'b']));
  });

  it('agrees with the canonical form for every pair of atoms (the fast path for atoms)', () => {
    const atoms: unknown[] = ['home', 'Home', '', '1', 1, 0, 1.5, true, false, 'AA:BB:CC:00:11:22', 'aa:bb:cc:00:11:22', 'aa:bb:cc:00:11:23', 'ABCDEF', 'abcdef'];
    for (const a of atoms) {
      for (const b of atoms) expect([a, b, valuesEqual(a, b)]).toEqual([a, b, canonicalValue(a) === canonicalValue(b)]);
    }
  });
});
