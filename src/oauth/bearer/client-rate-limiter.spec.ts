import { ClientRateLimiter } from './client-rate-limiter';

describe('ClientRateLimiter', () => {
  it('allows the limit per client per minute from its first request, then says how long to wait', () => {
    let now = 1_000_000;
    const limiter = new ClientRateLimiter(2, () => now);
    expect(limiter.take('a')).toBeUndefined();
    now += 10_000;
    expect(limiter.take('a')).toBeUndefined();
    expect(limiter.take('a')).toBe(50);
    expect(limiter.take('b')).toBeUndefined();
    now += 50_000;
    expect(limiter.take('a')).toBeUndefined();
  });
});
