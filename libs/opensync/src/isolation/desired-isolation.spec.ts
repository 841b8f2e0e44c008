import { CachedRow } from '../desired/desired-network';
import { desiredVifs } from '../desired/desired-vifs';
import { isIsolated } from '../desired/network-activity';
import { CURRENT_CAPS, network, RADIO_24, RADIO_5L } from '../testing/opensync-fixtures';
import { desiredIsolation, IsolationDeviceView } from './desired-isolation';
import { DEFAULT_SUBNET_POOL, parseSubnetPool } from './subnet-pool';

const NOW = new Date('2026-01-01T12:00:00Z');
const OPTIONS = { pool: parseSubnetPool(DEFAULT_SUBNET_POOL) };
const HOME_LAN: CachedRow = { _uuid: 'c0000000-0000-4000-8000-000000000001', if_name: 'br-home', inet_addr: '192.168.40.1', netmask: '255.255.255.0' };
const DEVICE: IsolationDeviceView = { supported: true, inetRows: [HOME_LAN] };

const home = network({ id: 'home', slot: 1 });
const guest = network({ id: 'guest', slot: 2, kind: 'GUEST', ssid: 'Guests' });
const iot = network({ id: 'iot', slot: 3, kind: 'IOT', ssid: 'Things' });

describe('isIsolated', () => {
  it('defaults by kind: GUEST and IOT yes, PRIMARY never, an explicit false wins', () => {
    expect([home, guest, iot].map(isIsolated)).toEqual([false, true, true]);
    expect(isIsolated({ kind: 'GUEST', isolated: false })).toBe(false);
    expect(isIsolated({ kind: 'PRIMARY', isolated: true })).toBe(false);
    expect(isIsolated({ kind: 'IOT', isolated: null })).toBe(true);
  });
});

describe('desiredIsolation', () => {
  it('gives each isolated network its bridge, inet config and drop rules; PRIMARY gets nothing', () => {
    const result = desiredIsolation([home, guest], NOW, DEVICE, OPTIONS);
    expect(result.blocked.size).toBe(0);
    expect(result.networks).toHaveLength(1);
    const [g] = result.networks;
    expect(g).toMatchObject({ networkId: 'guest', slot: 2, bridge: 'br-ctl2' });
    expect(g.inetConfig).toEqual({
      if_name: 'br-ctl2',
      if_type: 'bridge',
      enabled: true,
      network: true,
      NAT: false,
      ip_assign_scheme: 'static',
      inet_addr: '10.242.2.1',
      netmask: '255.255.255.0',
      dhcpd: new Map([['start', '10.242.2.10'], ['stop', '10.242.2.250'], ['lease_time', '12h']]),
    });
    expect([...g.netfilter.values()].map((r) => `${String(r.protocol)} ${String(r.rule)} ${String(r.target)}`).sort()).toEqual([
      'ipv4 -i br-ctl2 -o br-home DROP',
      'ipv4 -i br-home -o br-ctl2 DROP',
      'ipv6 -i br-ctl2 -o br-home DROP',
      'ipv6 -i br-home -o br-ctl2 DROP',
    ]);
    expect([...g.netfilter.values()].every((r) => r.table === 'filter' && r.chain === 'NM_FORWARD' && r.enable === true)).toBe(true);
  });

  it('cuts isolated networks off from each other too, and is the same whatever the input order', () => {
    const a = desiredIsolation([iot, home, guest], NOW, DEVICE, OPTIONS);
    const b = desiredIsolation([guest, iot, home], NOW, DEVICE, OPTIONS);
    expect(a).toEqual(b);
    const rules = a.networks.flatMap((n) => [...n.netfilter.values()].filter((r) => r.protocol === 'ipv4').map((r) => String(r.rule)));
    expect(rules.sort()).toEqual([
      '-i br-ctl2 -o br-ctl3',
      '-i br-ctl2 -o br-home',
      '-i br-ctl3 -o br-ctl2',
      '-i br-ctl3 -o br-home',
      '-i br-home -o br-ctl2',
      '-i br-home -o br-ctl3',
    ]);
    expect(a.networks.map((n) => n.inetConfig.inet_addr)).toEqual(['10.242.2.1', '10.242.3.1']);
  });

  it('leaves out inactive and non-isolated networks', () => {
    const disabled = { ...guest, enabled: false };
    const expired = { ...iot, expiresAt: new Date(NOW.getTime() - 1) };
    const open = network({ id: 'plain', slot: 4, kind: 'GUEST', isolated: false });
    expect(desiredIsolation([disabled, expired, open], NOW, DEVICE, OPTIONS).networks).toEqual([]);
  });

  it('blocks every isolated network on a device that cannot carry them, and one whose subnet is in use', () => {
    expect([...desiredIsolation([guest, iot], NOW, { supported: false, inetRows: [] }, OPTIONS).blocked]).toEqual([
      ['guest', 'ISOLATION_UNSUPPORTED'],
      ['iot', 'ISOLATION_UNSUPPORTED'],
    ]);
    const lanOn10242: CachedRow = { ...HOME_LAN, inet_addr: '10.242.3.1', netmask: '255.255.255.0' };
    const result = desiredIsolation([guest, iot], NOW, { supported: true, inetRows: [lanOn10242] }, OPTIONS);
    expect([...result.blocked]).toEqual([['iot', 'SUBNET_CONFLICT']]);
    expect(result.networks.map((n) => n.bridge)).toEqual(['br-ctl2']);
    // Its own bridge's address (as the device reports it back) is no conflict.
    const own: CachedRow = { _uuid: 'c0000000-0000-4000-8000-000000000002', if_name: 'br-ctl2', inet_addr: '10.242.2.1', netmask: '255.255.255.0' };
    expect(desiredIsolation([guest], NOW, { supported: true, inetRows: [own] }, OPTIONS).blocked.size).toBe(0);
  });
});

describe('desiredVifs with isolation', () => {
  it('puts an isolated network on its bridge with ap_bridge=false; PRIMARY stays on br-home', () => {
    const networks = [home, { ...guest, clientIsolation: false }];
    const isolation = desiredIsolation(networks, NOW, DEVICE, OPTIONS);
    const { byRadio, skipped } = desiredVifs(networks, [RADIO_24, RADIO_5L], CURRENT_CAPS, NOW, { isolation });
    expect(skipped).toEqual([]);
    const rows = [...byRadio.values()].flat().map((v) => `${v.ifName} ${String(v.row.bridge)} ${String(v.row.ap_bridge)}`);
    expect(rows.sort()).toEqual(['ctl1-ap-24 br-home true', 'ctl1-ap-l50 br-home true', 'ctl2-ap-24 br-ctl2 false', 'ctl2-ap-l50 br-ctl2 false']);
  });

  it('writes no VIF of an isolated network that is blocked or has no plan, never one on br-home', () => {
    const blocked = desiredIsolation([guest], NOW, { supported: false, inetRows: [] }, OPTIONS);
    const a = desiredVifs([home, guest], [RADIO_24], CURRENT_CAPS, NOW, { isolation: blocked });
    expect([...a.byRadio.values()].flat().map((v) => v.ifName)).toEqual(['ctl1-ap-24']);
    expect(a.skipped).toEqual([{ networkId: 'guest', radioUuid: RADIO_24._uuid, radioBand: '2.4G', reason: 'ISOLATION_UNSUPPORTED' }]);
    const b = desiredVifs([guest], [RADIO_24], CURRENT_CAPS, NOW);
    expect(b.skipped.map((s) => s.reason)).toEqual(['ISOLATION_UNSUPPORTED']);
    const conflict = desiredIsolation([guest], NOW, { supported: true, inetRows: [{ ...HOME_LAN, inet_addr: '10.242.2.1' }] }, OPTIONS);
    expect(desiredVifs([guest], [RADIO_24], CURRENT_CAPS, NOW, { isolation: conflict }).skipped.map((s) => s.reason)).toEqual(['SUBNET_CONFLICT']);
  });
});
