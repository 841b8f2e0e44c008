import { PlacementIndex } from './placement-index';

const at = (index: PlacementIndex, locationId: string): string[] => [...index.nodesAt(locationId)].sort();

describe('PlacementIndex', () => {
  it('finds one node, then several, at a location, and none at another', () => {
    const index = new PlacementIndex();
    index.place('gw', 'home');
    expect(at(index, 'home')).toEqual(['gw']);
    index.place('ext1', 'home');
    index.place('ext2', 'home');
    expect(at(index, 'home')).toEqual(['ext1', 'ext2', 'gw']);
    expect(at(index, 'elsewhere')).toEqual([]);
  });

  it('moves a node that is placed again, and forgets removed ones down to none', () => {
    const index = new PlacementIndex();
    index.place('gw', 'home');
    index.place('ext', 'home');
    index.place('ext', 'office');
    expect(at(index, 'home')).toEqual(['gw']);
    expect(at(index, 'office')).toEqual(['ext']);
    index.place('gw', 'home');
    expect(at(index, 'home')).toEqual(['gw']);
    index.place('ext', 'home');
    index.remove('gw');
    expect(at(index, 'home')).toEqual(['ext']);
    index.remove('ext');
    index.remove('ext');
    index.remove('never-placed');
    expect(at(index, 'home')).toEqual([]);
    expect(at(index, 'office')).toEqual([]);
  });

  it('agrees with a plain model over a seeded random sequence of moves', () => {
    const index = new PlacementIndex();
    const model = new Map<string, string>();
    let seed = 7;
    const next = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    for (let step = 0; step < 2000; step++) {
      const node = `n${next(12)}`;
      if (next(4) === 0) {
        index.remove(node);
        model.delete(node);
      } else {
        const location = `l${next(4)}`;
        index.place(node, location);
        model.set(node, location);
      }
      for (const location of ['l0', 'l1', 'l2', 'l3']) {
        const expected = [...model].filter(([, l]) => l === location).map(([n]) => n).sort();
        expect(at(index, location)).toEqual(expected);
      }
    }
  });
});
