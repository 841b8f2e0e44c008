import { macListProblem, macListWords, MAX_MACS, parseMacList } from './mac-list';

describe('MAC lists as typed', () => {
  it('reads one per line, spaces or commas, any case and separator; lower case, sorted, once each', () => {
    expect(parseMacList('AA-BB-CC-DD-EE-01\n aa:bb:cc:dd:ee:00, aa:bb:cc:dd:ee:01\n\n')).toEqual({ macs: ['aa:bb:cc:dd:ee:00', 'aa:bb:cc:dd:ee:01'], bad: [] });
  });

  it('names entries that are not MACs, mixed separators included', () => {
    const parsed = parseMacList('aa:bb:cc:dd:ee:ff\naa:bb-cc:dd:ee:ff\nnot-a-mac\naabbccddeeff');
    expect(parsed.bad).toEqual(['aa:bb-cc:dd:ee:ff', 'not-a-mac', 'aabbccddeeff']);
    expect(macListProblem(parsed)).toBe('Not a MAC address: aa:bb-cc:dd:ee:ff, not-a-mac, aabbccddeeff.');
  });

  it('refuses an empty list (remove it instead) and more than the API takes', () => {
    expect(macListProblem(parseMacList('  '))).toContain('remove the list');
    const many = Array.from({ length: MAX_MACS + 1 }, (_, i) => `02:00:00:00:${((i >> 8) & 0xff).toString(16).padStart(2, '0')}:${(i & 0xff).toString(16).padStart(2, '0')}`).join('\n');
    expect(macListProblem(parseMacList(many))).toContain('At most 512');
    expect(macListProblem(parseMacList('02:00:00:00:00:01'))).toBeUndefined();
  });

  it('says what a list does', () => {
    expect(macListWords(null)).toBe('none');
    expect(macListWords({ mode: 'ALLOW', macs: ['a', 'b'] })).toBe('only 2 allowed');
    expect(macListWords({ mode: 'DENY', macs: ['a'] })).toBe('1 denied');
  });
});
