import { stallReport } from './event-loop-watch';

describe('stallReport', () => {
  it('says nothing about a loop that kept up', () => {
    expect(stallReport({ maxMs: 42, p99Ms: 12 })).toBeUndefined();
  });

  it('warns about a stall at or above the bound, with the window p99', () => {
    expect(stallReport({ maxMs: 212.4, p99Ms: 31 })).toBe('event loop stalled up to 212 ms in the last 10 s (p99 31 ms)');
    expect(stallReport({ maxMs: 100, p99Ms: 5 })).toContain('stalled up to 100 ms');
  });
});
