// OpenSync's redirect (operations.md section 9): write AWLAN_Node.manager_addr; CM2 sees the
// new address, leaves this connection and dials the manager there. The session is closed
// once the write is answered (or after the deadline), whether or not the device left first.

import { OperationBuilder } from '@lib/ovsdb';
import type { OvsdbSession } from '@lib/ovsdb';
import { OPENSYNC_DB } from './device-identification';

export async function redirectDevice(session: OvsdbSession, managerAddr: string, timeoutMs: number): Promise<void> {
  try {
    const schema = session.schema(OPENSYNC_DB) ?? (await session.getSchema(OPENSYNC_DB));
    const ops = new OperationBuilder(schema);
    await session.transact(OPENSYNC_DB, [ops.update('AWLAN_Node', [], { manager_addr: managerAddr })], { timeoutMs });
  } finally {
    session.close(`redirected to ${managerAddr}`);
  }
}
