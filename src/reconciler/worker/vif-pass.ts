// One reconciliation pass, as pure data: desired VIFs for the node's networks on the
// device's radios, the isolation rows of its auxiliary networks, and the operations that
// bring Wifi_VIF_Config and those rows there.

import {
  CachedRow,
  ClientBlock,
  DesiredIsolation,
  desiredIsolation,
  DesiredKeyIsolation,
  desiredKeyIsolation,
  DeviceKeyIsolationView,
  DesiredNetwork,
  desiredVifs,
  DesiredVifsResult,
  DeviceIsolationView,
  IsolationOptions,
  nextKeyEdge,
  planIsolationOperations,
  planKeyIsolationOperations,
  planVifOperations,
  radioViews,
  schemaSupportsIsolation,
  schemaSupportsKeyIsolation,
} from '@lib/opensync';
import { Operation } from '@lib/ovsdb';
import { DeviceConnection } from '../sessions/device-connection';

export interface VifPass {
  desired: DesiredVifsResult;
  isolation: DesiredIsolation;
  isolationView: DeviceIsolationView;
  /** Tags and rules that keep the personal keys of pool networks apart (from the desired VIFs). */
  keyIsolation: DesiredKeyIsolation;
  keyIsolationView: DeviceKeyIsolationView;
  operations: Operation[];
  configRows: CachedRow[];
  stateRows: CachedRow[];
}

export function rowsOf(connection: DeviceConnection, table: string): CachedRow[] {
  return [...(connection.wifi.table(table)?.values() ?? [])] as CachedRow[];
}

export function isolationViewOf(connection: DeviceConnection): DeviceIsolationView {
  return {
    bridges: rowsOf(connection, 'Bridge'),
    inetConfigs: rowsOf(connection, 'Wifi_Inet_Config'),
    inetStates: rowsOf(connection, 'Wifi_Inet_State'),
    netfilters: rowsOf(connection, 'Netfilter'),
  };
}

export function planPass(
  connection: DeviceConnection,
  networks: readonly DesiredNetwork[],
  now: Date,
  isolationOptions: IsolationOptions,
  blocks: readonly ClientBlock[] = [],
  keyPeers: ReadonlyMap<string, readonly string[]> = new Map(),
): VifPass {
  const radios = radioViews(rowsOf(connection, 'Wifi_Radio_Config'));
  const configRows = rowsOf(connection, 'Wifi_VIF_Config');
  const isolationView = isolationViewOf(connection);
  const isolation = desiredIsolation(
    networks,
    now,
    {
      supported: schemaSupportsIsolation(connection.schema),
      inetRows: [...isolationView.inetConfigs, ...isolationView.inetStates],
    },
    isolationOptions,
  );
  const keyIsolationSupported = schemaSupportsKeyIsolation(connection.schema);
  const desired = desiredVifs(networks, radios, connection.caps, now, { homeBridge: isolationOptions.homeBridge, isolation, blocks, keyIsolation: keyIsolationSupported });
  const keyIsolation = desiredKeyIsolation([...desired.byRadio.values()].flat(), keyPeers);
  const keyIsolationView = { tags: rowsOf(connection, 'Openflow_Tag'), netfilters: isolationView.netfilters };
  const operations = [
    ...planIsolationOperations(isolation, isolationView, connection.schema),
    ...planKeyIsolationOperations(keyIsolation, keyIsolationView, connection.schema),
    ...planVifOperations(desired.byRadio, { radios, vifConfigs: configRows }, connection.schema),
  ];
  return { desired, isolation, isolationView, keyIsolation, keyIsolationView, operations, configRows, stateRows: rowsOf(connection, 'Wifi_VIF_State') };
}

/**
 * The next instant at which an active network of these expires, or a personal key of one
 * opens or closes its window (a pass is due then).
 */
export function nextExpiry(networks: readonly DesiredNetwork[], now: Date): Date | undefined {
  let next: Date | undefined;
  const consider = (at: Date | null | undefined): void => {
    if (at == null || at.getTime() <= now.getTime()) return;
    if (next === undefined || at.getTime() < next.getTime()) next = at;
  };
  for (const n of networks) {
    if (!n.enabled) continue;
    consider(n.expiresAt);
    if (n.personalKeys != null) consider(nextKeyEdge(n.personalKeys, now));
  }
  return next;
}
