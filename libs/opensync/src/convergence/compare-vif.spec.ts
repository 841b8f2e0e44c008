import { CachedRow } from '../desired/desired-network';
import { compareVif } from './compare-vif';
import { REDACTED } from './vif-mismatch';

const CONFIG_UUID = '11111111-1111-4111-8111-111111111111';

function configRow(extra: Record<string, unknown> = {}): CachedRow {
  return {
    _uuid: CONFIG_UUID,
    _version: 'b0d1a6e6-0000-4000-8000-000000000001',
    if_name: 'ctl1-ap-24',
    enabled: true,
    mode: 'ap',
    ssid: 'Home',
    wpa_key_mgmt: ['wpa-psk', 'sae'],
    wpa_psks: new Map([['key--1', 'secret']]),
    vlan_id: undefined,
    mac_list: [],
    vif_dbg_lvl: 3,
    ...extra,
  };
}

function stateRow(extra: Record<string, unknown> = {}): CachedRow {
  return {
    _uuid: '22222222-2222-4222-8222-222222222222',
    _version: 'b0d1a6e6-0000-4000-8000-000000000002',
    vif_config: CONFIG_UUID,
    if_name: 'ctl1-ap-24',
    enabled: true,
    mode: 'ap',
    ssid: 'Home',
    wpa_key_mgmt: ['sae', 'wpa-psk'],
    wpa_psks: new Map([['key--1', 'secret']]),
    mac: 'AA:BB:CC:00:11:22',
    channel: 6,
    ...extra,
  };
}

describe('compareVif', () => {
  it('is in sync when vif_config points at the config and every set column matches', () => {
    expect(compareVif(configRow(), stateRow())).toEqual({ inSync: true, mismatches: [] });
  });

  it('is not in sync without a state row', () => {
    expect(compareVif(configRow(), undefined)).toEqual({
      inSync: false,
      mismatches: [{ column: 'vif_config', config: CONFIG_UUID, state: undefined }],
    });
  });

  it('is not in sync while vif_config still points elsewhere, even when values match', () => {
    const result = compareVif(configRow(), stateRow({ vif_config: '33333333-3333-4333-8333-333333333333' }));
    expect(result.inSync).toBe(false);
    expect(result.mismatches.map((m) => m.column)).toEqual(['vif_config']);
  });

  it('reports each differing column with both values', () => {
    const result = compareVif(configRow(), stateRow({ ssid: 'Old', enabled: false }));
    expect(result.mismatches).toEqual([
      { column: 'enabled', config: true, state: false },
      { column: 'ssid', config: 'Home', state: 'Old' },
    ]);
  });

  it('reports a column set in config but absent from the state', () => {
    const result = compareVif(configRow(), stateRow({ ssid: undefined }));
    expect(result.mismatches).toEqual([{ column: 'ssid', config: 'Home', state: undefined }]);
  });

  it('does not compare empty config columns nor columns only the state has', () => {
    const result = compareVif(configRow(), stateRow({ vlan_id: 10, mac_list: ['aa:bb:cc:00:11:22'] }));
    expect(result.inSync).toBe(true);
  });

  it('compares false booleans, which are set values', () => {
    const result = compareVif(configRow({ ap_bridge: false }), stateRow({ ap_bridge: true }));
    expect(result.mismatches).toEqual([{ column: 'ap_bridge', config: false, state: true }]);
  });

  it('does not compare config-only columns (vif_dbg_lvl)', () => {
    expect(compareVif(configRow({ vif_dbg_lvl: 7 }), stateRow()).inSync).toBe(true);
  });

  it('compares MAC lists case-insensitively and without order', () => {
    const result = compareVif(
      configRow({ mac_list: ['AA:BB:CC:00:11:22', 'aa:bb:cc:00:11:33'] }),
      stateRow({ mac_list: ['aa:bb:cc:00:11:33', 'aa:bb:cc:00:11:22'] }),
    );
    expect(result.inSync).toBe(true);
  });

  it('uses the device state columns when given', () => {
    const stateColumns = new Set(['if_name', 'enabled', 'mode', 'wpa_key_mgmt', 'wpa_psks']);
    const result = compareVif(configRow({ ssid: 'Different' }), stateRow(), { stateColumns });
    expect(result.inSync).toBe(true);
  });

  it('skips ignored columns', () => {
    const result = compareVif(configRow(), stateRow({ wpa_psks: new Map([['key--1', '********']]) }), {
      ignoreColumns: new Set(['wpa_psks']),
    });
    expect(result.inSync).toBe(true);
  });

  it('redacts passphrases in mismatches but keeps the key ids', () => {
    const result = compareVif(configRow(), stateRow({ wpa_psks: new Map([['key--1', 'other']]) }));
    expect(result.mismatches).toEqual([
      { column: 'wpa_psks', config: new Map([['key--1', REDACTED]]), state: new Map([['key--1', REDACTED]]) },
    ]);
  });

  it('redacts the legacy security key but keeps encryption and mode', () => {
    const legacy = new Map([['encryption', 'WPA-PSK'], ['key', 'secret'], ['mode', '2']]);
    const result = compareVif(configRow({ security: legacy }), stateRow({ security: new Map([['encryption', 'OPEN']]) }));
    expect(result.mismatches).toEqual([
      {
        column: 'security',
        config: new Map([['encryption', 'WPA-PSK'], ['key', REDACTED], ['mode', '2']]),
        state: new Map([['encryption', 'OPEN']]),
      },
    ]);
  });
});
