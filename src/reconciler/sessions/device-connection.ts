// A device as the reconciler sees it while its session lives: who it is (serial, node row),
// what it can be told (its own schema, capabilities) and the replica of its WiFi tables.

import { DeviceCapabilities } from '@lib/opensync';
import { DatabaseCache, DatabaseSchema, OvsdbSession } from '@lib/ovsdb';

export interface DeviceConnection {
  readonly serial: string;
  readonly nodeId: string;
  readonly session: OvsdbSession;
  readonly schema: DatabaseSchema;
  readonly caps: DeviceCapabilities;
  /** Wifi_Radio_Config/State, Wifi_VIF_Config/State, Wifi_Associated_Clients (those the schema has). */
  readonly wifi: DatabaseCache;
  readonly connectedAt: Date;
}

export const WIFI_TABLES = ['Wifi_Radio_Config', 'Wifi_Radio_State', 'Wifi_VIF_Config', 'Wifi_VIF_State', 'Wifi_Associated_Clients'] as const;
/** Changes in these tables can make a pass necessary or change a network's status. */
export const RECONCILE_TABLES: ReadonlySet<string> = new Set(['Wifi_Radio_Config', 'Wifi_VIF_Config', 'Wifi_VIF_State']);
