// A real ovsdb-server made into a faithful device: our managers attach to it over its unix
// socket (library session and cache) and, optionally, bootstrap its database first. The
// server itself plays the connection manager (its --remote dials the controller).
import { connect } from 'node:net';
import { OvsdbSession, StreamTransport } from '@lib/ovsdb';
import { bootstrapDevice } from './bootstrap';
import { CacheDbPort } from './cache-db-port';
import { DelayScheduler } from './delay-scheduler';
import { DeviceManagers } from './device-managers';
import { DEFAULT_BEHAVIOUR, DeviceBehaviour, DeviceProfile } from './device-profile';

export interface RealServerDeviceOptions {
  readonly socketPath: string;
  readonly profile: DeviceProfile;
  readonly behaviour?: Partial<DeviceBehaviour>;
  readonly scheduler: DelayScheduler;
  /** Write AWLAN_Node and the radios first (skip when the database already has them). */
  readonly bootstrap?: boolean;
  readonly onLog?: (line: string) => void;
  /** Upgrade manager asked for a reboot; restarting the real server is the caller's job. */
  readonly onReboot?: (type: 'UPGRADE' | 'CLOUD', firmwareVersion?: string) => void;
}

export interface RealServerDevice {
  readonly port: CacheDbPort;
  readonly managers: DeviceManagers;
  readonly session: OvsdbSession;
  stop(): void;
}

export async function attachToOvsdbServer(options: RealServerDeviceOptions): Promise<RealServerDevice> {
  const socket = connect(options.socketPath);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('error', reject);
  });
  const session = new OvsdbSession(new StreamTransport(socket));
  const port = await CacheDbPort.attach(session, 'Open_vSwitch');
  if (options.bootstrap) await bootstrapDevice(port, options.profile, Math.floor(Date.now() / 1000));
  const log = (m: string): void => options.onLog?.(`serial=${options.profile.serial} ${m}`);
  const managers = new DeviceManagers(port, options.profile.serial, { ...DEFAULT_BEHAVIOUR, ...options.behaviour }, options.scheduler, {
    log,
    dropConnection: (reason) => log(`drop requested (${reason}); the real server keeps its remote`),
    reboot: (type, version) => options.onReboot?.(type, version),
  });
  managers.start();
  return {
    port,
    managers,
    session,
    stop: () => {
      managers.stop();
      session.close('managers detached');
    },
  };
}
