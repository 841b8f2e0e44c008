// The REBOOT executor: what to do with one node when its device is (again) connected, by the
// state the node is in. Before commanding, the node's boot marker is written (SENDING); after
// a restart a SENDING node is observed: a new boot is success, the command still on the
// device means it was sent, neither means it never left and it is sent now. SUCCEEDED only
// once the device is back with a newer boot.

import { Inject, Injectable } from '@nestjs/common';
import { OvsdbError } from '@lib/ovsdb';
import { DeviceConnection } from '../../reconciler/sessions/device-connection';
import { TargetFailure, TargetState } from '../operation-states';
import { OPERATIONS_CONFIG, OperationsConfig } from '../operations-config';
import { OperationExecutor, TargetHandle } from '../runner/target-handle';
import { bootMarker, BootObservation, commandTipReboot, forgetRebootRows, judgeRebootStatus, newBootEvidence, observeBoot, REBOOT_URL } from './reboot-device';
import { RebootMethod, RebootMethodsService } from './reboot-methods.service';
import { watchUpgradeStatus } from './status-watch';

@Injectable()
export class RebootExecutor implements OperationExecutor {
  constructor(
    @Inject(OPERATIONS_CONFIG) private readonly config: OperationsConfig,
    private readonly methods: RebootMethodsService,
  ) {}

  async connected(target: TargetHandle, connection: DeviceConnection): Promise<void> {
    const state = target.row.state;
    if (state === TargetState.PENDING || connection.session.isClosed) return;
    let observed: BootObservation;
    try {
      observed = await observeBoot(connection, this.config.transactTimeoutMs);
    } catch (error) {
      // The device did not answer: it is observed again when it reconnects, or times out.
      if (error instanceof OvsdbError) return;
      throw error;
    }
    if (state === TargetState.WAITING_FOR_DEVICE) return this.send(target, connection, observed);
    const evidence = newBootEvidence(target.row.attempt ?? {}, observed);
    if (evidence !== undefined) {
      if (await target.apply({ type: 'NEW_BOOT', detail: `back with a new boot (${evidence})` })) {
        if (observed.rebootCount !== undefined) await forgetRebootRows(connection, observed.rebootCount, this.config.transactTimeoutMs).catch(() => undefined);
      }
      return;
    }
    if (state === TargetState.SENDING && observed.firmwareUrl !== REBOOT_URL) {
      // Same boot, no trace of the command: it never reached the device.
      if (await target.apply({ type: 'FOUND_NOT_SENT' })) await this.send(target, connection, observed);
      return;
    }
    await target.apply({ type: 'FOUND_SENT' });
    await this.watch(target, connection);
  }

  private async send(target: TargetHandle, connection: DeviceConnection, observed: BootObservation): Promise<void> {
    if (observed.noReboot) {
      await target.apply({ type: 'DEFER', detail: 'the device holds Node_State no_reboot; waiting' });
      target.recheckAt(Date.now() + this.config.deferRecheckMs);
      return;
    }
    const method = await this.methods.methodForNode(target.row.nodeId);
    if (method === RebootMethod.NONE) {
      await target.apply({ type: 'REFUSED', code: TargetFailure.NO_REBOOT_METHOD, detail: 'no reboot method applies to this model and firmware' });
      return;
    }
    const deadlineAt = new Date(Date.now() + this.config.rebootTimeoutMs);
    // The fact "about to send", with the boot that must end, is durable before the command leaves.
    if (!(await target.apply({ type: 'SEND' }, { attempt: bootMarker(observed), deadlineAt }))) return;
    await this.watch(target, connection);
    try {
      await commandTipReboot(connection, observed, this.config.rebootDelaySeconds, this.config.transactTimeoutMs);
    } catch (error) {
      if (error instanceof OvsdbError && error.code === 'TRANSACTION_FAILED') {
        await target.apply({ type: 'REFUSED', code: TargetFailure.DEVICE_REFUSED, detail: error.message });
      }
      // Otherwise the session ended or timed out: whether the command left is observed later.
      return;
    }
    await target.apply({ type: 'ACCEPTED' });
  }

  /** Follows upgrade_status while the reboot is pending: a negative code is REBOOT_UNSUPPORTED. */
  private async watch(target: TargetHandle, connection: DeviceConnection): Promise<void> {
    try {
      const watch = await watchUpgradeStatus(connection, (code) => {
        const verdict = judgeRebootStatus(code);
        if (verdict.ok) return;
        target.fromEvent(async (handle) => {
          await handle.apply({
            type: 'DEVICE_FAILED',
            code: verdict.unsupported ? TargetFailure.REBOOT_UNSUPPORTED : TargetFailure.UNKNOWN_STATUS,
            detail: verdict.detail,
          });
        });
      });
      target.watching(() => watch.stop());
    } catch (error) {
      if (!(error instanceof OvsdbError)) throw error;
    }
  }
}
