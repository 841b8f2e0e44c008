// Convergence of one network on one node, and of one network over all its nodes. Computed
// from what the device reports, never assumed from what was sent: a transaction that
// succeeded only means Wifi_VIF_Config holds the rows; Wifi_VIF_State says whether the
// radio really runs them.

import { Value } from '@lib/ovsdb';
import { CachedRow, DesiredVif } from '../desired/desired-network';
import { valuesEqual } from '../values/value-equality';
import { compareVif, CompareVifOptions } from './compare-vif';
import { redactSecrets } from './vif-mismatch';

export type NetworkNodeStatus = 'APPLIED' | 'PENDING' | 'FAILED' | 'OFFLINE';

export type NodeMismatchReason =
  /** No Wifi_VIF_Config row with the VIF's if_name yet. */
  | 'CONFIG_MISSING'
  /** The config row is not what the model wants (not written yet, or changed on the device). */
  | 'CONFIG_DIFFERS'
  /** The device has not applied the config row (no state, other vif_config, other values). */
  | 'STATE_DIFFERS'
  /** A VIF that must be gone is still configured or still running. */
  | 'NOT_REMOVED';

export interface NodeVifMismatch {
  ifName: string;
  reason: NodeMismatchReason;
  column?: string;
  /** Value in Wifi_VIF_Config, secrets redacted. */
  config?: Value;
  /** Value in Wifi_VIF_State, secrets redacted. */
  state?: Value;
  /** Value the model wants, for CONFIG_DIFFERS, secrets redacted. */
  desired?: Value;
}

export interface NetworkNodeStatusInput {
  /** This network's VIFs on this node (from desiredVifs). */
  desiredVifs: readonly DesiredVif[];
  /** Owned if_names of this network that must not exist (network disabled, band dropped). */
  removedIfNames?: readonly string[];
  configRows: readonly CachedRow[];
  stateRows: readonly CachedRow[];
  connected: boolean;
  /** When the node started waiting for this network (last change sent or reconnect). */
  pendingSince?: Date;
  now: Date;
  failAfterMs: number;
  compareOptions?: CompareVifOptions;
}

export interface NetworkNodeStatusResult {
  status: NetworkNodeStatus;
  mismatches: NodeVifMismatch[];
}

export function networkNodeStatus(input: NetworkNodeStatusInput): NetworkNodeStatusResult {
  // Without a session the cache is gone or stale: nothing it says can prove anything.
  if (!input.connected) return { status: 'OFFLINE', mismatches: [] };
  const mismatches = [
    ...input.desiredVifs.flatMap((vif) => vifMismatches(vif, input)),
    ...(input.removedIfNames ?? []).flatMap((ifName) => leftovers(ifName, input)),
  ];
  if (mismatches.length === 0) return { status: 'APPLIED', mismatches };
  const waited = input.pendingSince === undefined ? 0 : input.now.getTime() - input.pendingSince.getTime();
  return { status: waited >= input.failAfterMs && input.pendingSince !== undefined ? 'FAILED' : 'PENDING', mismatches };
}

function vifMismatches(vif: DesiredVif, input: NetworkNodeStatusInput): NodeVifMismatch[] {
  const config = input.configRows.find((row) => row.if_name === vif.ifName);
  if (!config) return [{ ifName: vif.ifName, reason: 'CONFIG_MISSING' }];
  const configDiffers: NodeVifMismatch[] = Object.entries(vif.row)
    .filter(([column, wanted]) => !valuesEqual(wanted, config[column]))
    .map(([column, wanted]) => ({
      ifName: vif.ifName,
      reason: 'CONFIG_DIFFERS',
      column,
      config: redactSecrets(column, config[column]),
      desired: redactSecrets(column, wanted),
    }));
  if (configDiffers.length > 0) return configDiffers;
  const state = stateFor(config, input.stateRows);
  return compareVif(config, state, input.compareOptions).mismatches.map((m) => ({
    ifName: vif.ifName,
    reason: 'STATE_DIFFERS',
    ...m,
  }));
}

function stateFor(config: CachedRow, stateRows: readonly CachedRow[]): CachedRow | undefined {
  const named = stateRows.filter((row) => row.if_name === config.if_name);
  return named.find((row) => row.vif_config === config._uuid) ?? named[0];
}

function leftovers(ifName: string, input: NetworkNodeStatusInput): NodeVifMismatch[] {
  const inConfig = input.configRows.some((row) => row.if_name === ifName);
  const inState = input.stateRows.some((row) => row.if_name === ifName);
  return inConfig || inState ? [{ ifName, reason: 'NOT_REMOVED', config: inConfig, state: inState }] : [];
}

/**
 * One status for a network over its nodes. A failure anywhere wins so it is never hidden;
 * then waiting; an offline node neither blocks APPLIED nor counts as applied, so a network
 * whose nodes are all offline (or that has no node at all) is OFFLINE.
 */
export function aggregateNetworkStatus(statuses: readonly NetworkNodeStatus[]): NetworkNodeStatus {
  if (statuses.includes('FAILED')) return 'FAILED';
  if (statuses.includes('PENDING')) return 'PENDING';
  if (statuses.includes('APPLIED')) return 'APPLIED';
  return 'OFFLINE';
}
