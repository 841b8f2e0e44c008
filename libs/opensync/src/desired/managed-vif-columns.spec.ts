import { CURRENT_CAPS, LEGACY_CAPS, network, RADIO_24, RADIO_5L, RADIO_5U, RADIO_6 } from '../testing/opensync-fixtures';
import { SecurityMode } from './desired-network';
import { desiredVifs } from './desired-vifs';
import { MANAGED_VIF_COLUMNS } from './managed-vif-columns';

const NOW = new Date('2026-01-01T12:00:00Z');
const BLOCK = { mac: 'aa:bb:cc:dd:ee:ff', until: new Date(NOW.getTime() + 60_000) };
const MODES: SecurityMode[] = ['OPEN', 'WPA2_PSK', 'WPA3_SAE', 'WPA2_WPA3'];

describe('MANAGED_VIF_COLUMNS', () => {
  it('holds every column a desired row can carry, in every mode, dialect, band and option', () => {
    const seen = new Set<string>();
    for (const caps of [CURRENT_CAPS, LEGACY_CAPS]) {
      for (const securityMode of MODES) {
        for (const [hidden, clientIsolation, vlanId] of [[false, false, null], [true, true, 42]] as const) {
          const net = network({ securityMode, hidden, clientIsolation, vlanId, bands: ['BAND_2_4G', 'BAND_5G', 'BAND_6G'] });
          const { byRadio } = desiredVifs([net], [RADIO_24, RADIO_5L, RADIO_5U, RADIO_6], caps, NOW, { vlanBridge: (id) => `br-vlan${id}`, blocks: hidden ? [BLOCK] : [] });
          for (const vif of [...byRadio.values()].flat()) Object.keys(vif.row).forEach((c) => seen.add(c));
          // A key pool network, with its keys kept apart: wpa_psks of personal keys and wpa_oftags.
          const pooled = { ...net, slot: 2, kind: 'IOT' as const, isolated: false, personalKeys: [{ slot: 1, passphrase: 'personal key 1', active: true }], keyIsolation: true };
          const keyed = desiredVifs([pooled], [RADIO_24, RADIO_5L], caps, NOW, { keyIsolation: true });
          for (const vif of [...keyed.byRadio.values()].flat()) Object.keys(vif.row).forEach((c) => seen.add(c));
        }
      }
    }
    expect([...seen].filter((c) => !MANAGED_VIF_COLUMNS.includes(c))).toEqual([]);
    // And nothing listed that no desired row sets: each listed column costs memory per VIF per device.
    expect(MANAGED_VIF_COLUMNS.filter((c) => !seen.has(c))).toEqual([]);
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(MANAGED_VIF_COLUMNS)).toBe(true);
  });
});
