import { CURRENT_CAPS, LEGACY_CAPS, network, RADIO_24, RADIO_5L, RADIO_5U, RADIO_6 } from '../testing/opensync-fixtures';
import { RadioView } from './desired-network';
import { desiredVifs } from './desired-vifs';
import { isNetworkActive } from './network-activity';

const NOW = new Date('2026-01-01T12:00:00Z');
const RADIOS = [RADIO_24, RADIO_5L, RADIO_5U, RADIO_6];

describe('desiredVifs', () => {
  it('puts one AP VIF per matching radio, 5 GHz on both 5 GHz radios', () => {
    const { byRadio, skipped } = desiredVifs([network()], RADIOS, CURRENT_CAPS, NOW);
    expect(skipped).toEqual([]);
    expect(byRadio.get(RADIO_24._uuid)?.map((v) => v.ifName)).toEqual(['ctl1-ap-24']);
    expect(byRadio.get(RADIO_5L._uuid)?.map((v) => v.ifName)).toEqual(['ctl1-ap-l50']);
    expect(byRadio.get(RADIO_5U._uuid)?.map((v) => v.ifName)).toEqual(['ctl1-ap-u50']);
    expect(byRadio.get(RADIO_6._uuid)).toEqual([]);
  });

  it('fills the AP columns from the network', () => {
    const net = network({ ssid: 'Guests', slot: 3, hidden: true, clientIsolation: true, vlanId: 42, bands: ['BAND_2_4G'] });
    const [vif] = desiredVifs([net], RADIOS, CURRENT_CAPS, NOW).byRadio.get(RADIO_24._uuid) ?? [];
    expect(vif).toMatchObject({ networkId: 'net-home', radioUuid: RADIO_24._uuid, radioBand: '2.4G', ifName: 'ctl3-ap-24' });
    expect(vif.row).toMatchObject({
      if_name: 'ctl3-ap-24',
      enabled: true,
      mode: 'ap',
      ssid: 'Guests',
      ssid_broadcast: 'disabled',
      bridge: 'br-home',
      vlan_id: 42,
      ap_bridge: false,
      vif_radio_idx: 4,
      wpa: true,
      wpa_key_mgmt: ['wpa-psk'],
    });
  });

  it('lists an absent VLAN as an empty vlan_id so a removed VLAN gets cleared', () => {
    const [vif] = desiredVifs([network()], [RADIO_24], CURRENT_CAPS, NOW).byRadio.get(RADIO_24._uuid) ?? [];
    expect('vlan_id' in vif.row).toBe(true);
    expect(vif.row.vlan_id).toBeUndefined();
    expect(vif.row.ssid_broadcast).toBe('enabled');
    expect(vif.row.ap_bridge).toBe(true);
  });

  it('accepts null for absent optional fields, as the database gives them', () => {
    const net = network({ vlanId: null, expiresAt: null, passphrase: 'correct horse' });
    const [vif] = desiredVifs([net], [RADIO_24], CURRENT_CAPS, NOW).byRadio.get(RADIO_24._uuid) ?? [];
    expect(vif.row.vlan_id).toBeUndefined();
    expect(vif.row.bridge).toBe('br-home');
    expect(desiredVifs([network({ securityMode: 'WPA2_PSK', passphrase: null })], [RADIO_24], CURRENT_CAPS, NOW).skipped).toEqual([
      { networkId: 'net-home', radioUuid: RADIO_24._uuid, radioBand: '2.4G', reason: 'PASSPHRASE_MISSING' },
    ]);
  });

  it('uses the bridge options', () => {
    const opts = { homeBridge: 'br-lan', vlanBridge: (id: number) => `br-vlan${id}` };
    const plain = desiredVifs([network()], [RADIO_24], CURRENT_CAPS, NOW, opts).byRadio.get(RADIO_24._uuid) ?? [];
    const tagged = desiredVifs([network({ vlanId: 7 })], [RADIO_24], CURRENT_CAPS, NOW, opts).byRadio.get(RADIO_24._uuid) ?? [];
    expect(plain[0].row.bridge).toBe('br-lan');
    expect(tagged[0].row.bridge).toBe('br-vlan7');
  });

  it('skips disabled and expired networks, keeps ones expiring later', () => {
    const nets = [
      network({ id: 'off', slot: 1, enabled: false }),
      network({ id: 'expired', slot: 2, expiresAt: new Date(NOW.getTime()) }),
      network({ id: 'later', slot: 3, expiresAt: new Date(NOW.getTime() + 1000) }),
    ];
    const { byRadio, skipped } = desiredVifs(nets, [RADIO_24], CURRENT_CAPS, NOW);
    expect(byRadio.get(RADIO_24._uuid)?.map((v) => v.networkId)).toEqual(['later']);
    expect(skipped).toEqual([]);
    expect(isNetworkActive(nets[1], NOW)).toBe(false);
  });

  it('orders VIFs by slot whatever the input order', () => {
    const nets = [network({ id: 'b', slot: 2 }), network({ id: 'a', slot: 1 })];
    expect(desiredVifs(nets, [RADIO_24], CURRENT_CAPS, NOW).byRadio.get(RADIO_24._uuid)?.map((v) => v.ifName)).toEqual([
      'ctl1-ap-24',
      'ctl2-ap-24',
    ]);
  });

  it('writes only columns the device schema has, with the legacy security map on old firmware', () => {
    const [vif] = desiredVifs([network()], [RADIO_24], LEGACY_CAPS, NOW).byRadio.get(RADIO_24._uuid) ?? [];
    for (const column of Object.keys(vif.row)) expect(LEGACY_CAPS.vifConfigColumns.has(column)).toBe(true);
    expect(vif.row.wpa).toBeUndefined();
    expect(vif.row.security).toEqual(new Map([['encryption', 'WPA-PSK'], ['key', 'correct horse'], ['mode', '2']]));
  });

  it('drops a column the device lacks (no ap_bridge on this schema)', () => {
    const caps = { ...CURRENT_CAPS, vifConfigColumns: new Set([...CURRENT_CAPS.vifConfigColumns].filter((c) => c !== 'ap_bridge')) };
    const [vif] = desiredVifs([network()], [RADIO_24], caps, NOW).byRadio.get(RADIO_24._uuid) ?? [];
    expect('ap_bridge' in vif.row).toBe(false);
  });

  it('reports VIFs the device cannot carry instead of dropping them silently', () => {
    const nets = [network({ id: 'open6', slot: 2, securityMode: 'OPEN', bands: ['BAND_6G', 'BAND_2_4G'] })];
    const { byRadio, skipped } = desiredVifs(nets, RADIOS, CURRENT_CAPS, NOW);
    expect(skipped).toEqual([{ networkId: 'open6', radioUuid: RADIO_6._uuid, radioBand: '6G', reason: 'OPEN_NOT_ALLOWED_ON_6G' }]);
    expect(byRadio.get(RADIO_24._uuid)?.map((v) => v.ifName)).toEqual(['ctl2-ap-24']);
  });

  it('puts WPA3 SAE on 6 GHz for a WPA2 network', () => {
    const [vif] = desiredVifs([network({ bands: ['BAND_6G'] })], RADIOS, CURRENT_CAPS, NOW).byRadio.get(RADIO_6._uuid) ?? [];
    expect(vif.row).toMatchObject({ if_name: 'ctl1-ap-60', wpa_key_mgmt: ['sae'], pmf: 'required' });
  });

  it('reports a second network claiming the same slot', () => {
    const nets = [network({ id: 'a' }), network({ id: 'b', ssid: 'Other' })];
    const { byRadio, skipped } = desiredVifs(nets, [RADIO_24], CURRENT_CAPS, NOW);
    expect(byRadio.get(RADIO_24._uuid)?.map((v) => v.networkId)).toEqual(['a']);
    expect(skipped).toEqual([{ networkId: 'b', radioUuid: RADIO_24._uuid, radioBand: '2.4G', reason: 'SLOT_CONFLICT' }]);
  });

  it('reports a second radio of the same band and ignores radios of an unknown band', () => {
    const twin: RadioView = { ...RADIO_24, _uuid: 'bbbbbbbb-0000-4000-8000-000000000024', if_name: 'wifi9' };
    const odd: RadioView = { ...RADIO_24, _uuid: 'cccccccc-0000-4000-8000-000000000024', freq_band: '60G' };
    const { byRadio, skipped } = desiredVifs([network({ bands: ['BAND_2_4G'] })], [twin, RADIO_24, odd], CURRENT_CAPS, NOW);
    expect(byRadio.get(RADIO_24._uuid)?.length).toBe(1);
    expect(byRadio.get(twin._uuid)).toEqual([]);
    expect(byRadio.get(odd._uuid)).toEqual([]);
    expect(skipped).toEqual([{ networkId: 'net-home', radioUuid: twin._uuid, radioBand: '2.4G', reason: 'DUPLICATE_RADIO_BAND' }]);
  });

  it('is deterministic', () => {
    const a = desiredVifs([network(), network({ id: 'g', slot: 2 })], RADIOS, CURRENT_CAPS, NOW);
    const b = desiredVifs([network({ id: 'g', slot: 2 }), network()], [...RADIOS].reverse(), CURRENT_CAPS, NOW);
    expect([...b.byRadio.entries()].sort()).toEqual([...a.byRadio.entries()].sort());
  });
});
