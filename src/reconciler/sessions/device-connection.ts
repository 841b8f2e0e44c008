// A device as the reconciler sees it while its session lives: who it is (serial, node row),
// what it can be told (its own schema, capabilities) and the replica of its WiFi tables.

import { DeviceCapabilities, ISOLATION_REPLICA_COLUMNS, KEY_ISOLATION_REPLICA_COLUMNS, MANAGED_STATS_COLUMNS, MANAGED_VIF_COLUMNS, NICKNAME_COLUMNS } from '@lib/opensync';
import { DatabaseCache, DatabaseSchema, MonitoredTable, MonitorRequests, OvsdbSession } from '@lib/ovsdb';

export interface DeviceConnection {
  readonly serial: string;
  readonly nodeId: string;
  readonly session: OvsdbSession;
  readonly schema: DatabaseSchema;
  readonly caps: DeviceCapabilities;
  /** The WIFI_TABLES columns of the device (those its schema has). */
  readonly wifi: DatabaseCache;
  readonly connectedAt: Date;
}

/**
 * What the controller replicates of each device, per table: the columns it reads. Ten
 * thousand replicas make each column count (docs/benchmarks.md): radio and VIF rows carry
 * dozens of columns nothing here reads. The VIF tables keep the columns the controller sets
 * (convergence is judged on those) and the row links; node.vifs reads whole rows from the
 * device when asked. Wifi_Associated_Clients, whose churn nothing here uses, is not
 * replicated here (src/clients keeps its own replica). The cloud-config tables of telemetry
 * (AWLAN_Node.mqtt_settings, Wifi_Stats_Config, Client_Nickname_Config) are desired state
 * planned in the same pass, so they are replicated here with the columns the controller sets.
 * So are the rows of isolated networks (Bridge names, Wifi_Inet_Config
 * and Wifi_Inet_State addresses, Netfilter rules): a handful of rows per device, and none
 * beyond the device's own until it carries an isolated network; and the name and cloud_value
 * of Openflow_Tag rows (the tags of personal keys kept apart; device_value, which the device
 * rewrites on every client connect, is not replicated).
 */
export const WIFI_TABLES: Readonly<Record<string, readonly string[]>> = {
  Wifi_Radio_Config: ['if_name', 'freq_band', 'vif_configs', 'channel'],
  Wifi_Radio_State: ['if_name', 'freq_band', 'channel'],
  Wifi_VIF_Config: MANAGED_VIF_COLUMNS,
  Wifi_VIF_State: [...MANAGED_VIF_COLUMNS, 'vif_config'],
  AWLAN_Node: ['mqtt_settings', 'min_backoff', 'max_backoff'],
  Wifi_Stats_Config: MANAGED_STATS_COLUMNS,
  Client_Nickname_Config: NICKNAME_COLUMNS,
  ...ISOLATION_REPLICA_COLUMNS,
  ...KEY_ISOLATION_REPLICA_COLUMNS,
};
/** Changes in these tables can make a pass necessary or change a network's status. */
export const RECONCILE_TABLES: ReadonlySet<string> = new Set([
  'Wifi_Radio_Config',
  'Wifi_VIF_Config',
  'Wifi_VIF_State',
  'AWLAN_Node',
  'Wifi_Stats_Config',
  'Client_Nickname_Config',
  ...Object.keys(ISOLATION_REPLICA_COLUMNS),
  ...Object.keys(KEY_ISOLATION_REPLICA_COLUMNS),
]);

const monitoredBySchema = new WeakMap<DatabaseSchema, Readonly<Record<string, MonitoredTable>>>();

/**
 * The WIFI_TABLES a device's schema has, limited to the columns it has: what its replica
 * monitors. Computed once per schema (devices sending the same schema share one), so ten
 * thousand replicas share the column lists.
 */
export function monitoredWifiTables(schema: DatabaseSchema): Readonly<Record<string, MonitoredTable>> {
  let monitored = monitoredBySchema.get(schema);
  if (monitored === undefined) {
    const tables: Record<string, MonitoredTable> = {};
    for (const [name, columns] of Object.entries(WIFI_TABLES)) {
      const table = schema.table(name);
      const present = columns.filter((c) => table?.columns.has(c));
      if (table && present.length > 0) tables[name] = { columns: Object.freeze(present) };
    }
    monitored = Object.freeze(tables);
    monitoredBySchema.set(schema, monitored);
  }
  return monitored;
}

const requestsBySchema = new WeakMap<DatabaseSchema, MonitorRequests>();

/**
 * The monitor requests for a replica of monitoredWifiTables(schema): every table with the
 * cache's columns. Shared per schema, since a monitor keeps its requests for a resync.
 */
export function wifiMonitorRequests(schema: DatabaseSchema): MonitorRequests {
  let requests = requestsBySchema.get(schema);
  if (requests === undefined) {
    requests = Object.freeze(Object.fromEntries(Object.keys(monitoredWifiTables(schema)).map((name) => [name, Object.freeze({})])));
    requestsBySchema.set(schema, requests);
  }
  return requests;
}
