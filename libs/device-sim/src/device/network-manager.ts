// OpenSync's network manager (NM2), simulated as far as the controller can see it: every
// Wifi_Inet_Config row gets a Wifi_Inet_State row (same if_name, inet_config = the config
// uuid, the applied columns, a MAC) after the apply delay; the state follows config changes
// and goes when the config goes. Bridge/Port/Interface and Netfilter rows are accepted as
// the database stores them: the simulator has no Linux bridge or firewall to program.
// Nothing runs while the tables are unchanged, and a device whose controller writes no
// Wifi_Inet_Config (no isolated network) never gets a state row or a timer from here.
import { Row, Value } from '@lib/ovsdb';
import { DelayScheduler } from './delay-scheduler';
import { DeviceDbPort, transactionError } from './device-db-port';
import { DeviceBehaviour } from './device-profile';
import { sameValue, simulatedMac, wireRow } from './wire-values';

const CONFIG = 'Wifi_Inet_Config';
const STATE = 'Wifi_Inet_State';
/** Config columns reported back as applied (when both tables have them). */
const APPLIED = ['if_type', 'enabled', 'network', 'NAT', 'ip_assign_scheme', 'inet_addr', 'netmask', 'gateway', 'dhcpd', 'mtu'];

export class NetworkManager {
  private unsubscribe: (() => void) | undefined;
  private cancelPending: (() => void) | undefined;
  private running = false;
  private again = false;

  constructor(
    private readonly port: DeviceDbPort,
    private readonly serial: string,
    private readonly behaviour: DeviceBehaviour,
    private readonly scheduler: DelayScheduler,
    private readonly log: (message: string) => void,
  ) {}

  start(): void {
    if (!this.port.hasColumn(CONFIG, 'if_name') || !this.port.hasColumn(STATE, 'if_name')) return;
    this.unsubscribe = this.port.onChange((tables) => {
      if (tables.has(CONFIG) || tables.has(STATE)) this.check();
    });
    this.check();
  }

  stop(): void {
    this.unsubscribe?.();
    this.cancelPending?.();
    this.cancelPending = undefined;
  }

  /** Whether every config has a matching state and no state is left over. */
  get idle(): boolean {
    return this.cancelPending === undefined && !this.running && this.operations().length === 0;
  }

  private check(): void {
    if (this.cancelPending !== undefined) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.operations().length === 0) return;
    this.cancelPending = this.scheduler.schedule(this.behaviour.applyDelayMs, () => {
      this.cancelPending = undefined;
      void this.apply();
    });
  }

  private async apply(): Promise<void> {
    this.running = true;
    try {
      const ops = this.operations();
      if (ops.length === 0) return;
      const error = transactionError(await this.port.transact(ops));
      if (error) this.log(`applying ${CONFIG} failed: ${error}`);
    } finally {
      this.running = false;
      if (this.again) {
        this.again = false;
        this.check();
      }
    }
  }

  private operations(): object[] {
    const configs = this.port.rows(CONFIG).filter((c) => typeof c.if_name === 'string');
    const states = this.port.rows(STATE);
    const ops: object[] = [];
    for (const state of states) {
      if (!configs.some((c) => c.if_name === state.if_name)) ops.push({ op: 'delete', table: STATE, where: [['_uuid', '==', ['uuid', state._uuid]]] });
    }
    for (const config of configs) {
      const desired = this.desiredState(config);
      const current = states.find((s) => s.if_name === config.if_name);
      const row = { ...wireRow(desired), inet_config: ['uuid', config._uuid] };
      if (current === undefined) ops.push({ op: 'insert', table: STATE, row });
      else if (current.inet_config !== config._uuid || !Object.entries(desired).every(([k, v]) => sameValue(current[k], v))) {
        ops.push({ op: 'update', table: STATE, where: [['_uuid', '==', ['uuid', current._uuid]]], row });
      }
    }
    return ops;
  }

  private desiredState(config: Readonly<Row>): Record<string, Value> {
    const ifName = config.if_name as string;
    const row: Record<string, Value> = { if_name: ifName };
    for (const column of APPLIED) if (this.port.hasColumn(CONFIG, column) && this.port.hasColumn(STATE, column)) row[column] = config[column];
    if (this.port.hasColumn(STATE, 'if_uuid')) row.if_uuid = ifName;
    if (this.port.hasColumn(STATE, 'hwaddr')) row.hwaddr = simulatedMac(this.serial, ifName);
    return row;
  }
}
