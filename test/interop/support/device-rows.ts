// Reads a real ovsdb-server's rows through its local unix socket (ovsdb-client), in wire
// notation, so specs can check what the device holds independently of the controller.

import { OvsdbServerProcess } from '../../support/ovsdb-server-process';

export type WireRow = Record<string, unknown> & { _uuid: [string, string] };

export async function selectRows(device: OvsdbServerProcess, table: string): Promise<WireRow[]> {
  const [result] = (await device.transact('Open_vSwitch', { op: 'select', table, where: [] })) as [{ rows: WireRow[] }];
  return result.rows;
}
