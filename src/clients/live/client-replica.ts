// What the controller replicates of each device's client tables, in a cache of its own
// (not the reconciler's: client churn must never trigger a reconcile pass), with only the
// columns read here: who is associated (mac, key_id), which VIF links them, and the DHCP
// lease details. Computed once per device schema, as the WiFi replica's lists are.

import { DatabaseSchema, MonitoredTable } from '@lib/ovsdb';

export const CLIENT_TABLES: Readonly<Record<string, readonly string[]>> = {
  Wifi_Associated_Clients: ['mac', 'key_id'],
  Wifi_VIF_State: ['if_name', 'associated_clients'],
  DHCP_leased_IP: ['hwaddr', 'inet_addr', 'hostname', 'fingerprint', 'vendor_class', 'lease_time'],
};

const bySchema = new WeakMap<DatabaseSchema, Readonly<Record<string, MonitoredTable>> | null>();

/** The client tables this schema has (null when it cannot report clients at all). */
export function monitoredClientTables(schema: DatabaseSchema): Readonly<Record<string, MonitoredTable>> | null {
  let monitored = bySchema.get(schema);
  if (monitored === undefined) {
    const tables: Record<string, MonitoredTable> = {};
    for (const [name, columns] of Object.entries(CLIENT_TABLES)) {
      const table = schema.table(name);
      const present = columns.filter((c) => table?.columns.has(c));
      if (table && present.length > 0) tables[name] = { columns: Object.freeze(present) };
    }
    const usable = tables.Wifi_Associated_Clients !== undefined && tables.Wifi_VIF_State?.columns?.includes('associated_clients') === true;
    monitored = usable ? Object.freeze(tables) : null;
    bySchema.set(schema, monitored);
  }
  return monitored;
}
