// One simulated OpenSync device: an OVSDB server holding the device database (the shared
// parsed schema), bootstrap rows, and the managers as in-process clients of that database.
// A reboot wipes the database (OpenSync keeps it in RAM) and boots again.
import { EngineSchema } from '../engine/engine-schema';
import { OvsdbServer } from '../server/ovsdb-server';
import { DialOptions } from '../server/stream-endpoints';
import { bootstrapDevice } from './bootstrap';
import { ConnectionManager, ConnectionState } from './connection-manager';
import { DelayScheduler } from './delay-scheduler';
import { DeviceManagers } from './device-managers';
import { DEFAULT_BEHAVIOUR, DeviceBehaviour, DeviceProfile } from './device-profile';
import { LocalDbPort } from './local-db-port';
import { TransactDropFault } from './transact-drop-fault';
import { InconsistentUpdateFault } from './inconsistent-update-fault';

export interface SimulatedDeviceOptions {
  readonly schema: EngineSchema;
  readonly profile: DeviceProfile;
  readonly behaviour?: Partial<DeviceBehaviour>;
  readonly scheduler: DelayScheduler;
  readonly dial?: DialOptions;
  /** Log lines (always prefixed with the serial) and state changes. */
  readonly onLog?: (line: string) => void;
  readonly onState?: (device: SimulatedDevice, state: ConnectionState) => void;
}

export class SimulatedDevice {
  readonly behaviour: DeviceBehaviour;
  private profile: DeviceProfile;
  private server: OvsdbServer | undefined;
  private port: LocalDbPort | undefined;
  private managers: DeviceManagers | undefined;
  private connection: ConnectionManager | undefined;
  private stopped = false;
  bootCount = 0;
  /** Survives reboots: a device drops the first N VIF transacts of its life, not of each boot. */
  readonly transactFault: TransactDropFault;
  /** Also over the device's life: the first N VIF state notifications get a phantom follower. */
  readonly updateFault: InconsistentUpdateFault;

  constructor(private readonly options: SimulatedDeviceOptions) {
    this.profile = options.profile;
    this.behaviour = { ...DEFAULT_BEHAVIOUR, ...options.behaviour };
    this.transactFault = new TransactDropFault(this.behaviour, (fault) =>
      options.onLog?.(`serial=${this.serial} fault: connection dropped during a transact (${fault})`),
    );
    this.updateFault = new InconsistentUpdateFault(this.behaviour, () =>
      options.onLog?.(`serial=${this.serial} fault: an update modifying a row that does not exist sent`),
    );
  }

  get serial(): string {
    return this.profile.serial;
  }

  get firmwareVersion(): string {
    return this.profile.firmwareVersion;
  }

  get database(): LocalDbPort {
    if (!this.port) throw new Error(`device ${this.serial} is not running`);
    return this.port;
  }

  get connectionState(): ConnectionState {
    return this.connection?.connectionState ?? 'idle';
  }

  /** The controller address the device is connected to now, if any (for tests of a cluster). */
  get connectedTo(): string | undefined {
    return this.connection?.connectedTarget;
  }

  /** Log uploads of the current boot (for tests). */
  get logUploads(): readonly { method: string; status: number | string }[] {
    return this.managers?.logPull.uploads ?? [];
  }

  /** No VIF apply pending. */
  get converged(): boolean {
    return this.managers !== undefined && this.managers.wifi.idle && this.managers.network.idle;
  }

  async start(rebootReason?: { type: string; reason: string }): Promise<void> {
    this.stopped = false;
    this.bootCount++;
    const server = new OvsdbServer([this.options.schema], {
      ...(this.behaviour.transactDrops > 0 ? { transactFault: this.transactFault.hook } : {}),
      ...(this.behaviour.inconsistentUpdates > 0 ? { updateFault: this.updateFault.hook } : {}),
    });
    const port = new LocalDbPort(server.database);
    await bootstrapDevice(port, this.profile, Math.floor(Date.now() / 1000) + this.bootCount - 1);
    if (rebootReason && port.hasColumn('Reboot_Status', 'type')) {
      await port.transact([{ op: 'insert', table: 'Reboot_Status', row: { count: this.bootCount - 1, ...rebootReason } }]);
    }
    const log = (m: string): void => this.options.onLog?.(`serial=${this.serial} ${m}`);
    const managers = new DeviceManagers(port, this.serial, this.behaviour, this.options.scheduler, {
      log,
      dropConnection: (reason) => this.connection?.drop(reason),
      reboot: (type, firmwareVersion) => void this.reboot(type, firmwareVersion),
    });
    const connection = new ConnectionManager(port, this.behaviour, this.options.scheduler, {
      dial: (target) => server.dial(target, this.options.dial),
      onState: (state, detail) => {
        log(`connection ${state}: ${detail}`);
        this.options.onState?.(this, state);
      },
      onProbe: () => log(`connection inactivity probe: controller silent for ${this.behaviour.inactivityProbeMs} ms, echo sent`),
    });
    Object.assign(this, { server, port, managers, connection });
    managers.start();
    connection.start();
  }

  /** Reboots: drop the connection, wipe the database, boot again after bootTimeMs (optionally upgraded). */
  async reboot(type: 'UPGRADE' | 'CLOUD' | 'USER', firmwareVersion?: string): Promise<void> {
    await this.halt();
    if (this.behaviour.bootTimeMs > 0) await new Promise<void>((resolve) => this.options.scheduler.schedule(this.behaviour.bootTimeMs, resolve));
    if (this.stopped) return;
    if (firmwareVersion) this.profile = { ...this.profile, firmwareVersion };
    const reason = type === 'UPGRADE' ? `upgraded to ${this.profile.firmwareVersion}` : 'reboot requested';
    await this.start({ type, reason });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.halt();
  }

  private async halt(): Promise<void> {
    this.connection?.stop();
    this.managers?.stop();
    await this.server?.close();
    this.connection = undefined;
    this.managers = undefined;
    this.server = undefined;
    this.port = undefined;
  }
}
