import { PresenceTracker } from './presence-tracker';

const HOUR = 3_600_000;

describe('PresenceTracker', () => {
  it('a first sighting is a discovery; roaming, renewals and quick reconnects are not', () => {
    const t = new PresenceTracker(HOUR);
    expect(t.sighted('p', 'loc', 'm', 'n1', 0)).toBe(true);
    // Roams to another node: joins n2 before leaving n1.
    expect(t.sighted('p', 'loc', 'm', 'n2', 1000)).toBe(false);
    t.left('loc', 'm', 'n1', 1000);
    expect(t.sighted('p', 'loc', 'm', null, 2000)).toBe(false);
    t.left('loc', 'm', 'n2', 10 * HOUR);
    expect(t.sighted('p', 'loc', 'm', 'n1', 10 * HOUR + 60_000)).toBe(false);
  });

  it('after an absence of the rediscovery time, a sighting is a new discovery', () => {
    const t = new PresenceTracker(HOUR);
    expect(t.sighted('p', 'loc', 'm', 'n1', 0)).toBe(true);
    t.left('loc', 'm', 'n1', 5 * HOUR);
    expect(t.sighted('p', 'loc', 'm', 'n1', 6 * HOUR)).toBe(true);
  });

  it('tracks providers and locations apart; sweeps the long absent', () => {
    const t = new PresenceTracker(HOUR);
    expect(t.sighted('p1', 'loc', 'm', 'n1', 0)).toBe(true);
    expect(t.sighted('p2', 'loc', 'm', 'n1', 0)).toBe(true);
    expect(t.sighted('p1', 'other', 'm', null, 0)).toBe(true);
    t.left('loc', 'm', 'n1', 0);
    t.sweep(2 * HOUR);
    expect(t.size).toBe(0);
  });

  it('says whether a leaving client is tracked, and lists the clients present (one node each)', () => {
    const t = new PresenceTracker(HOUR);
    expect(t.left('loc', 'unmatched', 'n1', 0)).toBe(false);
    t.sighted('p', 'loc', 'm', 'n1', 0);
    t.sighted('p', 'loc', 'm', 'n2', 0);
    t.sighted('q', 'loc', 'm', null, 0);
    t.sighted('p', 'loc', 'wired', null, 0);
    expect(t.present()).toEqual([{ providerId: 'p', locationId: 'loc', mac: 'm', nodeId: 'n1' }]);
    expect(t.left('loc', 'm', 'n1', 1000)).toBe(true);
    expect(t.present()).toEqual([{ providerId: 'p', locationId: 'loc', mac: 'm', nodeId: 'n2' }]);
    t.left('loc', 'm', 'n2', 2000);
    expect(t.present()).toEqual([]);
  });
});
