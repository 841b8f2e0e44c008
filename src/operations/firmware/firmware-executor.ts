// The FIRMWARE_UPGRADE executor (upgrade and downgrade alike): write firmware_url (cleared
// first when it already holds the URL), follow upgrade_status, arm upgrade_timer only after
// 11 (download and integrity check done), reboot the node after 31 if the platform does not
// within a grace, and call it SUCCEEDED only when the node is back reporting the target
// firmware_version. After a restart every node is observed first: the device's boot, URL,
// status and timer say what was done, so nothing is flashed or rebooted twice.

import { Inject, Injectable } from '@nestjs/common';
import { OvsdbError } from '@lib/ovsdb';
import { DeviceConnection } from '../../reconciler/sessions/device-connection';
import { TargetAttempt } from '../device-operation-target.entity';
import { TargetFailure, TargetState } from '../operation-states';
import { OPERATIONS_CONFIG, OperationsConfig } from '../operations-config';
import { armUpgradeTimer, bootMarker, BootObservation, commandTipReboot, newBootEvidence, observeBoot, writeFirmwareUrl } from '../reboot/reboot-device';
import { watchUpgradeStatus } from '../reboot/status-watch';
import { OperationExecutor, TargetHandle } from '../runner/target-handle';
import { judgeUpgradeStatus } from './upgrade-status';

@Injectable()
export class FirmwareExecutor implements OperationExecutor {
  constructor(@Inject(OPERATIONS_CONFIG) private readonly config: OperationsConfig) {}

  async connected(target: TargetHandle, connection: DeviceConnection): Promise<void> {
    const state = target.row.state;
    if (state === TargetState.PENDING || connection.session.isClosed) return;
    const version = target.operation.params.firmwareVersion ?? '';
    const url = target.row.attempt?.imageUrl ?? '';
    let observed: BootObservation;
    try {
      observed = await observeBoot(connection, this.config.transactTimeoutMs);
    } catch (error) {
      if (error instanceof OvsdbError) return;
      throw error;
    }
    if (state === TargetState.WAITING_FOR_DEVICE) {
      if (observed.firmwareVersion === version) return void (await target.apply({ type: 'ALREADY_DONE', detail: `already runs ${version}` }));
      return this.send(target, connection, observed, url);
    }
    const evidence = newBootEvidence(target.row.attempt ?? {}, observed);
    if (evidence !== undefined) {
      if (observed.firmwareVersion === version) await target.apply({ type: 'NEW_BOOT', detail: `back on ${version} (${evidence})` });
      else await target.apply({ type: 'DEVICE_FAILED', code: TargetFailure.VERSION_MISMATCH, detail: `back with firmware ${observed.firmwareVersion ?? '(none)'}, not ${version} (${evidence})` });
      return;
    }
    if (state === TargetState.SENDING && observed.firmwareUrl !== url) {
      if (await target.apply({ type: 'FOUND_NOT_SENT' })) await this.send(target, connection, observed, url);
      return;
    }
    if (state === TargetState.SENDING || state === TargetState.REBOOTING) await target.apply({ type: 'FOUND_SENT' });
    await this.watch(target, connection);
    if (observed.upgradeStatus !== undefined && observed.upgradeStatus !== 0) await this.onStatus(target, connection, observed.upgradeStatus, observed.upgradeTimer, observed);
  }

  private async send(target: TargetHandle, connection: DeviceConnection, observed: BootObservation, url: string): Promise<void> {
    const attempt: TargetAttempt = { ...target.row.attempt, ...bootMarker(observed) };
    if (!(await target.apply({ type: 'SEND' }, { attempt, deadlineAt: new Date(Date.now() + this.config.firmwareTimeoutMs) }))) return;
    await this.watch(target, connection);
    try {
      // upgrade_timer 0: the flash is armed only once the download is reported complete.
      await writeFirmwareUrl(connection, observed.firmwareUrl, url, { upgrade_timer: 0 }, this.config.transactTimeoutMs);
    } catch (error) {
      if (error instanceof OvsdbError && error.code === 'TRANSACTION_FAILED') {
        await target.apply({ type: 'REFUSED', code: TargetFailure.DEVICE_REFUSED, detail: error.message });
      }
      return;
    }
    await target.apply({ type: 'ACCEPTED' });
  }

  private async watch(target: TargetHandle, connection: DeviceConnection): Promise<void> {
    try {
      const watch = await watchUpgradeStatus(connection, (code, timer) => target.fromEvent((handle) => this.onStatus(handle, connection, code, timer)));
      target.watching(() => watch.stop());
    } catch (error) {
      if (!(error instanceof OvsdbError)) throw error;
    }
  }

  private async onStatus(target: TargetHandle, connection: DeviceConnection, code: number, timer: number | undefined, observed?: BootObservation): Promise<void> {
    const verdict = judgeUpgradeStatus(code);
    if (verdict.kind === 'failed') {
      await target.apply({ type: 'DEVICE_FAILED', code: verdict.code, detail: verdict.detail });
      return;
    }
    if (verdict.kind === 'committed') {
      const attempt = target.row.attempt ?? {};
      const committedAt = attempt.committedAt ?? Date.now();
      if (target.row.detail !== verdict.detail) await target.apply({ type: 'PROGRESS', detail: verdict.detail }, { attempt: { ...attempt, committedAt } });
      if (this.config.firmwareRebootGraceMs === 0 || attempt.rebootSent) return;
      const due = committedAt + this.config.firmwareRebootGraceMs;
      if (Date.now() < due) return target.recheckAt(due);
      // The platform did not reboot into the new image: the controller does, once.
      if (!(await target.apply({ type: 'PROGRESS', detail: `${verdict.detail}; rebooting it` }, { attempt: { ...attempt, committedAt, rebootSent: true } }))) return;
      const current = observed ?? (await observeBoot(connection, this.config.transactTimeoutMs));
      await commandTipReboot(connection, current, this.config.rebootDelaySeconds, this.config.transactTimeoutMs).catch(() => undefined);
      return;
    }
    if (target.row.detail !== verdict.detail) await target.apply({ type: 'PROGRESS', detail: verdict.detail });
    // Arm the flash only after the download is complete, and only if it is not armed already.
    if (verdict.kind === 'downloaded' && (timer === undefined || timer <= 0)) {
      await armUpgradeTimer(connection, this.config.firmwareFlashDelaySeconds, this.config.transactTimeoutMs).catch(() => undefined);
    }
  }
}
