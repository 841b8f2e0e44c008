import { CachedRow, DesiredVif } from '../desired/desired-network';
import { desiredVifs } from '../desired/desired-vifs';
import { CURRENT_CAPS, network, RADIO_24 } from '../testing/opensync-fixtures';
import { aggregateNetworkStatus, NetworkNodeStatus, networkNodeStatus, NetworkNodeStatusInput } from './network-node-status';
import { REDACTED } from './vif-mismatch';

const NOW = new Date('2026-01-01T12:00:00Z');
const CONFIG_UUID = '11111111-1111-4111-8111-111111111111';
const [VIF] = desiredVifs([network()], [RADIO_24], CURRENT_CAPS, NOW).byRadio.get(RADIO_24._uuid) as DesiredVif[];

/** The config row exactly as the controller would have written it. */
function configOf(vif: DesiredVif, extra: Record<string, unknown> = {}): CachedRow {
  return { ...vif.row, _uuid: CONFIG_UUID, ...extra };
}

/** The state a device reports once it applied the config row. */
function stateOf(config: CachedRow, extra: Record<string, unknown> = {}): CachedRow {
  const { _uuid, ...columns } = config;
  return { ...columns, _uuid: '22222222-2222-4222-8222-222222222222', vif_config: _uuid, mac: '02:00:00:00:00:01', ...extra };
}

function input(overrides: Partial<NetworkNodeStatusInput> = {}): NetworkNodeStatusInput {
  const config = configOf(VIF);
  return {
    desiredVifs: [VIF],
    configRows: [config],
    stateRows: [stateOf(config)],
    connected: true,
    pendingSince: new Date(NOW.getTime() - 1000),
    now: NOW,
    failAfterMs: 60_000,
    ...overrides,
  };
}

describe('networkNodeStatus', () => {
  it('is APPLIED when config is as desired and the state follows it', () => {
    expect(networkNodeStatus(input())).toEqual({ status: 'APPLIED', mismatches: [] });
  });

  it('is OFFLINE when the node is not connected, whatever the cache says', () => {
    expect(networkNodeStatus(input({ connected: false, configRows: [], stateRows: [] }))).toEqual({
      status: 'OFFLINE',
      mismatches: [],
    });
  });

  it('is PENDING while the config row does not exist yet', () => {
    expect(networkNodeStatus(input({ configRows: [], stateRows: [] }))).toEqual({
      status: 'PENDING',
      mismatches: [{ ifName: 'ctl1-ap-24', reason: 'CONFIG_MISSING' }],
    });
  });

  it('is PENDING while the config row still holds old values', () => {
    const old = configOf(VIF, { ssid: 'Old', wpa_psks: new Map([['key--1', 'old pass']]) });
    const result = networkNodeStatus(input({ configRows: [old], stateRows: [stateOf(old)] }));
    expect(result.status).toBe('PENDING');
    expect(result.mismatches).toEqual([
      { ifName: 'ctl1-ap-24', reason: 'CONFIG_DIFFERS', column: 'ssid', config: 'Old', desired: 'Home' },
      {
        ifName: 'ctl1-ap-24',
        reason: 'CONFIG_DIFFERS',
        column: 'wpa_psks',
        config: new Map([['key--1', REDACTED]]),
        desired: new Map([['key--1', REDACTED]]),
      },
    ]);
  });

  it('is PENDING while the state has not caught up', () => {
    const config = configOf(VIF);
    const result = networkNodeStatus(input({ stateRows: [stateOf(config, { ssid: 'Old' })] }));
    expect(result).toEqual({
      status: 'PENDING',
      mismatches: [{ ifName: 'ctl1-ap-24', reason: 'STATE_DIFFERS', column: 'ssid', config: 'Home', state: 'Old' }],
    });
  });

  it('turns FAILED once the wait reaches failAfterMs, with the mismatches', () => {
    const config = configOf(VIF);
    const result = networkNodeStatus(
      input({ stateRows: [stateOf(config, { enabled: false })], pendingSince: new Date(NOW.getTime() - 60_000) }),
    );
    expect(result.status).toBe('FAILED');
    expect(result.mismatches).toEqual([
      { ifName: 'ctl1-ap-24', reason: 'STATE_DIFFERS', column: 'enabled', config: true, state: false },
    ]);
  });

  it('stays PENDING without a pendingSince', () => {
    expect(networkNodeStatus(input({ stateRows: [], pendingSince: undefined })).status).toBe('PENDING');
  });

  it('picks the state row that points at the config when stale ones share the if_name', () => {
    const config = configOf(VIF);
    const stale = stateOf(config, { _uuid: '44444444-4444-4444-8444-444444444444', vif_config: undefined, ssid: 'Old' });
    expect(networkNodeStatus(input({ stateRows: [stale, stateOf(config)] })).status).toBe('APPLIED');
  });

  it('waits for VIFs that must be removed', () => {
    const leftover = { _uuid: '55555555-5555-4555-8555-555555555555', if_name: 'ctl1-ap-50' };
    const result = networkNodeStatus(input({ desiredVifs: [], removedIfNames: ['ctl1-ap-50'], configRows: [leftover] }));
    expect(result).toEqual({
      status: 'PENDING',
      mismatches: [{ ifName: 'ctl1-ap-50', reason: 'NOT_REMOVED', config: true, state: false }],
    });
    expect(networkNodeStatus(input({ desiredVifs: [], removedIfNames: ['ctl1-ap-50'], configRows: [], stateRows: [] })).status).toBe(
      'APPLIED',
    );
  });
});

describe('aggregateNetworkStatus', () => {
  it.each<[NetworkNodeStatus[], NetworkNodeStatus]>([
    [['APPLIED', 'APPLIED'], 'APPLIED'],
    [['APPLIED', 'OFFLINE'], 'APPLIED'],
    [['APPLIED', 'PENDING', 'OFFLINE'], 'PENDING'],
    [['PENDING', 'FAILED', 'APPLIED'], 'FAILED'],
    [['OFFLINE', 'FAILED'], 'FAILED'],
    [['OFFLINE', 'OFFLINE'], 'OFFLINE'],
    [[], 'OFFLINE'],
  ])('%p -> %s', (statuses, expected) => {
    expect(aggregateNetworkStatus(statuses)).toBe(expected);
  });
});
