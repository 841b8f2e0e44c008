import { ClientBlocks } from './client-blocks';

const NOW = new Date('2026-01-01T12:00:00Z');
const at = (s: number): Date => new Date(NOW.getTime() + s * 1000);

describe('ClientBlocks', () => {
  it('gives each node its own blocks in force, a replaced key once', () => {
    const blocks = new ClientBlocks();
    blocks.set('n1', 't1', { mac: 'aa:bb:cc:00:00:01', until: at(10) });
    blocks.set('n1', 't1', { mac: 'aa:bb:cc:00:00:01', until: at(20) });
    blocks.set('n1', 't2', { mac: 'aa:bb:cc:00:00:02', until: at(5) });
    blocks.set('n2', 't3', { mac: 'aa:bb:cc:00:00:03', until: at(5) });
    expect(blocks.activeFor('n1', NOW)).toEqual([
      { mac: 'aa:bb:cc:00:00:01', until: at(20) },
      { mac: 'aa:bb:cc:00:00:02', until: at(5) },
    ]);
    expect(blocks.activeFor('n3', NOW)).toEqual([]);
  });

  it('forgets ended blocks: a later read does not bring them back', () => {
    const blocks = new ClientBlocks();
    blocks.set('n1', 't1', { mac: 'aa:bb:cc:00:00:01', until: at(10) });
    blocks.set('n1', 't2', { mac: 'aa:bb:cc:00:00:02', until: at(5) });
    expect(blocks.activeFor('n1', at(5)).map((b) => b.mac)).toEqual(['aa:bb:cc:00:00:01']);
    expect(blocks.activeFor('n1', NOW).map((b) => b.mac)).toEqual(['aa:bb:cc:00:00:01']);
    expect(blocks.activeFor('n1', at(10))).toEqual([]);
    expect(blocks.activeFor('n1', NOW)).toEqual([]);
  });
});
