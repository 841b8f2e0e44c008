// A monitor of AWLAN_Node.upgrade_status (and upgrade_timer) that exists only while an operation is active on
// the node, cancelled when it ends: no idle replica per device (identification cancels its
// own AWLAN_Node monitor for the same reason).

import { DatabaseCache } from '@lib/ovsdb';
import { DeviceConnection } from '../../reconciler/sessions/device-connection';
import { OPENSYNC_DB } from '../../southbound/device-identification';
import { integerOf } from './reboot-device';

export interface StatusWatch {
  stop(): void;
}

export async function watchUpgradeStatus(connection: DeviceConnection, onStatus: (code: number, timer: number | undefined) => void): Promise<StatusWatch> {
  const columns = ['upgrade_status', 'upgrade_timer'].filter((c) => connection.schema.table('AWLAN_Node')?.columns.has(c));
  const cache = new DatabaseCache(connection.schema, { AWLAN_Node: { columns } });
  // The initial contents are the status before this watch (perhaps a stale code of an
  // earlier request): only changes after them are reported.
  let last: number | undefined;
  let live = false;
  const subscription = cache.changes$.subscribe((change) => {
    const code = change.table === 'AWLAN_Node' && change.new ? integerOf(change.new.upgrade_status) : undefined;
    if (code === undefined || code === last) return;
    last = code;
    if (live) onStatus(code, integerOf(change.new?.upgrade_timer));
  });
  try {
    const monitor = await connection.session.monitor(OPENSYNC_DB, { AWLAN_Node: {} }, cache);
    live = true;
    return {
      stop: () => {
        subscription.unsubscribe();
        monitor.cancel().catch(() => undefined);
        cache.dispose();
      },
    };
  } catch (error) {
    subscription.unsubscribe();
    cache.dispose();
    throw error;
  }
}
