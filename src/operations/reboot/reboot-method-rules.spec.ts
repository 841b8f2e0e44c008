import { globMatches, RebootMethod, rebootMethodFor } from './reboot-method-rules';

describe('reboot method rules', () => {
  it('globs match whole values, case-insensitively, "*" as any run', () => {
    expect(globMatches('EA8300*', 'ea8300-v2')).toBe(true);
    expect(globMatches('*', '')).toBe(true);
    expect(globMatches('EA8300', 'EA8300-v2')).toBe(false);
    expect(globMatches('a.b', 'axb')).toBe(false);
  });

  it('the most specific matching rule wins; none matching is the TIP default', () => {
    const rules = [
      { modelPattern: '*', firmwarePattern: '*', method: RebootMethod.NONE },
      { modelPattern: 'SIM-*', firmwarePattern: '*', method: RebootMethod.TIP_FIRMWARE_URL },
      { modelPattern: 'SIM-AP-1', firmwarePattern: '0.*', method: RebootMethod.NONE },
    ];
    expect(rebootMethodFor(rules, 'SIM-AP-1', '1.0.0')).toBe(RebootMethod.TIP_FIRMWARE_URL);
    expect(rebootMethodFor(rules, 'SIM-AP-1', '0.9')).toBe(RebootMethod.NONE);
    expect(rebootMethodFor(rules, 'OTHER', '1')).toBe(RebootMethod.NONE);
    expect(rebootMethodFor([], null, null)).toBe(RebootMethod.TIP_FIRMWARE_URL);
  });
});
