// OpenSync's upgrade manager, simulated: AWLAN_Node.firmware_url starts a download and a
// flash, reported through upgrade_status with the firmware's codes (um.h: 10/11 download
// start/end, 20/21 flash start/end, negative errors), then a reboot into the new version.
// firmware_url "reboot" with upgrade_timer reboots without upgrading (TIP firmware; with
// rebootViaFirmwareUrl off, as stock upstream, it is a download that fails).
import { DelayScheduler } from './delay-scheduler';
import { DeviceDbPort, transactionError } from './device-db-port';
import { DeviceBehaviour } from './device-profile';

export const UPGRADE_STATUS = {
  DOWNLOAD_STARTED: 10,
  DOWNLOAD_COMPLETE: 11,
  FLASH_STARTED: 20,
  FLASH_COMPLETE: 21,
  DOWNLOAD_FAILED: -4,
  MD5_FAILED: -6,
} as const;

export interface UpgradeHooks {
  reboot(reason: 'UPGRADE' | 'CLOUD', firmwareVersion?: string): void;
  log(message: string): void;
}

/** The version a firmware image name carries (".../sim-2.1.0.img" -> "sim-2.1.0"). */
export function versionFromUrl(url: string): string {
  const base = url.split('/').pop() ?? url;
  return base.replace(/\.(img|bin|tar|gz|tgz|itb)(\..*)?$/i, '') || base;
}

/** Status steps for a URL; test images fail on purpose when their name says so. */
export function upgradeSteps(url: string): number[] {
  if (url.includes('fail-download')) return [UPGRADE_STATUS.DOWNLOAD_STARTED, UPGRADE_STATUS.DOWNLOAD_FAILED];
  if (url.includes('bad-md5')) return [UPGRADE_STATUS.DOWNLOAD_STARTED, UPGRADE_STATUS.DOWNLOAD_COMPLETE, UPGRADE_STATUS.MD5_FAILED];
  return [UPGRADE_STATUS.DOWNLOAD_STARTED, UPGRADE_STATUS.DOWNLOAD_COMPLETE, UPGRADE_STATUS.FLASH_STARTED, UPGRADE_STATUS.FLASH_COMPLETE];
}

export class UpgradeManager {
  private handledUrl = '';
  private cancel: (() => void) | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly port: DeviceDbPort,
    private readonly behaviour: DeviceBehaviour,
    private readonly scheduler: DelayScheduler,
    private readonly hooks: UpgradeHooks,
  ) {}

  start(): void {
    this.unsubscribe = this.port.onChange((tables) => {
      if (tables.has('AWLAN_Node')) this.check();
    });
    this.check();
  }

  stop(): void {
    this.unsubscribe?.();
    this.cancel?.();
  }

  private check(): void {
    const node = this.port.rows('AWLAN_Node')[0];
    const url = typeof node?.firmware_url === 'string' ? node.firmware_url : '';
    if (url === this.handledUrl) return;
    this.handledUrl = url;
    this.cancel?.();
    if (!url) return;
    const timerUnits = typeof node.upgrade_timer === 'number' ? node.upgrade_timer : 0;
    if (url === 'reboot' && !this.behaviour.rebootViaFirmwareUrl) {
      this.walk(url, [UPGRADE_STATUS.DOWNLOAD_STARTED, UPGRADE_STATUS.DOWNLOAD_FAILED], timerUnits);
      return;
    }
    if (url === 'reboot') {
      this.cancel = this.scheduler.schedule(timerUnits * this.behaviour.backoffUnitMs, () => this.hooks.reboot('CLOUD'));
      return;
    }
    this.walk(url, upgradeSteps(url), timerUnits);
  }

  private walk(url: string, steps: number[], timerUnits: number): void {
    const [status, ...rest] = steps;
    this.cancel = this.scheduler.schedule(this.behaviour.upgradeStepMs, () => {
      void this.report(status).then(() => {
        if (status < 0 || this.handledUrl !== url) return;
        if (rest.length > 0) this.walk(url, rest, timerUnits);
        else {
          const delay = Math.max(timerUnits * this.behaviour.backoffUnitMs, this.behaviour.upgradeStepMs);
          this.cancel = this.scheduler.schedule(delay, () => this.hooks.reboot('UPGRADE', versionFromUrl(url)));
        }
      });
    });
  }

  private async report(status: number): Promise<void> {
    const error = transactionError(
      await this.port.transact([{ op: 'update', table: 'AWLAN_Node', where: [], row: { upgrade_status: status } }]),
    );
    if (error) this.hooks.log(`writing upgrade_status ${status} failed: ${error}`);
  }
}
