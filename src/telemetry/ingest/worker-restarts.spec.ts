import { RestartBackoff } from './worker-restarts';

describe('RestartBackoff', () => {
  it('doubles the pause for exits in a row, up to the cap, and starts over after a healthy run', () => {
    const b = new RestartBackoff({ baseMs: 1000, maxMs: 5000 }, 60_000);
    // Each worker exits a second after it started: a run of failures.
    expect([1, 2, 3, 4, 5].map((i) => b.next(i * 10_000, i * 10_000 + 1000))).toEqual([1000, 2000, 4000, 5000, 5000]);
    // This one ran two minutes: the next pause is the first one again.
    expect(b.next(100_000, 220_000)).toBe(1000);
    expect(b.next(230_000, 230_500)).toBe(2000);
  });
});
