// What a device can be told, read from the schema it sent in get_schema. Old firmware has
// no wpa / wpa_key_mgmt / wpa_psks columns and takes security as the legacy `security` map;
// writing a column the device lacks would make the whole transaction fail.

import { DatabaseSchema } from '@lib/ovsdb';
import { OpensyncError } from '../errors';

export type SecurityStyle = 'wpa' | 'legacy' | 'none';

export interface DeviceCapabilities {
  vifConfigColumns: ReadonlySet<string>;
  /** Columns of Wifi_VIF_State; convergence compares only columns the device can report. */
  vifStateColumns: ReadonlySet<string>;
  securityStyle: SecurityStyle;
}

const WPA_COLUMNS = ['wpa', 'wpa_key_mgmt', 'wpa_psks'] as const;

export function capabilitiesFromColumns(
  vifConfigColumns: Iterable<string>,
  vifStateColumns: Iterable<string>,
): DeviceCapabilities {
  const config = new Set(vifConfigColumns);
  const state = new Set(vifStateColumns);
  let securityStyle: SecurityStyle = 'none';
  if (WPA_COLUMNS.every((c) => config.has(c))) securityStyle = 'wpa';
  else if (config.has('security')) securityStyle = 'legacy';
  return { vifConfigColumns: config, vifStateColumns: state, securityStyle };
}

const bySchema = new WeakMap<DatabaseSchema, DeviceCapabilities>();

/**
 * Capabilities from the schema the device sent; both VIF tables must exist. Devices that
 * sent the same schema share one DatabaseSchema, and so one (read-only) result: the column
 * sets are a few KB, held once instead of once per device.
 */
export function deviceCapabilities(schema: DatabaseSchema): DeviceCapabilities {
  let caps = bySchema.get(schema);
  if (caps === undefined) {
    caps = capabilitiesOfSchema(schema);
    bySchema.set(schema, caps);
  }
  return caps;
}

function capabilitiesOfSchema(schema: DatabaseSchema): DeviceCapabilities {
  const columnsOf = (name: string): readonly string[] => {
    const table = schema.table(name);
    if (!table) {
      throw new OpensyncError('SCHEMA_TABLE_MISSING', `device schema ${schema.name} ${schema.version} has no table ${name}`, {
        table: name,
      });
    }
    return table.userColumnNames();
  };
  return capabilitiesFromColumns(columnsOf('Wifi_VIF_Config'), columnsOf('Wifi_VIF_State'));
}
