import { describeMismatches } from './network-status.service';

describe('the FAILED log line (describeMismatches)', () => {
  it('names the interface, column and reason of each mismatch, never a value', () => {
    const line = describeMismatches([
      { ifName: 'wl0.2', column: 'wpa_psk', reason: 'CONFIG_DIFFERS', config: 'old passphrase 1', desired: 'new passphrase 2' },
      { ifName: 'wl1.2', column: 'ssid', reason: 'STATE_DIFFERS', config: 'Home', state: 'Home-old' },
      { ifName: 'wl2.2', reason: 'STATE_MISSING' },
    ]);
    expect(line).toBe('wl0.2.wpa_psk (CONFIG_DIFFERS), wl1.2.ssid (STATE_DIFFERS), wl2.2 (STATE_MISSING)');
    expect(line).not.toMatch(/passphrase|Home/);
  });

  it('says so when no mismatch was recorded', () => {
    expect(describeMismatches([])).toBe('no mismatch recorded');
  });
});
