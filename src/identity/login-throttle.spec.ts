import { FailureCounter, LoginThrottle, ThrottlePolicy } from './login-throttle';

const policy: ThrottlePolicy = { freeFailures: 3, baseLockMs: 1000, maxLockMs: 8000, forgetAfterMs: 60_000 };

describe('FailureCounter', () => {
  it('allows the free failures, then locks for a doubling time up to the cap', () => {
    const counter = new FailureCounter(policy);
    expect([1, 2, 3].map(() => counter.fail('a', 0))).toEqual([0, 0, 0]);
    expect([4, 5, 6, 7, 8].map(() => counter.fail('a', 0))).toEqual([1000, 2000, 4000, 8000, 8000]);
    expect(counter.retryInMs('a', 500)).toBe(7500);
    expect(counter.retryInMs('b', 500)).toBe(0);
  });

  it('forgets a key after a quiet period, and bounds the keys it keeps', () => {
    const counter = new FailureCounter(policy, 2);
    counter.fail('a', 0);
    expect(counter.retryInMs('a', 70_000)).toBe(0);
    for (const key of ['x', 'y', 'z']) counter.fail(key, 0);
    expect(counter.size).toBe(2);
  });
});

describe('LoginThrottle', () => {
  it('refuses a locked account or source with the seconds to wait, and a success clears the account', () => {
    const throttle = new LoginThrottle(policy, { ...policy, freeFailures: 5 });
    for (let i = 0; i < 4; i++) throttle.failed('victim@x', '10.0.0.1', 0);
    expect(throttle.check('victim@x', '10.0.0.2', 0)).toEqual({ retryAfterSeconds: 1 });
    expect(throttle.check('other@x', '10.0.0.2', 0)).toEqual({});
    for (let i = 0; i < 2; i++) throttle.failed(`other${i}@x`, '10.0.0.1', 0);
    expect(throttle.check('fresh@x', '10.0.0.1', 0).retryAfterSeconds).toBeGreaterThan(0);
    throttle.succeeded('victim@x');
    expect(throttle.check('victim@x', '10.0.0.2', 0)).toEqual({});
  });
});
