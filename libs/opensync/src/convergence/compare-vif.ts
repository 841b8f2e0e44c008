// Has the device applied one Wifi_VIF_Config row? OpenSync's WiFi manager links
// Wifi_VIF_State to its config by if_name and sets state.vif_config to the config row's
// uuid once it has acted on it (wm2_radio.c, ow_ovsdb.c); after that, every column the
// config sets must read back equal in the state.

import { CachedRow } from '../desired/desired-network';
import { isEmptyValue, valuesEqual } from '../values/value-equality';
import { mismatch, VifComparison, VifMismatch } from './vif-mismatch';

/** Wifi_VIF_Config columns that have no Wifi_VIF_State counterpart in OpenSync 7. */
export const CONFIG_ONLY_VIF_COLUMNS: ReadonlySet<string> = new Set([
  'credential_configs',
  'default_oftag',
  'passpoint_hessid',
  'vif_dbg_lvl',
  'wpa_oftags',
]);

const ROW_METADATA = new Set(['_uuid', '_version']);

export interface CompareVifOptions {
  /**
   * Columns of the device's Wifi_VIF_State; a config column missing there can never be
   * reported and is not compared. Without it CONFIG_ONLY_VIF_COLUMNS is used.
   */
  stateColumns?: ReadonlySet<string>;
  /** Columns not to compare, for firmware known to report a column differently. */
  ignoreColumns?: ReadonlySet<string>;
}

export function compareVif(config: CachedRow, state: CachedRow | undefined, options: CompareVifOptions = {}): VifComparison {
  if (state === undefined) {
    return { inSync: false, mismatches: [mismatch('vif_config', config._uuid, undefined)] };
  }
  const mismatches: VifMismatch[] = [];
  if (state.vif_config !== config._uuid) mismatches.push(mismatch('vif_config', config._uuid, state.vif_config));
  for (const [column, value] of Object.entries(config)) {
    if (!isCompared(column, options) || isEmptyValue(value)) continue;
    if (!valuesEqual(value, state[column])) mismatches.push(mismatch(column, value, state[column]));
  }
  return { inSync: mismatches.length === 0, mismatches };
}

function isCompared(column: string, options: CompareVifOptions): boolean {
  if (ROW_METADATA.has(column) || options.ignoreColumns?.has(column)) return false;
  return options.stateColumns ? options.stateColumns.has(column) : !CONFIG_ONLY_VIF_COLUMNS.has(column);
}
