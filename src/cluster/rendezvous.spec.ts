import { rendezvousOwner } from './rendezvous';

const serials = Array.from({ length: 3000 }, (_, i) => `SIM${String(i).padStart(6, '0')}`);

function owners(ids: string[]): Map<string, string | undefined> {
  return new Map(serials.map((s) => [s, rendezvousOwner(s, ids)]));
}

describe('rendezvousOwner', () => {
  it('has no owner without live instances', () => {
    expect(rendezvousOwner('SIM1', [])).toBeUndefined();
  });

  it('does not depend on the order the instances are listed in', () => {
    const a = owners(['a', 'b', 'c']);
    const b = owners(['c', 'a', 'b']);
    expect(b).toEqual(a);
  });

  it('spreads devices over the instances', () => {
    const counts = new Map<string, number>();
    for (const owner of owners(['a', 'b', 'c']).values()) counts.set(owner!, (counts.get(owner!) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(['a', 'b', 'c']);
    for (const n of counts.values()) {
      expect(n).toBeGreaterThan(800);
      expect(n).toBeLessThan(1200);
    }
  });

  it('moves only the devices of an instance that goes', () => {
    const before = owners(['a', 'b', 'c']);
    const after = owners(['a', 'c']);
    for (const s of serials) {
      if (before.get(s) !== 'b') expect(after.get(s)).toBe(before.get(s));
      else expect(['a', 'c']).toContain(after.get(s));
    }
  });

  it('moves devices only to an instance that joins, about a quarter of them', () => {
    const before = owners(['a', 'b', 'c']);
    const after = owners(['a', 'b', 'c', 'd']);
    let moved = 0;
    for (const s of serials) {
      if (after.get(s) === before.get(s)) continue;
      expect(after.get(s)).toBe('d');
      moved++;
    }
    expect(moved).toBeGreaterThan(600);
    expect(moved).toBeLessThan(900);
  });
});
