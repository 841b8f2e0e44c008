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
  DesiredIsolatedNetwork,
  DesiredIsolation,
  DesiredKeyIsolatedNetwork,
  DesiredKeyIsolation,
  DeviceIsolationView,
  DeviceKeyIsolationView,
  isolationMismatches,
  keyIsolationMismatches,
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
  /** The version of the network (DesiredNetwork.version) this status was computed for. */
  version?: number;
}

/** A convergence mismatch, or a VIF the device cannot carry (reason = the skip reason). */
export type NodeStatusMismatch = Omit<NodeVifMismatch, 'reason'> & { reason: string };

export interface NodeNetworkStatusInput {
  networks: readonly DesiredNetwork[];
  desired: DesiredVifsResult;
  /** The node's isolation plan and the device's isolation rows (absent: nothing isolated). */
  isolation?: DesiredIsolation;
  isolationView?: DeviceIsolationView;
  /** The node's personal-key tags and rules, and the device's (absent: no key kept apart). */
  keyIsolation?: DesiredKeyIsolation;
  keyIsolationView?: DeviceKeyIsolationView;
  /** Whether the device reports Wifi_Inet_State (then an isolated bridge must read back applied). */
  inetState?: boolean;
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
export function desiredFingerprint(vifs: readonly DesiredVif[], isolation?: DesiredIsolatedNetwork, keys?: DesiredKeyIsolatedNetwork): string {
  const rowText = (name: string, row: Readonly<Record<string, unknown>>): string =>
    `${name}{${Object.entries(row).map(([k, v]) => `${k}=${canonicalValue(v)}`).sort().join(',')}}`;
  const parts = vifs.map((vif) => rowText(vif.ifName, vif.row));
  if (isolation !== undefined) {
    parts.push(rowText(`inet:${isolation.bridge}`, isolation.inetConfig));
    for (const [name, row] of isolation.netfilter) parts.push(rowText(`nf:${name}`, row));
  }
  if (keys !== undefined) {
    for (const [name, row] of keys.tags) parts.push(rowText(`tag:${name}`, row));
    for (const [name, row] of keys.netfilter) parts.push(rowText(`nf:${name}`, row));
  }
  return createHash('sha256').update(parts.sort().join(';')).digest('base64');
}

export function nodeNetworkStatuses(input: NodeNetworkStatusInput): NodeNetworkStatus[] {
  return input.networks.map((network) => {
    const vifs = vifsOf(input.desired, network.id);
    const wanted = new Set(vifs.map((v) => v.ifName));
    const removedIfNames = ownedNamesOfSlot(network.slot, [...input.configRows, ...input.stateRows]).filter((n) => !wanted.has(n));
    const isolation = input.isolation?.networks.find((i) => i.networkId === network.id);
    const keys = input.keyIsolation?.networks.find((k) => k.networkId === network.id);
    const since = input.pendingSince(network.id, desiredFingerprint(vifs, isolation, keys));
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
    // Another network holding the slot (a slot conflict, already FAILED) owns that bridge.
    const slotHeldByOther = input.isolation?.networks.some((i) => i.slot === network.slot && i.networkId !== network.id) ?? false;
    const isolated = [
      ...(input.isolationView === undefined || slotHeldByOther
        ? []
        : isolationMismatches({ wanted: isolation, slot: network.slot, device: input.isolationView, inetState: input.inetState ?? false })),
      ...(input.keyIsolationView === undefined || slotHeldByOther ? [] : keyIsolationMismatches(network.slot, keys, input.keyIsolationView)),
    ];
    if (isolated.length > 0 && result.status === 'APPLIED') {
      // The VIFs run, but the network is not isolated yet: it is not applied.
      result.status = 'PENDING';
      const waited = input.now.getTime() - since.getTime();
      if (waited >= input.failAfterMs) result.status = 'FAILED';
    }
    result.mismatches.push(...(isolated as NodeVifMismatch[]));
    const skipped: NodeStatusMismatch[] = input.desired.skipped
      .filter((s) => s.networkId === network.id)
      .map((s) => ({ ifName: '', reason: s.reason, column: `radio ${s.radioBand}` }));
    const version = network.version === undefined ? {} : { version: network.version };
    if (skipped.length > 0) return { networkId: network.id, status: 'FAILED', mismatches: [...result.mismatches, ...skipped], ...version };
    const failsAt = result.status === 'PENDING' ? new Date(since.getTime() + input.failAfterMs) : undefined;
    return { networkId: network.id, status: result.status, mismatches: result.mismatches, failsAt, ...version };
  });
}

function ownedNamesOfSlot(slot: number, rows: readonly CachedRow[]): string[] {
  const names = new Set<string>();
  for (const row of rows) {
    if (typeof row.if_name === 'string' && parseOwnedIfName(row.if_name)?.slot === slot) names.add(row.if_name);
  }
  return [...names];
}
