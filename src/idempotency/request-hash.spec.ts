import { checkIdempotencyKey, requestHash } from './request-hash';

describe('request hash', () => {
  it('ignores key order and undefined fields', () => {
    expect(requestHash({ a: 1, b: { c: [1, 2], d: undefined } })).toBe(requestHash({ b: { c: [1, 2] }, a: 1 }));
  });

  it('differs when a value or the array order differs', () => {
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: 2 }));
    expect(requestHash({ a: [1, 2] })).not.toBe(requestHash({ a: [2, 1] }));
    expect(requestHash({ at: new Date(0) })).toBe(requestHash({ at: new Date(0) }));
  });

  it('checks the key shape', () => {
    expect(checkIdempotencyKey('idempotencyKey', undefined)).toEqual([]);
    expect(checkIdempotencyKey('idempotencyKey', 'c1b2-retry-7')).toEqual([]);
    expect(checkIdempotencyKey('idempotencyKey', '')).toHaveLength(1);
    expect(checkIdempotencyKey('idempotencyKey', 'has space')).toHaveLength(1);
    expect(checkIdempotencyKey('idempotencyKey', 'k'.repeat(129))).toHaveLength(1);
  });
});
