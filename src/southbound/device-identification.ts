// What the controller does first with every new device session: fetch its schema, monitor
// AWLAN_Node and learn who it is, then cancel that monitor: nothing reads AWLAN_Node later
// in a session (a firmware upgrade reboots the device, and the new session identifies it
// again), and ten thousand idle replicas of it would cost memory for nothing. Later work
// (reconciliation) monitors the WiFi tables into its own cache.

import { DatabaseCache, OvsdbError } from '@lib/ovsdb';
import type { OvsdbSession, Row } from '@lib/ovsdb';
import { firstValueFrom, merge } from 'rxjs';
import { filter, map } from 'rxjs/operators';
import { deviceIdentity, deviceSerial, IDENTITY_COLUMNS } from './device-identity';
import type { DeviceIdentity } from './device-identity';
import { normaliseSerial } from '../validation/serial';

export const OPENSYNC_DB = 'Open_vSwitch';

export interface IdentifiedDevice {
  session: OvsdbSession;
  identity: DeviceIdentity;
  /** The canonical serial (src/validation/serial.ts), set once the southbound accepted it. */
  serial?: string;
}

function firstAwlanRow(cache: DatabaseCache, session: OvsdbSession): Promise<Readonly<Row> | undefined> {
  const [existing] = [...(cache.table('AWLAN_Node') ?? [])];
  if (existing) return Promise.resolve(existing);
  // A device still booting may create the row after we connected.
  const inserted = cache.changes$.pipe(
    filter((c) => c.table === 'AWLAN_Node' && c.new !== undefined),
    map((c) => c.new),
  );
  const closed = session.closed$.pipe(map(() => undefined));
  return firstValueFrom(merge(inserted, closed), { defaultValue: undefined });
}

export async function identifyDevice(session: OvsdbSession): Promise<IdentifiedDevice> {
  const schema = await session.getSchema(OPENSYNC_DB);
  const table = schema.table('AWLAN_Node');
  if (!table) throw new OvsdbError('SCHEMA_UNKNOWN_TABLE', `${OPENSYNC_DB} has no AWLAN_Node table: not an OpenSync device`);
  const columns = IDENTITY_COLUMNS.filter((c) => table.columns.has(c));
  const cache = new DatabaseCache(schema, { AWLAN_Node: { columns } });
  const monitor = await session.monitor(OPENSYNC_DB, { AWLAN_Node: {} }, cache);
  const row = await firstAwlanRow(cache, session);
  // Not awaited: identification does not depend on the device's answer to monitor_cancel.
  monitor.cancel().catch(() => undefined);
  cache.dispose();
  if (!row) {
    throw new OvsdbError('SESSION_CLOSED', 'session closed before the device reported its AWLAN_Node row', session.closeReason);
  }
  const identity = deviceIdentity(row);
  // Only a valid serial goes into the session's label (and so into log lines).
  session.serial = normaliseSerial(deviceSerial(identity, session.peer.commonName));
  return { session, identity };
}
