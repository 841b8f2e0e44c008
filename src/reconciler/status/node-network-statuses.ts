// Status of every network of a location on one connected node, from the pass's desired
// VIFs and the device cache. Pure: the status service keeps the results and publishes
// the ones that changed.

import { createHash } from 'node:crypto';
import {
  CachedRow,
  canonicalValue,
  DesiredNetwork,
  DesiredVif,
  DesiredVifsResult,
  networkNodeStatus,
  NetworkNodeStatus,
  NodeVifMismatch,
  parseOwnedIfName,
} from '@lib/opensync';

export interface NodeNetworkStatus {
  networkId: string;
  status: NetworkNodeStatus;
  mismatches: NodeStatusMismatch[];
  /** When this status turns FAILED unless the device converges first (PENDING only). */
  failsAt?: Date;
}

/** A convergence mismatch, or a VIF the device cannot carry (reason = the skip reason). */
export type NodeStatusMismatch = Omit<NodeVifMismatch, 'reason'> & { reason: string };

export interface NodeNetworkStatusInput {
  networks: readonly DesiredNetwork[];
  desired: DesiredVifsResult;
  configRows: readonly CachedRow[];
  stateRows: readonly CachedRow[];
  stateColumns: ReadonlySet<string>;
  /** When the node started waiting for the network's current desired VIFs. */
  pendingSince: (networkId: string, fingerprint: string) => Date;
  now: Date;
  failAfterMs: number;
}

export function vifsOf(desired: DesiredVifsResult, networkId: string): DesiredVif[] {
  return [...desired.byRadio.values()].flat().filter((vif) => vif.networkId === networkId);
}

/**
 * Equal for two sets of desired VIFs exactly when the device would need no change between
 * them. A digest of the canonical text: every connected node keeps one per network, and the
 * text itself (every column of every VIF, over a kilobyte) would be most of what it keeps.
 */
export function desiredFingerprint(vifs: readonly DesiredVif[]): string {
  const text = vifs
    .map((vif) => `${vif.ifName}{${Object.entries(vif.row).map(([k, v]) => `${k}=${canonicalValue(v)}`).sort().join(',')}}`)
    .sort()
    .join(';');
  return createHash('sha256').update(text).digest('base64');
}

export function nodeNetworkStatuses(input: NodeNetworkStatusInput): NodeNetworkStatus[] {
  return input.networks.map((network) => {
    const vifs = vifsOf(input.desired, network.id);
    const wanted = new Set(vifs.map((v) => v.ifName));
    const removedIfNames = ownedNamesOfSlot(network.slot, [...input.configRows, ...input.stateRows]).filter((n) => !wanted.has(n));
    const since = input.pendingSince(network.id, desiredFingerprint(vifs));
    const result = networkNodeStatus({
      desiredVifs: vifs,
      removedIfNames,
      configRows: input.configRows,
      stateRows: input.stateRows,
      connected: true,
      pendingSince: since,
      now: input.now,
      failAfterMs: input.failAfterMs,
      compareOptions: { stateColumns: input.stateColumns },
    });
    const skipped: NodeStatusMismatch[] = input.desired.skipped
      .filter((s) => s.networkId === network.id)
      .map((s) => ({ ifName: '', reason: s.reason, column: `radio ${s.radioBand}` }));
    if (skipped.length > 0) return { networkId: network.id, status: 'FAILED', mismatches: [...result.mismatches, ...skipped] };
    const failsAt = result.status === 'PENDING' ? new Date(since.getTime() + input.failAfterMs) : undefined;
    return { networkId: network.id, status: result.status, mismatches: result.mismatches, failsAt };
  });
}

function ownedNamesOfSlot(slot: number, rows: readonly CachedRow[]): string[] {
  const names = new Set<string>();
  for (const row of rows) {
    if (typeof row.if_name === 'string' && parseOwnedIfName(row.if_name)?.slot === slot) names.add(row.if_name);
  }
  return [...names];
}
