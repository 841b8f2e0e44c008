import { SUPPORT_COLUMNS, STATUS_COLUMNS, vifRowPolicy, visibleRow } from './vif-row-visibility';

const row = {
  _uuid: ['uuid', '0d6c1f8e-0000-4000-8000-000000000001'],
  _version: ['uuid', '0d6c1f8e-0000-4000-8000-000000000002'],
  if_name: 'ctl1-ap-24',
  enabled: true,
  ssid: 'Home WiFi',
  wpa_psks: new Map([['key--1', 'correct horse battery']]),
  security: new Map([['encryption', 'WPA-PSK'], ['key', 'legacy secret']]),
  dpp_netaccesskey_hex: 'a1b2c3',
  some_future_column: 'who knows',
};

describe('visibleRow', () => {
  it('shows platform admins every column as it is', () => {
    expect(visibleRow(row, vifRowPolicy('PLATFORM_ADMIN', false))).toMatchObject({ ssid: 'Home WiFi', wpa_psks: { 'key--1': 'correct horse battery' }, dpp_netaccesskey_hex: 'a1b2c3', some_future_column: 'who knows' });
  });

  it('shows group admins their own current rows with passphrases, but never the device keys', () => {
    const seen = visibleRow(row, vifRowPolicy('GROUP_ADMIN', true)) as Record<string, unknown>;
    expect(seen).toMatchObject({ ssid: 'Home WiFi', wpa_psks: { 'key--1': 'correct horse battery' }, dpp_netaccesskey_hex: '<redacted>' });
    expect(seen).not.toHaveProperty('_version');
  });

  it('shows group support the allow-list only: unknown columns and secrets are left out', () => {
    const seen = visibleRow(row, vifRowPolicy('GROUP_SUPPORT', true)) as Record<string, unknown>;
    expect(Object.keys(seen).every((c) => SUPPORT_COLUMNS.has(c))).toBe(true);
    expect(seen).toEqual({ _uuid: row._uuid, if_name: 'ctl1-ap-24', enabled: true, ssid: 'Home WiFi' });
  });

  it('shows a row not yet in the desired state as status columns only, to everyone but platform admins', () => {
    for (const audience of ['GROUP_ADMIN', 'GROUP_SUPPORT'] as const) {
      const seen = visibleRow(row, vifRowPolicy(audience, false)) as Record<string, unknown>;
      expect(Object.keys(seen).every((c) => STATUS_COLUMNS.has(c))).toBe(true);
      expect(JSON.stringify(seen)).not.toMatch(/Home WiFi|correct horse|legacy secret|a1b2c3/);
    }
  });
});
