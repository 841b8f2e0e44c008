import { sameValue } from './wire-values';

describe('sameValue', () => {
  it('compares atoms by value and type', () => {
    expect(sameValue('wpa2', 'wpa2')).toBe(true);
    expect(sameValue('wpa2', 'wpa3')).toBe(false);
    expect(sameValue(1, '1')).toBe(false);
    expect(sameValue(true, true)).toBe(true);
    expect(sameValue(0, false)).toBe(false);
  });

  it('treats an atom as the one-element set and absence as the empty set', () => {
    expect(sameValue('x', ['x'])).toBe(true);
    expect(sameValue(['x'], 'x')).toBe(true);
    expect(sameValue(undefined, [])).toBe(true);
    expect(sameValue(undefined, 'x')).toBe(false);
    expect(sameValue(undefined, undefined)).toBe(true);
  });

  it('compares sets and maps without order', () => {
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(sameValue(['a', 'b'], ['a'])).toBe(false);
    expect(sameValue(new Map([['k', 'v'], ['j', 'w']]), new Map([['j', 'w'], ['k', 'v']]))).toBe(true);
    expect(sameValue(new Map([['k', 'v']]), new Map([['k', 'w']]))).toBe(false);
  });
});
