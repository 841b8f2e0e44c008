import { stallReport } from './event-loop-watch';

describe('stallReport', () => {
  it('says nothing about a loop that kept up', () => {
    expect(stallReport({ maxMs: 42, p99Ms: 12 })).toBeUndefined();
  });

  it('warns about a stall at or above the bound, with the window p99', () => {
    expect(stallReport({ maxMs: 212.4, p99Ms: 31 })).toBe('event loop stalled up to 212 ms in the last 10 s (p99 31 ms; no full GC)');
    expect(stallReport({ maxMs: 100, p99Ms: 5 })).toContain('stalled up to 100 ms');
  });

  it('says whether full collections ran in the window', () => {
    expect(stallReport({ maxMs: 330, p99Ms: 40, fullCollections: 1, fullCollectionPauseMs: 28.2 })).toBe(
      'event loop stalled up to 330 ms in the last 10 s (p99 40 ms; 1 full GC, 28 ms of final pauses)',
    );
    expect(stallReport({ maxMs: 150, p99Ms: 9, fullCollections: 2, fullCollectionPauseMs: 61 })).toContain('2 full GCs, 61 ms');
    expect(stallReport({ maxMs: 20, p99Ms: 9, fullCollections: 3, fullCollectionPauseMs: 90 })).toBeUndefined();
  });
});
