import { describeMismatch } from './convergence';

describe('describeMismatch', () => {
  it('names the column and both values', () => {
    expect(describeMismatch({ reason: 'CONFIG_DIFFERS', ifName: 'ctl2-ap-24', column: 'ssid', config: 'Old', desired: 'New' })).toBe(
      'ctl2-ap-24: the configuration on the device is not what the controller wants yet: ssid is "Old", wanted "New".',
    );
    expect(describeMismatch({ reason: 'STATE_DIFFERS', ifName: 'x', column: 'enabled', state: false, config: true, desired: true })).toContain('enabled is false, wanted true');
  });

  it('never shows the value of a column that can carry a key', () => {
    const text = describeMismatch({ reason: 'CONFIG_DIFFERS', ifName: 'x', column: 'wpa_psks', config: ['old secret'], desired: ['new secret'] });
    expect(text).not.toContain('secret');
    expect(text).toContain('wpa_psks differs; its value is not shown');
    expect(describeMismatch({ reason: 'CONFIG_DIFFERS', ifName: 'x', column: 'security', desired: { key: 'k' } })).not.toContain('"k"');
  });

  it('a network the device cannot carry has a reason without a VIF', () => {
    expect(describeMismatch({ reason: 'OPEN_NOT_ALLOWED_ON_6G', ifName: '' })).toBe('an open network cannot run on a 6 GHz radio.');
  });
});
