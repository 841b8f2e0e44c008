// Stands in for the device's WiFi manager in the reconciliation interop spec: reports every
// Wifi_VIF_Config row a radio references as applied in Wifi_VIF_State (same columns,
// vif_config = the config row's uuid), and drops state rows whose config is gone. It writes
// through the server's local unix socket, exactly as OpenSync's manager does on a device.

import { OvsdbServerProcess } from '../../support/ovsdb-server-process';

const DB = 'Open_vSwitch';
type WireRow = Record<string, unknown> & { _uuid: [string, string] };

async function select(device: OvsdbServerProcess, table: string): Promise<WireRow[]> {
  const [result] = (await device.transact(DB, { op: 'select', table, where: [] })) as [{ rows: WireRow[] }];
  return result.rows;
}

function isEmpty(value: unknown): boolean {
  return Array.isArray(value) && (value[0] === 'set' || value[0] === 'map') && Array.isArray(value[1]) && value[1].length === 0;
}

function referencedUuids(radios: WireRow[]): Set<string> {
  const out = new Set<string>();
  for (const radio of radios) {
    const refs = radio.vif_configs as unknown[];
    const list = refs[0] === 'set' ? (refs[1] as [string, string][]) : [refs as [string, string]];
    for (const ref of list) out.add(ref[1]);
  }
  return out;
}

/** One pass of the stand-in manager; `stateColumns` are Wifi_VIF_State's columns. */
export async function echoVifState(device: OvsdbServerProcess, stateColumns: ReadonlySet<string>, skip: (ifName: string) => boolean = () => false): Promise<void> {
  const [configs, states, radios] = await Promise.all([
    select(device, 'Wifi_VIF_Config'),
    select(device, 'Wifi_VIF_State'),
    select(device, 'Wifi_Radio_Config'),
  ]);
  const applied = referencedUuids(radios);
  const ops: unknown[] = [];
  for (const config of configs) {
    const ifName = config.if_name as string;
    if (!applied.has(config._uuid[1]) || skip(ifName)) continue;
    const row: Record<string, unknown> = { vif_config: config._uuid };
    for (const [column, value] of Object.entries(config)) {
      if (column.startsWith('_') || !stateColumns.has(column) || isEmpty(value)) continue;
      row[column] = value;
    }
    const existing = states.find((s) => s.if_name === ifName);
    if (existing) ops.push({ op: 'update', table: 'Wifi_VIF_State', where: [['_uuid', '==', existing._uuid]], row });
    else ops.push({ op: 'insert', table: 'Wifi_VIF_State', row });
  }
  for (const state of states) {
    if (!configs.some((c) => c.if_name === state.if_name && applied.has(c._uuid[1]))) {
      ops.push({ op: 'delete', table: 'Wifi_VIF_State', where: [['_uuid', '==', state._uuid]] });
    }
  }
  if (ops.length > 0) await device.transact(DB, ...ops);
}

export async function selectRows(device: OvsdbServerProcess, table: string): Promise<WireRow[]> {
  return select(device, table);
}
