// One reconciliation pass, as pure data: desired VIFs for the node's networks on the
// device's radios, and the operations that bring Wifi_VIF_Config there.

import { CachedRow, ClientBlock, DesiredNetwork, desiredVifs, DesiredVifsResult, planVifOperations, radioViews } from '@lib/opensync';
import { Operation } from '@lib/ovsdb';
import { DeviceConnection } from '../sessions/device-connection';

export interface VifPass {
  desired: DesiredVifsResult;
  operations: Operation[];
  configRows: CachedRow[];
  stateRows: CachedRow[];
}

export function rowsOf(connection: DeviceConnection, table: string): CachedRow[] {
  return [...(connection.wifi.table(table)?.values() ?? [])] as CachedRow[];
}

export function planPass(connection: DeviceConnection, networks: readonly DesiredNetwork[], now: Date, blocks: readonly ClientBlock[] = []): VifPass {
  const radios = radioViews(rowsOf(connection, 'Wifi_Radio_Config'));
  const configRows = rowsOf(connection, 'Wifi_VIF_Config');
  const desired = desiredVifs(networks, radios, connection.caps, now, { blocks });
  const operations = planVifOperations(desired.byRadio, { radios, vifConfigs: configRows }, connection.schema);
  return { desired, operations, configRows, stateRows: rowsOf(connection, 'Wifi_VIF_State') };
}

/** The next instant at which an active network of these expires (a pass is due then). */
export function nextExpiry(networks: readonly DesiredNetwork[], now: Date): Date | undefined {
  let next: Date | undefined;
  for (const n of networks) {
    const at = n.expiresAt;
    if (!n.enabled || at == null || at.getTime() <= now.getTime()) continue;
    if (next === undefined || at.getTime() < next.getTime()) next = at;
  }
  return next;
}
