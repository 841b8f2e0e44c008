import { PrefixTrie } from './vendor-id-trie';

describe('PrefixTrie', () => {
  it('finds every registered prefix of a text, left to right, and nothing else', () => {
    const trie = new PrefixTrie<string>();
    trie.add('sp_', 'a');
    trie.add('sp_rgw', 'b');
    trie.add('sp_rgw_01', 'c');
    trie.add('other', 'd');
    expect(trie.matches('sp_rgw_01').sort()).toEqual(['a', 'b', 'c']);
    expect(trie.matches('sp_rgw_02')).toEqual(['a', 'b']);
    expect(trie.matches('xsp_rgw')).toEqual([]);
    expect(trie.matches('sp')).toEqual([]);
    expect(trie.matches('SP_rgw')).toEqual([]);
  });

  it('removes values and prunes; the size follows', () => {
    const trie = new PrefixTrie<{ p: string }>();
    trie.add('abc', { p: 'x' });
    trie.add('abc', { p: 'y' });
    trie.add('ab', { p: 'x' });
    expect(trie.size).toBe(3);
    expect(trie.remove('abc', (v) => v.p === 'x')).toBe(1);
    expect(trie.matches('abcd').map((v) => v.p)).toEqual(['x', 'y']);
    expect(trie.remove('abc', () => true)).toBe(1);
    expect(trie.remove('zzz', () => true)).toBe(0);
    expect(trie.matches('abcd').map((v) => v.p)).toEqual(['x']);
    expect(trie.size).toBe(1);
  });
});
