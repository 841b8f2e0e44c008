// The Wifi_VIF_Config columns the controller sets: every column a row from desiredVifs can
// carry (the AP columns and both security dialects). The reconciler replicates only these
// (and the links between rows) from each device, and convergence is judged on them: what
// the controller asked for must read back in Wifi_VIF_State. A column added to the desired
// rows must be added here; the spec of this file checks every combination.

export const MANAGED_VIF_COLUMNS: readonly string[] = Object.freeze([
  'if_name',
  'enabled',
  'mode',
  'ssid',
  'ssid_broadcast',
  'bridge',
  'vlan_id',
  'ap_bridge',
  'vif_radio_idx',
  'wpa',
  'wpa_key_mgmt',
  'wpa_psks',
  'wpa_oftags',
  'rsn_pairwise_ccmp',
  'pmf',
  'security',
  'mac_list',
  'mac_list_type',
]);
