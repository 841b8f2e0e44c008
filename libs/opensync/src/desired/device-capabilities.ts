// What a device can be told, read from the schema it sent in get_schema. Old firmware has
// no wpa / wpa_key_mgmt / wpa_psks columns and takes security as the legacy `security` map;
// writing a column the device lacks would make the whole transaction fail.

export type SecurityStyle = 'wpa' | 'legacy' | 'none';

export interface DeviceCapabilities {
  vifConfigColumns: ReadonlySet<string>;
  /** Columns of Wifi_VIF_State; convergence compares only columns the device can report. */
  vifStateColumns: ReadonlySet<string>;
  securityStyle: SecurityStyle;
}

const WPA_COLUMNS = ['wpa', 'wpa_key_mgmt', 'wpa_psks'] as const;

export function capabilitiesFromColumns(
  vifConfigColumns: Iterable<string>,
  vifStateColumns: Iterable<string>,
): DeviceCapabilities {
  const config = new Set(vifConfigColumns);
  const state = new Set(vifStateColumns);
  let securityStyle: SecurityStyle = 'none';
  if (WPA_COLUMNS.every((c) => config.has(c))) securityStyle = 'wpa';
  else if (config.has('security')) securityStyle = 'legacy';
  return { vifConfigColumns: config, vifStateColumns: state, securityStyle };
}
