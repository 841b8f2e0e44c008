import { checkClientMac, checkNickname, normalizeClientMac } from './client-rules';

describe('client rules', () => {
  it('accepts MACs with either separator and either case, refuses the rest', () => {
    expect(normalizeClientMac(' AA-BB-CC-00-00-01 ')).toBe('aa:bb:cc:00:00:01');
    expect(checkClientMac('mac', 'AA:BB:CC:00:00:01')).toEqual([]);
    expect(checkClientMac('mac', 'aa:bb:cc:00:00')).toHaveLength(1);
    expect(checkClientMac('mac', 'zz:bb:cc:00:00:01')).toHaveLength(1);
  });

  it('accepts a short printable nickname or a clear, refuses long or control characters', () => {
    expect(checkNickname('nickname', 'Anna laptop')).toEqual([]);
    expect(checkNickname('nickname', null)).toEqual([]);
    expect(checkNickname('nickname', '  ')).toEqual([]);
    expect(checkNickname('nickname', 'x'.repeat(65))).toHaveLength(1);
    expect(checkNickname('nickname', 'a\nb')).toHaveLength(1);
  });
});
