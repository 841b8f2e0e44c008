// The operations that bring a device's isolation rows to the plan, as a pure function of
// (desired isolation, device replica, device schema), validated by the OperationBuilder.
//
// Bridge, Port and Interface are not root tables: a Bridge lives while Open_vSwitch.bridges
// references it. A new bridge is written the way `ovs-vsctl add-br` does it: an Interface
// of type internal, a Port holding it, the Bridge holding the Port, all named after the
// bridge and inserted with named uuids, and a reference added to the Open_vSwitch row (the
// table holds at most one row, so the mutate names none: the controller need not replicate
// it on every device), in one transaction. Removing the reference removes the three rows
// (the server collects them). A device without the Open_vSwitch row keeps no bridge: the
// status then reports it missing.
// Wifi_Inet_Config and Netfilter are root tables: rows are updated, inserted and deleted.
// Only rows the naming rule marks as the controller's are ever changed.

import { DatabaseSchema, NamedUuid, Operation, OperationBuilder } from '@lib/ovsdb';
import { CachedRow } from '../desired/desired-network';
import { planKeyedRows } from '../telemetry/config-rows';
import { DesiredIsolation } from './desired-isolation';
import { isOwnedNetfilter, parseIsolatedBridge } from './isolation-naming';

export const ISOLATION_TABLES = {
  openVswitch: 'Open_vSwitch',
  bridge: 'Bridge',
  port: 'Port',
  iface: 'Interface',
  inetConfig: 'Wifi_Inet_Config',
  inetState: 'Wifi_Inet_State',
  netfilter: 'Netfilter',
} as const;

/** The replica columns the plan and the status read, per table. */
export const ISOLATION_REPLICA_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  Bridge: ['name'],
  Wifi_Inet_Config: ['if_name', 'if_type', 'enabled', 'network', 'NAT', 'ip_assign_scheme', 'inet_addr', 'netmask', 'dhcpd'],
  Wifi_Inet_State: ['if_name', 'if_type', 'enabled', 'network', 'ip_assign_scheme', 'inet_addr', 'netmask'],
  Netfilter: ['name', 'enable', 'status', 'protocol', 'table', 'chain', 'priority', 'rule', 'target'],
};

export interface DeviceIsolationView {
  bridges: readonly CachedRow[];
  inetConfigs: readonly CachedRow[];
  inetStates: readonly CachedRow[];
  netfilters: readonly CachedRow[];
}

const supportBySchema = new WeakMap<DatabaseSchema, boolean>();

/** Whether a device with this schema can carry isolated networks at all (once per schema). */
export function schemaSupportsIsolation(schema: DatabaseSchema): boolean {
  let supported = supportBySchema.get(schema);
  if (supported === undefined) {
    supported = readSupport(schema);
    supportBySchema.set(schema, supported);
  }
  return supported;
}

function readSupport(schema: DatabaseSchema): boolean {
  const has = (table: string, columns: readonly string[]): boolean => {
    const t = schema.table(table);
    return t !== undefined && columns.every((c) => t.columns.has(c));
  };
  return (
    has('Open_vSwitch', ['bridges']) &&
    has('Bridge', ['name', 'ports']) &&
    has('Port', ['name', 'interfaces']) &&
    has('Interface', ['name', 'type']) &&
    has('Wifi_Inet_Config', ['if_name', 'if_type', 'enabled', 'network', 'NAT', 'ip_assign_scheme', 'inet_addr', 'netmask', 'dhcpd']) &&
    has('Netfilter', ['name', 'enable', 'protocol', 'table', 'chain', 'priority', 'rule', 'target'])
  );
}

export function planIsolationOperations(desired: DesiredIsolation, device: DeviceIsolationView, schema: DatabaseSchema): Operation[] {
  if (!schemaSupportsIsolation(schema)) return [];
  return [
    ...planBridges(desired, device, schema),
    ...planKeyedRows(
      {
        table: ISOLATION_TABLES.inetConfig,
        desired: new Map(desired.networks.map((n) => [n.bridge, n.inetConfig])),
        rows: device.inetConfigs.filter((r) => parseIsolatedBridge(r.if_name) !== null),
        keyOf: (row) => String(row.if_name),
      },
      schema,
    ),
    ...planKeyedRows(
      {
        table: ISOLATION_TABLES.netfilter,
        desired: new Map(desired.networks.flatMap((n) => [...n.netfilter])),
        rows: device.netfilters.filter((r) => isOwnedNetfilter(r.name)),
        keyOf: (row) => String(row.name),
      },
      schema,
    ),
  ];
}

function planBridges(desired: DesiredIsolation, device: DeviceIsolationView, schema: DatabaseSchema): Operation[] {
  const builder = new OperationBuilder(schema);
  const wanted = new Set(desired.networks.map((n) => n.bridge));
  const owned = device.bridges.filter((b) => parseIsolatedBridge(b.name) !== null);
  const present = new Set(owned.map((b) => String(b.name)));
  const ops: Operation[] = [];
  const added: NamedUuid[] = [];
  for (const name of wanted) {
    if (present.has(name)) continue;
    const id = name.replace(/[^A-Za-z0-9_]/g, '_');
    const iface = new NamedUuid(`iface_${id}`);
    const port = new NamedUuid(`port_${id}`);
    const bridge = new NamedUuid(`bridge_${id}`);
    ops.push(builder.insert(ISOLATION_TABLES.iface, { name, type: 'internal' }, iface));
    ops.push(builder.insert(ISOLATION_TABLES.port, { name, interfaces: [iface] }, port));
    ops.push(builder.insert(ISOLATION_TABLES.bridge, { name, ports: [port] }, bridge));
    added.push(bridge);
  }
  const removed = owned.filter((b) => !wanted.has(String(b.name))).map((b) => b._uuid);
  // Open_vSwitch has maxRows 1: no condition selects exactly its row.
  const where: Parameters<OperationBuilder['mutate']>[1] = [];
  if (added.length > 0) ops.push(builder.mutate(ISOLATION_TABLES.openVswitch, where, [['bridges', 'insert', added]]));
  if (removed.length > 0) ops.push(builder.mutate(ISOLATION_TABLES.openVswitch, where, [['bridges', 'delete', removed]]));
  return ops;
}
