// Convergence as users see it. Per (network, node) results are kept as the node's passes
// compute them; a change is published at once (statusChanged$), so GraphQL subscribers are
// pushed the new status instead of polling. Queries combine the kept results with the
// location's nodes from the database: a node without a session is OFFLINE.

import { Injectable, Logger } from '@nestjs/common';
import { aggregateNetworkStatus, NetworkNodeStatus } from '@lib/opensync';
import { Observable, Subject } from 'rxjs';
import { DataSource } from 'typeorm';
import { CompiledFinder } from '../../database/compiled-finder';
import { Node } from '../../nodes/node.entity';
import { WifiNetwork } from '../../wifi-networks/wifi-network.entity';
import { NodeNetworkStatus, NodeStatusMismatch } from './node-network-statuses';
import { PendingTracker } from './pending-tracker';

export interface NodeStatusView {
  nodeId: string;
  serial: string;
  status: NetworkNodeStatus;
  mismatches: NodeStatusMismatch[];
}

export interface NetworkStatusView {
  networkId: string;
  overall: NetworkNodeStatus;
  nodes: NodeStatusView[];
}

interface NodeResults {
  serial: string;
  byNetwork: Map<string, NodeNetworkStatus>;
}

@Injectable()
export class NetworkStatusService {
  readonly pending = new PendingTracker();
  private readonly results = new Map<string, NodeResults>();
  private readonly changedSubject = new Subject<string>();
  private readonly nodesByLocation: CompiledFinder<Node>;
  private readonly logger = new Logger('Reconciler');
  /** (network, node) pairs that turned FAILED; read by the metrics module. */
  readonly stats = { failedTransitions: 0 };
  /** Told of this instance's own results (a cluster publishes them to the other instances). */
  onLocalResult: ((nodeId: string, serial: string, statuses: readonly NodeNetworkStatus[] | 'offline') => void) | undefined;

  constructor(dataSource: DataSource) {
    this.nodesByLocation = new CompiledFinder(dataSource, Node, { where: 'locationId', orderBy: [['serialNumber', 'ASC']] });
  }

  /** Ids of networks whose status changed on some node. */
  get statusChanged$(): Observable<string> {
    return this.changedSubject.asObservable();
  }

  /** Results of one pass over a connected node; publishes every network whose status moved. */
  record(nodeId: string, serial: string, statuses: readonly NodeNetworkStatus[], local = true): void {
    if (local) this.onLocalResult?.(nodeId, serial, statuses);
    const previous = this.results.get(nodeId)?.byNetwork ?? new Map<string, NodeNetworkStatus>();
    const next = new Map(statuses.map((s) => [s.networkId, s]));
    this.results.set(nodeId, { serial, byNetwork: next });
    const changed = new Set<string>();
    for (const [id, status] of next) {
      const before = previous.get(id);
      if (sameStatus(before, status)) continue;
      changed.add(id);
      if (status.status === 'FAILED' && before?.status !== 'FAILED') {
        this.stats.failedTransitions++;
        this.logger.warn(`[serial=${serial}] network ${id} FAILED: ${describeMismatches(status.mismatches)}`);
      }
    }
    for (const id of previous.keys()) if (!next.has(id)) changed.add(id);
    for (const id of changed) this.changedSubject.next(id);
  }

  /** The node has no session any more: all its networks read OFFLINE there. */
  offline(nodeId: string, local = true): void {
    const previous = this.results.get(nodeId);
    if (local) this.onLocalResult?.(nodeId, previous?.serial ?? '', 'offline');
    this.results.delete(nodeId);
    this.pending.reset(nodeId);
    for (const id of previous?.byNetwork.keys() ?? []) this.changedSubject.next(id);
  }

  /** (network, connected node) results by status, computed when asked (metrics scrape). */
  countByStatus(): Map<NetworkNodeStatus, number> {
    const counts = new Map<NetworkNodeStatus, number>();
    for (const { byNetwork } of this.results.values()) {
      for (const result of byNetwork.values()) counts.set(result.status, (counts.get(result.status) ?? 0) + 1);
    }
    return counts;
  }

  /** A node's kept results (a cluster sends them to an instance that joined). */
  resultsOf(nodeId: string): { serial: string; statuses: NodeNetworkStatus[] } | undefined {
    const kept = this.results.get(nodeId);
    return kept && { serial: kept.serial, statuses: [...kept.byNetwork.values()] };
  }

  resultFor(nodeId: string, networkId: string): NodeNetworkStatus | undefined {
    return this.results.get(nodeId)?.byNetwork.get(networkId);
  }

  async statusOf(network: WifiNetwork): Promise<NetworkStatusView> {
    const nodes = await this.nodesByLocation.find(network.locationId);
    const views = nodes.map((node): NodeStatusView => {
      const result = this.results.get(node.id)?.byNetwork.get(network.id);
      // A result for another version of the network (the change just committed, its pass not
      // done yet) says nothing about this one: the node is waiting for it.
      if (result !== undefined && isCurrent(result, network)) return { nodeId: node.id, serial: node.serialNumber, status: result.status, mismatches: result.mismatches };
      // Connected but not yet evaluated for this network (a pass is on its way).
      const status: NetworkNodeStatus = this.results.has(node.id) || node.connected ? 'PENDING' : 'OFFLINE';
      return { nodeId: node.id, serial: node.serialNumber, status, mismatches: [] };
    });
    return { networkId: network.id, overall: aggregateNetworkStatus(views.map((v) => v.status)), nodes: views };
  }

  complete(): void {
    this.changedSubject.complete();
  }
}

/** Whether `result` was computed for the network as it is now (results without a version: yes). */
export function isCurrent(result: NodeNetworkStatus, network: Pick<WifiNetwork, 'updatedAt'>): boolean {
  return result.version === undefined || result.version === network.updatedAt.getTime();
}

/** Interface, column and reason of each mismatch; never the values (a passphrase is one). */
export function describeMismatches(mismatches: readonly NodeStatusMismatch[]): string {
  if (mismatches.length === 0) return 'no mismatch recorded';
  return mismatches.map((m) => `${m.ifName}${m.column ? `.${m.column}` : ''} (${m.reason})`).join(', ');
}

function sameStatus(a: NodeNetworkStatus | undefined, b: NodeNetworkStatus): boolean {
  return a !== undefined && a.status === b.status && JSON.stringify(a.mismatches, mapReplacer) === JSON.stringify(b.mismatches, mapReplacer);
}

function mapReplacer(_key: string, value: unknown): unknown {
  return value instanceof Map ? [...value.entries()] : value;
}
