// Who sees which columns of the VIF rows node.vifs shows (security review, findings 7, 8).
// Redaction is by default, with allow-lists, so a column the list does not know (a new
// firmware's, or dpp_netaccesskey_hex, a private key) stays hidden:
// - platform admins see every column of every row;
// - group admins see every column of rows that are the current desired state, secrets
//   included (the passphrases are theirs), except keys the device holds for itself;
// - group support sees SUPPORT_COLUMNS only, secrets never;
// - a device row that is not (yet) the current desired state (the VIF is not in sync:
//   after a node moved between groups it may still carry the previous group's networks)
//   shows everyone but platform admins STATUS_COLUMNS only, no SSID, no secret.
// Hidden columns are left out of the row; masked secrets keep their keys (<redacted>).

import { redactSecrets, REDACTED } from '@lib/opensync';
import { Row, Value } from '@lib/ovsdb';
import { Json, jsonValue } from '../graphql/json-value';

export type VifAudience = 'PLATFORM_ADMIN' | 'GROUP_ADMIN' | 'GROUP_SUPPORT';

/** What a status screen needs: the interface, whether and how it runs, never whose network it is. */
export const STATUS_COLUMNS: ReadonlySet<string> = new Set([
  '_uuid', 'if_name', 'enabled', 'mode', 'state', 'vif_radio_idx', 'vif_config', 'channel', 'mac', 'bridge', 'vlan_id', 'min_hw_mode',
]);

/** Group support: the status columns and the network's public face; no secret, no key. */
export const SUPPORT_COLUMNS: ReadonlySet<string> = new Set([
  ...STATUS_COLUMNS, 'ssid', 'ssid_broadcast', 'ap_bridge', 'btm', 'rrm', 'wds', 'max_sta', 'wpa', 'wpa_key_mgmt', 'pmf', 'multi_ap',
  'mcast2ucast', 'uapsd_enable', 'dynamic_beacon', 'group_rekey', 'associated_clients', 'mld_if_name',
]);

/** Keys the device holds for itself (DPP, FT): never the group's to read. */
const DEVICE_KEY_COLUMNS: ReadonlySet<string> = new Set(['dpp_netaccesskey_hex', 'dpp_csign_hex', 'dpp_connector', 'ft_encr_key', 'radius_srv_secret']);

export interface VifRowPolicy {
  /** Undefined: every column. */
  columns?: ReadonlySet<string>;
  /** Passphrases and shared secrets shown as they are. */
  secrets: boolean;
  /** The device's own keys (DPP, FT) shown as they are. */
  deviceKeys: boolean;
}

const EVERYTHING: VifRowPolicy = { secrets: true, deviceKeys: true };
const OWN_NETWORKS: VifRowPolicy = { secrets: true, deviceKeys: false };
const SUPPORT: VifRowPolicy = { columns: SUPPORT_COLUMNS, secrets: false, deviceKeys: false };
const STATUS_ONLY: VifRowPolicy = { columns: STATUS_COLUMNS, secrets: false, deviceKeys: false };

/** The policy for one row; `current` is false for a device row of a VIF not in sync. */
export function vifRowPolicy(audience: VifAudience, current: boolean): VifRowPolicy {
  if (audience === 'PLATFORM_ADMIN') return EVERYTHING;
  if (!current) return STATUS_ONLY;
  return audience === 'GROUP_SUPPORT' ? SUPPORT : OWN_NETWORKS;
}

export function isVisibleColumn(policy: VifRowPolicy, column: string): boolean {
  return policy.columns === undefined || policy.columns.has(column);
}

/** The value as the policy shows it; undefined when the column is hidden (or has no value). */
export function visibleValue(policy: VifRowPolicy, column: string, value: Value): Value | undefined {
  if (!isVisibleColumn(policy, column)) return undefined;
  if (DEVICE_KEY_COLUMNS.has(column) && !policy.deviceKeys) return value === undefined ? undefined : REDACTED;
  return policy.secrets ? value : redactSecrets(column, value);
}

/** A row as JSON without the cache's metadata, as the policy lets it be seen. */
export function visibleRow(row: Readonly<Row> | undefined, policy: VifRowPolicy): Json {
  if (row === undefined) return null;
  const out: { [key: string]: Json } = {};
  for (const [column, value] of Object.entries(row)) {
    if (column === '_version') continue;
    if (isVisibleColumn(policy, column)) out[column] = jsonValue(visibleValue(policy, column, value as Value));
  }
  return out;
}
