// node.vifs shows whole Wifi_VIF_Config and Wifi_VIF_State rows, but the replica keeps only
// the columns the controller sets (WIFI_TABLES): the whole rows are read from the device
// when asked, one select transaction, and judged on the replica's columns so the view and
// the network status apply the same rule to the same columns.

import { CachedRow } from '@lib/opensync';
import { OperationBuilder, OperationResult, OvsdbError, Row } from '@lib/ovsdb';
import { AppError, ErrorCode } from '../../common/errors/app-error';
import { OPENSYNC_DB } from '../../southbound/device-identification';
import { DeviceConnection } from '../sessions/device-connection';

export const VIF_TABLES = ['Wifi_VIF_Config', 'Wifi_VIF_State'] as const;

export interface LiveVifRows {
  config: CachedRow[];
  state: CachedRow[];
}

/** Every row of both VIF tables, all columns; DEVICE_UNAVAILABLE when the device does not answer. */
export async function readLiveVifRows(connection: DeviceConnection): Promise<LiveVifRows> {
  const ops = new OperationBuilder(connection.schema);
  try {
    const [config, state] = await connection.session.transact(
      OPENSYNC_DB,
      VIF_TABLES.map((table) => ops.select(table, [])),
    );
    return { config: selectedRows(config), state: selectedRows(state) };
  } catch (error) {
    if (!(error instanceof OvsdbError)) throw error;
    throw new AppError(
      ErrorCode.DEVICE_UNAVAILABLE,
      `node ${connection.nodeId} (serial ${connection.serial}): the device did not answer a read of its VIF tables (${error.code})`,
    );
  }
}

/** The selected rows without `_version`, which the replica does not hold either. */
function selectedRows(result: OperationResult | undefined): CachedRow[] {
  if (result?.op !== 'select') return [];
  return result.rows.map((row) => {
    const copy: Row = { ...row };
    delete copy._version;
    return copy as CachedRow;
  });
}

/** The row as the replica would hold it: `_uuid` and the given columns only. */
export function projectRow(row: CachedRow, columns: readonly string[]): CachedRow {
  const projected: Row = { _uuid: row._uuid };
  for (const column of columns) if (column in row) projected[column] = row[column];
  return projected as CachedRow;
}
