import { CachedRow } from '../desired/desired-network';
import { desiredVifs } from '../desired/desired-vifs';
import { CURRENT_CAPS, network, RADIO_24, RADIO_5L } from '../testing/opensync-fixtures';
import { desiredKeyIsolation, keyIsolationMismatches, keyOftags, keyTagName, keyTagPeers, MAX_TAG_VALUES, parseKeyTag } from './key-isolation';
import { PersonalKeyView } from './personal-keys';

const NOW = new Date('2026-01-01T12:00:00Z');
const key = (slot: number, extra: Partial<PersonalKeyView> = {}): PersonalKeyView => ({ slot, passphrase: `pass-${slot}-secret`, active: true, ...extra });
const pool = (keys: PersonalKeyView[], keyIsolation = true) =>
  network({ id: 'net-pool', slot: 2, kind: 'IOT', isolated: false, personalKeys: keys, keyIsolation });

function vifsOf(keys: PersonalKeyView[], keyIsolation = true, supported = true) {
  return desiredVifs([pool(keys, keyIsolation)], [RADIO_24, RADIO_5L], CURRENT_CAPS, NOW, { keyIsolation: supported });
}

const row = (uuid: string, columns: Record<string, unknown>): CachedRow => ({ _uuid: uuid, ...columns }) as CachedRow;

describe('per-key isolation', () => {
  it('names a tag from the network slot and the key slot, and only those names are ours', () => {
    expect(keyTagName(2, 17)).toBe('ctl-k2-17');
    expect(parseKeyTag('ctl-k2-17')).toEqual({ networkSlot: 2, keySlot: 17 });
    for (const other of ['devices_tag', 'ctl-k8-1', 'ctl-k2-0', 'ctl-k2-', 'ctl-k2-1x', 42]) expect(parseKeyTag(other)).toBeNull();
    expect(keyTagName(7, 2417).length).toBeLessThanOrEqual(32);
    expect([...keyOftags(3, ['key-1', 'key-12', 'key', 'key--1'])]).toEqual([['key-1', 'ctl-k3-1'], ['key-12', 'ctl-k3-12']]);
  });

  it('tags every key in force on the pool VIFs and puts client-to-client frames through the bridge', () => {
    const { byRadio, skipped } = vifsOf([key(1), key(4), key(9, { active: false })]);
    expect(skipped).toEqual([]);
    const rows = [...byRadio.values()].flat().map((v) => v.row);
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect([...(r.wpa_oftags as Map<string, string>)]).toEqual([['key-1', 'ctl-k2-1'], ['key-4', 'ctl-k2-4']]);
      expect(r.ap_bridge).toBe(false);
    }
  });

  it('writes empty tags when the pool does not keep keys apart, so turning it off clears them', () => {
    const rows = [...vifsOf([key(1)], false).byRadio.values()].flat().map((v) => v.row);
    for (const r of rows) {
      expect(r.wpa_oftags).toEqual(new Map());
      expect(r.ap_bridge).toBe(true);
    }
    expect(desiredKeyIsolation([...vifsOf([key(1)], false).byRadio.values()].flat()).networks).toEqual([]);
  });

  it('fails closed on a device that cannot keep keys apart: no VIF, the reason in the status', () => {
    const { byRadio, skipped } = vifsOf([key(1)], true, false);
    expect([...byRadio.values()].flat()).toEqual([]);
    expect(skipped.map((s) => s.reason)).toEqual(['ISOLATION_UNSUPPORTED', 'ISOLATION_UNSUPPORTED']);
  });

  it('plans one tag per key, an own-devices accept and a drop per VIF, from the VIF rows alone', () => {
    const plan = desiredKeyIsolation([...vifsOf([key(4), key(1)]).byRadio.values()].flat());
    expect(plan.networks).toHaveLength(1);
    const [net] = plan.networks;
    expect([...net.tags.keys()]).toEqual(['ctl-k2-1', 'ctl-k2-4']);
    expect([...net.netfilter.keys()]).toEqual([
      'ctl-key-2-1-own',
      'ctl-key-2-1-ctl2-ap-24',
      'ctl-key-2-1-ctl2-ap-l50',
      'ctl-key-2-4-own',
      'ctl-key-2-4-ctl2-ap-24',
      'ctl-key-2-4-ctl2-ap-l50',
    ]);
    expect(net.netfilter.get('ctl-key-2-1-own')).toEqual({
      name: 'ctl-key-2-1-own', enable: true, protocol: 'eth', table: 'filter', chain: 'FORWARD', priority: 20, rule: '-s ${ctl-k2-1} -d ${ctl-k2-1}', target: 'ACCEPT',
    });
    expect(net.netfilter.get('ctl-key-2-4-ctl2-ap-24')).toMatchObject({ rule: '-s ${ctl-k2-4} -d Unicast -o ctl2-ap-24', target: 'DROP', priority: 21 });
    for (const name of net.netfilter.keys()) expect(name.length).toBeLessThanOrEqual(64);
  });

  it('is converged only when every tag and rule is there, and leftovers of the slot are gone', () => {
    const [net] = desiredKeyIsolation([...vifsOf([key(1)]).byRadio.values()].flat()).networks;
    const rules = [...net.netfilter.values()].map((r, i) => row(`nf-${i}`, r));
    const tags = [row('t-1', { name: 'ctl-k2-1' })];
    expect(keyIsolationMismatches(2, net, { tags, netfilters: rules })).toEqual([]);
    expect(keyIsolationMismatches(2, net, { tags: [], netfilters: rules })).toEqual([{ ifName: 'ctl-k2-1', reason: 'CONFIG_MISSING', column: 'Openflow_Tag' }]);
    const failed = rules.map((r, i) => (i === 0 ? { ...r, status: 'error' } : r));
    expect(keyIsolationMismatches(2, net, { tags, netfilters: failed })).toEqual([{ ifName: 'ctl-key-2-1-own', reason: 'STATE_DIFFERS', column: 'status' }]);
    // key-3 revoked: its tag and rule must go; another slot's rows and foreign rows are not this network's.
    const extra = { tags: [...tags, row('t-3', { name: 'ctl-k2-3' }), row('t-9', { name: 'ctl-k5-1' }), row('t-x', { name: 'devices_tag' })], netfilters: [...rules, row('nf-x', { name: 'ctl-key-2-3-own' }), row('nf-y', { name: 'ctl-key-5-1-own' })] };
    expect(keyIsolationMismatches(2, net, extra).map((m) => [m.ifName, m.reason])).toEqual([
      ['ctl-k2-3', 'NOT_REMOVED'],
      ['ctl-key-2-3-own', 'NOT_REMOVED'],
    ]);
    expect(keyIsolationMismatches(2, undefined, { tags, netfilters: rules }).every((m) => m.reason === 'NOT_REMOVED')).toBe(true);
  });

  it('mirrors the key\'s clients on the location\'s other nodes into cloud_value, sorted, at most 255', () => {
    const peers = keyTagPeers([
      { mac: 'aa:00:00:00:00:02', slot: 2, keyId: 'key-1' },
      { mac: 'aa:00:00:00:00:01', slot: 2, keyId: 'key-1' },
      { mac: 'aa:00:00:00:00:03', slot: 2, keyId: 'key-4' },
      { mac: 'aa:00:00:00:00:04', slot: null, keyId: 'key-1' },
      { mac: 'aa:00:00:00:00:05', slot: 2, keyId: null },
      { mac: 'aa:00:00:00:00:06', slot: 3, keyId: 'key--1' },
    ]);
    expect([...peers]).toEqual([['ctl-k2-1', ['aa:00:00:00:00:02', 'aa:00:00:00:00:01']], ['ctl-k2-4', ['aa:00:00:00:00:03']]]);
    const [net] = desiredKeyIsolation([...vifsOf([key(1), key(4)]).byRadio.values()].flat(), peers).networks;
    expect(net.tags.get('ctl-k2-1')).toEqual({ name: 'ctl-k2-1', cloud_value: ['aa:00:00:00:00:01', 'aa:00:00:00:00:02'] });
    expect(net.tags.get('ctl-k2-4')).toEqual({ name: 'ctl-k2-4', cloud_value: ['aa:00:00:00:00:03'] });
    const many = new Map([['ctl-k2-1', Array.from({ length: 300 }, (_, i) => `02:00:00:00:${(i >> 8).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}`)]]);
    const [capped] = desiredKeyIsolation([...vifsOf([key(1)]).byRadio.values()].flat(), many).networks;
    expect((capped.tags.get('ctl-k2-1')?.cloud_value as string[]).length).toBe(MAX_TAG_VALUES);
  });
});
