// Test data shared by the specs of this library: the Wifi_VIF_Config / Wifi_VIF_State
// columns of OpenSync 7 and of a legacy firmware without the wpa columns, a typical
// tri-band radio set and a network builder. Kept out of index.ts: tests only.

import { DesiredNetwork, RadioView } from '../desired/desired-network';
import { capabilitiesFromColumns, DeviceCapabilities } from '../desired/device-capabilities';

const COMMON_VIF_COLUMNS = [
  'if_name', 'enabled', 'mode', 'parent', 'vif_radio_idx', 'ssid', 'ssid_broadcast', 'security', 'bridge',
  'mac_list', 'mac_list_type', 'vlan_id', 'ap_bridge', 'min_hw_mode', 'btm', 'rrm', 'uapsd_enable',
];
const WPA_VIF_COLUMNS = ['wpa', 'wpa_key_mgmt', 'wpa_psks', 'rsn_pairwise_ccmp', 'rsn_pairwise_tkip', 'pmf'];
const STATE_ONLY = ['vif_config', 'state', 'channel', 'mac', 'associated_clients', 'ap_vlan_sta_addr'];

export const CURRENT_CAPS: DeviceCapabilities = capabilitiesFromColumns(
  [...COMMON_VIF_COLUMNS, ...WPA_VIF_COLUMNS, 'vif_dbg_lvl', 'wpa_oftags', 'default_oftag'],
  [...COMMON_VIF_COLUMNS, ...WPA_VIF_COLUMNS, ...STATE_ONLY],
);

export const LEGACY_CAPS: DeviceCapabilities = capabilitiesFromColumns(
  [...COMMON_VIF_COLUMNS, 'vif_dbg_lvl'],
  [...COMMON_VIF_COLUMNS, ...STATE_ONLY],
);

export const RADIO_24: RadioView = { _uuid: 'aaaaaaaa-0000-4000-8000-000000000024', if_name: 'wifi0', freq_band: '2.4G', vif_configs: [] };
export const RADIO_5L: RadioView = { _uuid: 'aaaaaaaa-0000-4000-8000-0000000005a0', if_name: 'wifi1', freq_band: '5GL', vif_configs: [] };
export const RADIO_5U: RadioView = { _uuid: 'aaaaaaaa-0000-4000-8000-0000000005b0', if_name: 'wifi2', freq_band: '5GU', vif_configs: [] };
export const RADIO_6: RadioView = { _uuid: 'aaaaaaaa-0000-4000-8000-000000000060', if_name: 'wifi3', freq_band: '6G', vif_configs: [] };

export function network(overrides: Partial<DesiredNetwork> = {}): DesiredNetwork {
  return {
    id: 'net-home',
    slot: 1,
    kind: 'PRIMARY',
    ssid: 'Home',
    securityMode: 'WPA2_PSK',
    passphrase: 'correct horse',
    hidden: false,
    clientIsolation: false,
    bands: ['BAND_2_4G', 'BAND_5G'],
    enabled: true,
    ...overrides,
  };
}
