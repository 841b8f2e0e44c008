import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  let clock = 0;
  const now = (): number => clock;
  beforeEach(() => (clock = 0));

  it('lets a full burst through, then refuses', () => {
    const b = new TokenBucket(10, 3, now);
    expect([b.tryTake(), b.tryTake(), b.tryTake(), b.tryTake()]).toEqual([true, true, true, false]);
  });

  it('refills at the configured rate', () => {
    const b = new TokenBucket(10, 3, now);
    for (let i = 0; i < 3; i++) b.tryTake();
    clock += 99;
    expect(b.tryTake()).toBe(false);
    clock += 1; // 100 ms at 10/s is one token
    expect(b.tryTake()).toBe(true);
    expect(b.tryTake()).toBe(false);
  });

  it('never holds more than the burst size', () => {
    const b = new TokenBucket(10, 2, now);
    clock += 60_000;
    expect(b.available).toBe(2);
    expect([b.tryTake(), b.tryTake(), b.tryTake()]).toEqual([true, true, false]);
  });

  it('ignores a clock that goes backwards', () => {
    const b = new TokenBucket(1, 1, now);
    b.tryTake();
    clock = -5000;
    expect(b.tryTake()).toBe(false);
  });

  it('rejects nonsensical settings', () => {
    expect(() => new TokenBucket(0, 1, now)).toThrow(RangeError);
    expect(() => new TokenBucket(1, 0, now)).toThrow(RangeError);
  });
});
