// What a simulated device is: the identity and settings firmware bootstrap writes into
// AWLAN_Node and the radio tables, and the knobs of its simulated behaviour.
import { TransactFault } from '../server/transact-fault';

export type Band = '2.4G' | '5G' | '6G';

export interface DeviceProfile {
  readonly serial: string;
  readonly model: string;
  readonly firmwareVersion: string;
  readonly bands: readonly Band[];
  /** Where the device dials first (tcp:/ssl:), unless managerAddr is set. */
  readonly redirectorAddr?: string;
  readonly managerAddr?: string;
  /** AWLAN_Node.min_backoff / max_backoff, seconds. */
  readonly minBackoff: number;
  readonly maxBackoff: number;
}

export interface DeviceBehaviour {
  /** Delay before the WiFi manager applies a VIF config, ms. */
  readonly applyDelayMs: number;
  /** Fraction (0..1) of VIF configs the device refuses: their state never matches. */
  readonly refuseRate: number;
  /** Fraction of VIF configs applied slowly (slowFactor x applyDelayMs). */
  readonly slowRate: number;
  readonly slowFactor: number;
  /** Fraction of VIF applies after which the device drops its controller connection once. */
  readonly dropRate: number;
  /**
   * The first N controller transacts that touch Wifi_VIF_Config lose the connection before
   * their reply (transactDropMode says whether the transaction was applied first).
   */
  readonly transactDrops: number;
  readonly transactDropMode: TransactFault;
  /**
   * The first N update notifications carrying Wifi_VIF_State rows are each followed by one
   * that modifies a row the device never had (the controller must resync, not disconnect).
   */
  readonly inconsistentUpdates: number;
  /** Length of one backoff "second" (tests shorten it), ms. */
  readonly backoffUnitMs: number;
  /** Delay between upgrade_status steps, ms. */
  readonly upgradeStepMs: number;
  /**
   * Manager.inactivity_probe: echo a controller silent this long, drop it after as long
   * again without a message, ms. 0 disables.
   */
  readonly inactivityProbeMs: number;
  /**
   * CM2_STABLE_PERIOD: a connection that ends sooner counts as a failure (with failed dials,
   * enough of them send the device back to its redirector), ms.
   */
  readonly stablePeriodMs: number;
  /**
   * CM2_MAX_DISCONNECTS: one failure more than this (failed dials and unstable connections,
   * counted as above) clears manager_addr and sends the device back to its redirector.
   * OpenSync 7.0 CM2 uses 10 (docs/device-sim.md).
   */
  readonly maxDisconnects: number;
  /** Time from a reboot to the device's database being up again (it then dials), ms. */
  readonly bootTimeMs: number;
  /**
   * TIP firmware reboots on firmware_url "reboot"; stock upstream UM takes it for an image
   * URL and fails the download (upgrade_status 10, then -4).
   */
  readonly rebootViaFirmwareUrl: boolean;
  /** The platform reboots into the new image after upgrade_status 31 (off: the controller must). */
  readonly rebootAfterCommit: boolean;
  /** Clients kept associated to the device's access-point VIFs (client-manager.ts). */
  readonly clientsPerDevice: number;
  /** A client leaves and another comes back every this many ms; 0: clients stay. */
  readonly clientChurnMs: number;
  /** Deauthenticate clients a VIF's access list refuses (acl-kick-manager.ts); off: firmware that applies the list but never enforces it. */
  readonly enforceAcl: boolean;
  /** Publish sts.Reports once mqtt_settings name a broker (tests that publish their own turn it off). */
  readonly publishStats: boolean;
}

export const DEFAULT_BEHAVIOUR: DeviceBehaviour = {
  applyDelayMs: 500,
  refuseRate: 0,
  slowRate: 0,
  slowFactor: 10,
  dropRate: 0,
  transactDrops: 0,
  transactDropMode: 'drop-before-apply',
  inconsistentUpdates: 0,
  backoffUnitMs: 1000,
  upgradeStepMs: 1000,
  inactivityProbeMs: 30000,
  stablePeriodMs: 300_000,
  maxDisconnects: 10,
  bootTimeMs: 0,
  rebootViaFirmwareUrl: true,
  rebootAfterCommit: true,
  clientsPerDevice: 0,
  clientChurnMs: 0,
  enforceAcl: true,
  publishStats: true,
};

export function defaultProfile(serial: string, overrides: Partial<DeviceProfile> = {}): DeviceProfile {
  return {
    serial,
    model: 'SIM-AP-1',
    firmwareVersion: '1.0.0',
    bands: ['2.4G', '5G'],
    minBackoff: 1,
    maxBackoff: 8,
    ...overrides,
  };
}

export const RADIO_DEFAULTS: Record<Band, { ifName: string; channel: number; htMode: string; hwMode: string }> = {
  '2.4G': { ifName: 'wifi0', channel: 6, htMode: 'HT20', hwMode: '11ax' },
  '5G': { ifName: 'wifi1', channel: 36, htMode: 'HT80', hwMode: '11ax' },
  '6G': { ifName: 'wifi2', channel: 37, htMode: 'HT160', hwMode: '11ax' },
};
