// The LOG_PULL executor: a fresh one-time token per request, written to AW_LM_Config with
// the controller's upload URL (OpenSync PM then runs logpull.sh, which uploads the archive
// named after the token). Completion is not reported over OVSDB: the node is SUCCEEDED when
// the archive arrives (log-upload.routes.ts), TIMED_OUT otherwise. Only the token's hash is
// stored; after a restart a node still SENDING is sent a new token (a second log pull is
// harmless, and the first token was never recorded).

import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { OperationBuilder, OvsdbError } from '@lib/ovsdb';
import { DeviceConnection } from '../../reconciler/sessions/device-connection';
import { OPENSYNC_DB } from '../../southbound/device-identification';
import { TargetFailure, TargetState } from '../operation-states';
import { OPERATIONS_CONFIG, OperationsConfig } from '../operations-config';
import { OperationExecutor, TargetHandle } from '../runner/target-handle';

export const UPLOAD_PATH = '/device-logs';

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class LogPullExecutor implements OperationExecutor {
  constructor(@Inject(OPERATIONS_CONFIG) private readonly config: OperationsConfig) {}

  async connected(target: TargetHandle, connection: DeviceConnection): Promise<void> {
    const state = target.row.state;
    if (state === TargetState.SENDING && (await target.apply({ type: 'FOUND_NOT_SENT' }))) return this.send(target, connection);
    if (state === TargetState.WAITING_FOR_DEVICE) return this.send(target, connection);
  }

  private async send(target: TargetHandle, connection: DeviceConnection): Promise<void> {
    const table = connection.schema.table('AW_LM_Config');
    if (table === undefined || this.config.publicUrl === undefined) {
      await target.apply({ type: 'REFUSED', code: TargetFailure.DEVICE_REFUSED, detail: table === undefined ? 'the device has no AW_LM_Config table' : 'OPERATIONS_PUBLIC_URL is not set' });
      return;
    }
    // 32 characters of base64url: within upload_token's 64, safe as a file name and a URL path segment.
    const token = randomBytes(24).toString('base64url');
    const deadlineAt = new Date(Date.now() + this.config.logTimeoutMs);
    if (!(await target.apply({ type: 'SEND' }, { deadlineAt, uploadTokenHash: tokenHash(token) }))) return;
    const row = { name: this.config.logMethod, upload_location: `${this.config.publicUrl}${UPLOAD_PATH}/${token}`, upload_token: token };
    const ops = new OperationBuilder(connection.schema);
    try {
      const [select] = await connection.session.transact(OPENSYNC_DB, [ops.select('AW_LM_Config', [], ['_uuid'])], { timeoutMs: this.config.transactTimeoutMs });
      const exists = select?.op === 'select' && select.rows.length > 0;
      await connection.session.transact(OPENSYNC_DB, [exists ? ops.update('AW_LM_Config', [], row) : ops.insert('AW_LM_Config', row)], { timeoutMs: this.config.transactTimeoutMs });
    } catch (error) {
      if (error instanceof OvsdbError && error.code === 'TRANSACTION_FAILED') {
        await target.apply({ type: 'REFUSED', code: TargetFailure.DEVICE_REFUSED, detail: error.message });
      }
      return;
    }
    await target.apply({ type: 'ACCEPTED' });
  }
}
