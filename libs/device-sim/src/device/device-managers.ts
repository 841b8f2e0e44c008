// The managers that act on a device database, whichever server holds it: the simulator's own
// engine (LocalDbPort) or a real ovsdb-server reached over its unix socket (CacheDbPort).
import { AclKickManager } from './acl-kick-manager';
import { ClientManager } from './client-manager';
import { DelayScheduler } from './delay-scheduler';
import { DeviceDbPort } from './device-db-port';
import { DeviceBehaviour } from './device-profile';
import { LogPullManager } from './log-pull-manager';
import { NetworkManager } from './network-manager';
import { UpgradeHooks, UpgradeManager } from './upgrade-manager';
import { StatsPublisher } from './stats-publisher';
import { WifiManager, WifiManagerHooks } from './wifi-manager';

export type ManagerHooks = WifiManagerHooks & UpgradeHooks;

export class DeviceManagers {
  readonly wifi: WifiManager;
  readonly network: NetworkManager;
  readonly upgrade: UpgradeManager;
  readonly logPull: LogPullManager;
  readonly clients: ClientManager;
  readonly aclKick: AclKickManager;
  private readonly enforceAcl: boolean;
  readonly stats: StatsPublisher;

  constructor(port: DeviceDbPort, serial: string, behaviour: DeviceBehaviour, scheduler: DelayScheduler, hooks: ManagerHooks) {
    this.wifi = new WifiManager(port, serial, behaviour, scheduler, hooks);
    this.network = new NetworkManager(port, serial, behaviour, scheduler, (m) => hooks.log(m));
    this.upgrade = new UpgradeManager(port, behaviour, scheduler, hooks);
    this.logPull = new LogPullManager(port, serial, hooks);
    this.clients = new ClientManager(port, serial, behaviour, scheduler, (m) => hooks.log(m));
    this.aclKick = new AclKickManager(port, (m) => hooks.log(m));
    this.enforceAcl = behaviour.enforceAcl;
    this.stats = new StatsPublisher(port, serial, undefined, (m) => hooks.log(m), behaviour.publishStats);
  }

  start(): void {
    this.wifi.start();
    this.network.start();
    this.upgrade.start();
    this.logPull.start();
    this.clients.start();
    if (this.enforceAcl) this.aclKick.start();
    this.stats.start();
  }

  stop(): void {
    this.wifi.stop();
    this.network.stop();
    this.upgrade.stop();
    this.logPull.stop();
    this.clients.stop();
    this.aclKick.stop();
    this.stats.stop();
  }
}
