import { discoveryCutoffs, forgettableBefore, isNewDiscovery } from './discovery-rule';

const MIN = 60_000;
const HOUR = 60 * MIN;
const local = { rediscoveryAfterMs: HOUR, presenceStaleAfterMs: Infinity };
const shared = { rediscoveryAfterMs: HOUR, presenceStaleAfterMs: 5 * MIN };

describe('isNewDiscovery', () => {
  it('nothing known: new', () => {
    expect(isNewDiscovery(undefined, 0, local)).toBe(true);
    expect(isNewDiscovery(undefined, 0, shared)).toBe(true);
  });

  it('present: not new, however long ago it was confirmed, while presence does not go stale', () => {
    expect(isNewDiscovery({ present: true, lastSeen: 0 }, 10 * HOUR, local)).toBe(false);
  });

  it('absent: new once the rediscovery time has passed since it was last seen, not before', () => {
    expect(isNewDiscovery({ present: false, lastSeen: 0 }, HOUR - 1, local)).toBe(false);
    expect(isNewDiscovery({ present: false, lastSeen: 0 }, HOUR, local)).toBe(true);
    expect(isNewDiscovery({ present: false, lastSeen: 0 }, HOUR, shared)).toBe(true);
  });

  it('presence not confirmed within the stale time counts as absence since it was last confirmed', () => {
    // Confirmed 4 minutes ago: present.
    expect(isNewDiscovery({ present: true, lastSeen: 0 }, 4 * MIN, { ...shared, rediscoveryAfterMs: 0 })).toBe(false);
    // 5 minutes: stale; absent since then, and the rediscovery time (0) has passed.
    expect(isNewDiscovery({ present: true, lastSeen: 0 }, 5 * MIN, { ...shared, rediscoveryAfterMs: 0 })).toBe(true);
    // Stale, but last seen less than the rediscovery time ago: the same discovery.
    expect(isNewDiscovery({ present: true, lastSeen: 0 }, 30 * MIN, shared)).toBe(false);
    expect(isNewDiscovery({ present: true, lastSeen: 0 }, HOUR, shared)).toBe(true);
  });

  it('a rediscovery time of zero: every sighting of an absent client is new, of a present one not', () => {
    const zero = { rediscoveryAfterMs: 0, presenceStaleAfterMs: Infinity };
    expect(isNewDiscovery({ present: false, lastSeen: 100 }, 100, zero)).toBe(true);
    expect(isNewDiscovery({ present: true, lastSeen: 100 }, 100, zero)).toBe(false);
  });
});

describe('cut-offs', () => {
  it('are the instants the rule compares lastSeen with', () => {
    expect(discoveryCutoffs(10 * HOUR, shared)).toEqual({ stalePresenceBefore: 10 * HOUR - 5 * MIN, absentSinceAtMost: 9 * HOUR });
  });

  it('a row last seen at or before forgettableBefore decides like none, for any later sighting', () => {
    for (const times of [shared, { rediscoveryAfterMs: MIN, presenceStaleAfterMs: 5 * MIN }]) {
      const now = 10 * HOUR;
      const lastSeen = forgettableBefore(now, times);
      for (const at of [now, now + 1, now + HOUR]) {
        for (const present of [true, false]) expect(isNewDiscovery({ present, lastSeen }, at, times)).toBe(isNewDiscovery(undefined, at, times));
      }
    }
  });
});
