// From the status service's views to the GraphQL objects.

import { NetworkStatusView } from '../status/network-status.service';
import { jsonMismatch } from '../status/json-mismatch';
import { ConvergenceStatus, WifiNetworkStatus } from './status.types';

export function toWifiNetworkStatus(view: NetworkStatusView): WifiNetworkStatus {
  return {
    networkId: view.networkId,
    overall: view.overall as ConvergenceStatus,
    nodes: view.nodes.map((n) => ({
      nodeId: n.nodeId,
      serial: n.serial,
      status: n.status as ConvergenceStatus,
      mismatches: n.mismatches.map(jsonMismatch),
    })),
  };
}
