// OpenSync's upgrade manager, simulated as upstream UM behaves (operations.md, section 2):
// a change of AWLAN_Node.firmware_url to a non-empty value starts a download (10, then 11
// or a negative code); a change of upgrade_timer to a value > 0 arms the flash timer (armed
// at the end of the download when written before it), which writes the image (20, 21, 30,
// 31 or a negative code); then the platform reboots into the new version (rebootAfterCommit;
// off, the device waits for the controller to reboot it). firmware_url "reboot" with
// upgrade_timer reboots without upgrading (TIP firmware; with rebootViaFirmwareUrl off, as
// stock upstream, it is a download that fails). Test image names choose faults:
// "fail-download" (-4), "bad-md5" (-6), "fail-flash" (-9), "no-answer" (no status at all).
import { DelayScheduler } from './delay-scheduler';
import { DeviceDbPort, transactionError } from './device-db-port';
import { DeviceBehaviour } from './device-profile';

export const UPGRADE_STATUS = {
  DOWNLOAD_STARTED: 10,
  DOWNLOAD_COMPLETE: 11,
  FLASH_STARTED: 20,
  FLASH_COMPLETE: 21,
  COMMIT_STARTED: 30,
  COMMIT_COMPLETE: 31,
  DOWNLOAD_FAILED: -4,
  MD5_FAILED: -6,
  FLASH_WRITE_FAILED: -9,
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

/** Download status steps for a URL; test images fail on purpose when their name says so. */
export function downloadSteps(url: string): number[] {
  if (url.includes('no-answer')) return [];
  if (url.includes('fail-download')) return [UPGRADE_STATUS.DOWNLOAD_STARTED, UPGRADE_STATUS.DOWNLOAD_FAILED];
  if (url.includes('bad-md5')) return [UPGRADE_STATUS.DOWNLOAD_STARTED, UPGRADE_STATUS.MD5_FAILED];
  return [UPGRADE_STATUS.DOWNLOAD_STARTED, UPGRADE_STATUS.DOWNLOAD_COMPLETE];
}

/** Flash status steps (after upgrade_timer expired). */
export function flashSteps(url: string): number[] {
  if (url.includes('fail-flash')) return [UPGRADE_STATUS.FLASH_STARTED, UPGRADE_STATUS.FLASH_WRITE_FAILED];
  return [UPGRADE_STATUS.FLASH_STARTED, UPGRADE_STATUS.FLASH_COMPLETE, UPGRADE_STATUS.COMMIT_STARTED, UPGRADE_STATUS.COMMIT_COMPLETE];
}

export class UpgradeManager {
  private handledUrl = '';
  private handledTimer = 0;
  private downloaded = false;
  /** The image committed to the boot configuration (31) without a reboot: the next boot runs it. */
  private committedVersion: string | undefined;
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

  private timer(): number {
    const node = this.port.rows('AWLAN_Node')[0];
    return typeof node?.upgrade_timer === 'number' ? node.upgrade_timer : 0;
  }

  private check(): void {
    const node = this.port.rows('AWLAN_Node')[0];
    const url = typeof node?.firmware_url === 'string' ? node.firmware_url : '';
    const timer = this.timer();
    if (url !== this.handledUrl) {
      this.handledUrl = url;
      this.handledTimer = timer;
      this.downloaded = false;
      this.cancel?.();
      if (!url) return;
      if (url === 'reboot' && this.behaviour.rebootViaFirmwareUrl) {
        this.cancel = this.scheduler.schedule(timer * this.behaviour.backoffUnitMs, () => this.hooks.reboot('CLOUD', this.committedVersion));
        return;
      }
      this.walk(url, url === 'reboot' ? [UPGRADE_STATUS.DOWNLOAD_STARTED, UPGRADE_STATUS.DOWNLOAD_FAILED] : downloadSteps(url), () => {
        this.downloaded = true;
        if (this.timer() > 0) this.arm(url, this.timer());
      });
      return;
    }
    if (timer !== this.handledTimer) {
      this.handledTimer = timer;
      if (this.downloaded && timer > 0) this.arm(url, timer);
      else if (timer <= 0) this.cancel?.();
    }
  }

  private arm(url: string, timer: number): void {
    this.cancel?.();
    this.cancel = this.scheduler.schedule(timer * this.behaviour.backoffUnitMs, () =>
      this.walk(url, flashSteps(url), () => {
        if (this.behaviour.rebootAfterCommit) this.cancel = this.scheduler.schedule(this.behaviour.upgradeStepMs, () => this.hooks.reboot('UPGRADE', versionFromUrl(url)));
        else this.committedVersion = versionFromUrl(url);
      }),
    );
  }

  /** Reports each status one upgradeStepMs apart; `done` after the last, unless one is negative. */
  private walk(url: string, steps: number[], done: () => void): void {
    const [status, ...rest] = steps;
    if (status === undefined) return;
    this.cancel = this.scheduler.schedule(this.behaviour.upgradeStepMs, () => {
      void this.report(status).then(() => {
        if (status < 0 || this.handledUrl !== url) return;
        if (rest.length > 0) this.walk(url, rest, done);
        else done();
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
