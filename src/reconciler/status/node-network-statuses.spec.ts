import { CachedRow, desiredIsolation, desiredVifs, DesiredVif, DeviceIsolationView, parseSubnetPool } from '@lib/opensync';
import { CURRENT_CAPS, LEGACY_CAPS, network, RADIO_24, RADIO_6 } from '@lib/opensync/testing/opensync-fixtures';
import { desiredFingerprint, nodeNetworkStatuses, NodeNetworkStatusInput } from './node-network-statuses';
import { PendingTracker } from './pending-tracker';

const NOW = new Date('2026-01-01T12:00:00Z');
const CONFIG_UUID = '11111111-0000-4000-8000-000000000001';

function input(overrides: Partial<NodeNetworkStatusInput> & Pick<NodeNetworkStatusInput, 'networks'>): NodeNetworkStatusInput {
  return {
    desired: desiredVifs(overrides.networks, [RADIO_24], CURRENT_CAPS, NOW),
    configRows: [],
    stateRows: [],
    stateColumns: CURRENT_CAPS.vifStateColumns,
    pendingSince: () => NOW,
    now: NOW,
    failAfterMs: 60_000,
    ...overrides,
  };
}

function appliedRows(vif: DesiredVif) {
  const config = { ...vif.row, _uuid: CONFIG_UUID };
  return { configRows: [config], stateRows: [{ ...vif.row, _uuid: '22222222-0000-4000-8000-000000000002', vif_config: CONFIG_UUID }] };
}

describe('nodeNetworkStatuses', () => {
  const home = network({ id: 'home', slot: 1, bands: ['BAND_2_4G'] });

  it('is PENDING with a deadline while the config row is missing, FAILED once the deadline passed', () => {
    const [pending] = nodeNetworkStatuses(input({ networks: [home] }));
    expect(pending).toMatchObject({ networkId: 'home', status: 'PENDING', failsAt: new Date(NOW.getTime() + 60_000) });
    expect(pending.mismatches).toEqual([{ ifName: 'ctl1-ap-24', reason: 'CONFIG_MISSING' }]);
    const [failed] = nodeNetworkStatuses(input({ networks: [home], now: new Date(NOW.getTime() + 60_000) }));
    expect(failed.status).toBe('FAILED');
    expect(failed.failsAt).toBeUndefined();
  });

  it('is APPLIED when state reports the config row', () => {
    const desired = desiredVifs([home], [RADIO_24], CURRENT_CAPS, NOW);
    const rows = appliedRows(desired.byRadio.get(RADIO_24._uuid)![0]);
    const [status] = nodeNetworkStatuses(input({ networks: [home], desired, ...rows }));
    expect(status).toEqual({ networkId: 'home', status: 'APPLIED', mismatches: [], failsAt: undefined });
  });

  it('a disabled network waits for its rows of its slot to go, and is APPLIED once they are gone', () => {
    const disabled = { ...home, enabled: false };
    const before = desiredVifs([home], [RADIO_24], CURRENT_CAPS, NOW);
    const rows = appliedRows(before.byRadio.get(RADIO_24._uuid)![0]);
    const [leftover] = nodeNetworkStatuses(input({ networks: [disabled], ...rows }));
    expect(leftover.status).toBe('PENDING');
    expect(leftover.mismatches.map((m) => m.reason)).toEqual(['NOT_REMOVED']);
    const [gone] = nodeNetworkStatuses(input({ networks: [disabled] }));
    expect(gone.status).toBe('APPLIED');
  });

  it('reports a network the device cannot carry as FAILED with the reason at once', () => {
    const open6 = network({ id: 'open', slot: 2, bands: ['BAND_6G'], securityMode: 'OPEN', passphrase: null });
    const desired = desiredVifs([open6], [RADIO_6], CURRENT_CAPS, NOW);
    const [status] = nodeNetworkStatuses(input({ networks: [open6], desired }));
    expect(status.status).toBe('FAILED');
    expect(status.mismatches).toEqual([{ ifName: '', reason: 'OPEN_NOT_ALLOWED_ON_6G', column: 'radio 6G' }]);
    const wpa3 = network({ id: 'sae', slot: 3, bands: ['BAND_2_4G'], securityMode: 'WPA3_SAE' });
    const legacy = desiredVifs([wpa3], [RADIO_24], LEGACY_CAPS, NOW);
    expect(nodeNetworkStatuses(input({ networks: [wpa3], desired: legacy }))[0].mismatches[0].reason).toBe('SECURITY_UNSUPPORTED');
  });
});

describe('nodeNetworkStatuses of an isolated network', () => {
  const guest = network({ id: 'guest', slot: 2, kind: 'GUEST', bands: ['BAND_2_4G'] });
  const isolation = desiredIsolation([guest], NOW, { supported: true, inetRows: [] }, { pool: parseSubnetPool('10.242.0.0/16') });
  const desired = desiredVifs([guest], [RADIO_24], CURRENT_CAPS, NOW, { isolation });
  const vifRows = appliedRows(desired.byRadio.get(RADIO_24._uuid)![0]);
  const [plan] = isolation.networks;
  const row = (n: number, values: Record<string, unknown>): CachedRow => ({ _uuid: `33333333-0000-4000-8000-00000000000${n}`, ...values }) as CachedRow;
  const inetConfig = row(1, { ...plan.inetConfig });
  const complete: DeviceIsolationView = {
    bridges: [row(3, { name: 'br-ctl2' })],
    inetConfigs: [inetConfig],
    inetStates: [row(4, { if_name: 'br-ctl2', enabled: true, inet_addr: '10.242.2.1', netmask: '255.255.255.0' })],
    netfilters: [...plan.netfilter.values()].map((r, i) => row(5 + i, { ...r })),
  };
  const statusWith = (view: DeviceIsolationView, now = NOW) =>
    nodeNetworkStatuses(input({ networks: [guest], desired, isolation, isolationView: view, inetState: true, now, ...vifRows }))[0];

  it('is APPLIED only when the VIF runs and every isolation row is in place and reported applied', () => {
    expect(statusWith(complete)).toMatchObject({ status: 'APPLIED', mismatches: [] });
    const noBridge = statusWith({ ...complete, bridges: [] });
    expect(noBridge).toMatchObject({ status: 'PENDING', mismatches: [{ ifName: 'br-ctl2', reason: 'BRIDGE_MISSING' }] });
    expect(statusWith({ ...complete, inetStates: [] }).mismatches.map((m) => `${m.reason} ${m.column}`)).toEqual([
      'STATE_DIFFERS enabled',
      'STATE_DIFFERS inet_addr',
      'STATE_DIFFERS netmask',
    ]);
    expect(statusWith({ ...complete, netfilters: complete.netfilters.slice(1) }).mismatches).toEqual([
      { ifName: complete.netfilters[0].name, reason: 'CONFIG_MISSING', column: 'Netfilter' },
    ]);
    expect(statusWith({ ...complete, bridges: [] }, new Date(NOW.getTime() + 60_000)).status).toBe('FAILED');
  });

  it('changes its fingerprint when the isolation rows change, not only the VIFs', () => {
    const vifs = desired.byRadio.get(RADIO_24._uuid)!;
    const other = { ...plan, inetConfig: { ...plan.inetConfig, inet_addr: '10.242.9.1' } };
    expect(desiredFingerprint(vifs, plan)).not.toBe(desiredFingerprint(vifs, other));
    expect(desiredFingerprint(vifs, plan)).not.toBe(desiredFingerprint(vifs));
  });
});

describe('PendingTracker', () => {
  it('keeps the start of waiting while the desired VIFs stay the same, restarts when they change or on reset', () => {
    const tracker = new PendingTracker();
    const t1 = new Date(1000);
    const t2 = new Date(2000);
    const home = network({ id: 'home', slot: 1, bands: ['BAND_2_4G'] });
    const a = desiredFingerprint(desiredVifs([home], [RADIO_24], CURRENT_CAPS, NOW).byRadio.get(RADIO_24._uuid)!);
    const b = desiredFingerprint(desiredVifs([{ ...home, ssid: 'Other' }], [RADIO_24], CURRENT_CAPS, NOW).byRadio.get(RADIO_24._uuid)!);
    expect(a).not.toBe(b);
    expect(tracker.sinceFor('n', 'home', a, t1)).toBe(t1);
    expect(tracker.sinceFor('n', 'home', a, t2)).toBe(t1);
    expect(tracker.sinceFor('n', 'home', b, t2)).toBe(t2);
    tracker.reset('n');
    expect(tracker.sinceFor('n', 'home', b, new Date(3000)).getTime()).toBe(3000);
  });

  it('fingerprints are short digests: equal for the same VIFs in any order, different when a value differs', () => {
    const home = network({ id: 'home', slot: 1, bands: ['BAND_2_4G'] });
    const guest = network({ id: 'guest', slot: 2, bands: ['BAND_2_4G'] });
    const vifs = desiredVifs([home, guest], [RADIO_24], CURRENT_CAPS, NOW).byRadio.get(RADIO_24._uuid)!;
    expect(vifs).toHaveLength(2);
    expect(desiredFingerprint([...vifs].reverse())).toBe(desiredFingerprint(vifs));
    expect(desiredFingerprint(vifs)).toHaveLength(44);
    const changed = vifs.map((v, i) => (i === 1 ? { ...v, row: { ...v.row, ssid: `${String(v.row.ssid)}x` } } : v));
    expect(desiredFingerprint(changed)).not.toBe(desiredFingerprint(vifs));
  });
});
