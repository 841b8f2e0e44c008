import { checkMacList, MAX_MACS_PER_LIST, macAclOf } from './mac-list-rules';
import { MacListMode } from './network-mac-list.entity';

describe('MAC list rules', () => {
  it('stores MACs canonical, sorted and once', () => {
    expect(checkMacList(['AA-BB-CC-DD-EE-02', ' aa:bb:cc:dd:ee:01', 'aa:bb:cc:dd:ee:02'])).toEqual({ macs: ['aa:bb:cc:dd:ee:01', 'aa:bb:cc:dd:ee:02'], errors: [] });
  });

  it('names every bad entry, and refuses an empty or oversized list', () => {
    expect(checkMacList(['aa:bb:cc:dd:ee:01', 'aa:bb:cc:dd:ee', 'zz:bb:cc:dd:ee:01']).errors.map((e) => e.field)).toEqual(['macs[1]', 'macs[2]']);
    expect(checkMacList([]).errors.map((e) => e.field)).toEqual(['macs']);
    const many = Array.from({ length: MAX_MACS_PER_LIST + 1 }, (_, i) => `02:00:00:00:${(i >> 8).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}`);
    expect(checkMacList(many).errors.map((e) => e.field)).toEqual(['macs']);
    expect(checkMacList(many.slice(1)).errors).toEqual([]);
  });

  it('maps to the device rules\' list', () => {
    expect(macAclOf({ mode: MacListMode.ALLOW, macs: ['aa:bb:cc:dd:ee:01'] })).toEqual({ mode: 'ALLOW', macs: ['aa:bb:cc:dd:ee:01'] });
    expect(macAclOf({ mode: MacListMode.DENY, macs: [] }).mode).toBe('DENY');
  });
});
