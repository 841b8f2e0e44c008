// OpenSync's WiFi manager, simulated: every Wifi_VIF_Config referenced by a radio's
// vif_configs gets a Wifi_VIF_State row (linked by if_name, vif_config = the config uuid,
// applied columns, mac, state) after a delay; the state follows config changes and goes
// when the config goes. Faults: refused configs (state never matches), slow applies,
// dropped controller connections.
import { Row, Value } from '@lib/ovsdb';
import { DelayScheduler } from './delay-scheduler';
import { DeviceDbPort, transactionError } from './device-db-port';
import { DeviceBehaviour } from './device-profile';
import { sameValue, simulatedMac, stableFraction, wireRow } from './wire-values';

export interface WifiManagerHooks {
  dropConnection(reason: string): void;
  log(message: string): void;
}

interface Wanted {
  readonly config: Readonly<Row>;
  readonly radio: Readonly<Row>;
}

const WATCHED = ['Wifi_Radio_Config', 'Wifi_VIF_Config', 'Wifi_VIF_State'];

export class WifiManager {
  private readonly pending = new Map<string, { key: string; cancel: () => void }>();
  private readonly dropped = new Set<string>();
  private deleting = false;
  private mirrored: readonly string[] | undefined;
  private unsubscribe: (() => void) | undefined;
  /** Configurations applied (state written), for progress reports. */
  applied = 0;

  constructor(
    private readonly port: DeviceDbPort,
    private readonly serial: string,
    private readonly behaviour: DeviceBehaviour,
    private readonly scheduler: DelayScheduler,
    private readonly hooks: WifiManagerHooks,
  ) {}

  start(): void {
    this.unsubscribe = this.port.onChange((tables) => {
      if (WATCHED.some((t) => tables.has(t))) this.reconcile();
    });
    this.reconcile();
  }

  stop(): void {
    this.unsubscribe?.();
    for (const p of this.pending.values()) p.cancel();
    this.pending.clear();
  }

  /** Whether every referenced config has a state row that matches it. */
  get idle(): boolean {
    return this.pending.size === 0;
  }

  private wanted(): Map<string, Wanted> {
    const configs = new Map(this.port.rows('Wifi_VIF_Config').map((r) => [r._uuid as string, r]));
    const out = new Map<string, Wanted>();
    for (const radio of this.port.rows('Wifi_Radio_Config')) {
      for (const uuid of (radio.vif_configs as string[] | undefined) ?? []) {
        const config = configs.get(uuid);
        if (config && typeof config.if_name === 'string') out.set(config.if_name, { config, radio });
      }
    }
    return out;
  }

  reconcile(): void {
    const wanted = this.wanted();
    const states = this.port.rows('Wifi_VIF_State');
    const stale = states.filter((s) => !wanted.has(s.if_name as string));
    if (stale.length > 0 && !this.deleting) void this.remove(stale);
    for (const [ifName, w] of wanted) {
      const desired = this.desiredState(w);
      const current = states.find((s) => s.if_name === ifName);
      if (current && this.matches(current, desired, w.config._uuid as string)) {
        this.pending.get(ifName)?.cancel();
        this.pending.delete(ifName);
        continue;
      }
      const key = JSON.stringify(wireRow(desired));
      if (this.pending.get(ifName)?.key === key) continue;
      this.pending.get(ifName)?.cancel();
      const slow = stableFraction(`${this.serial}/${ifName}/slow/${key}`) < this.behaviour.slowRate;
      const delay = this.behaviour.applyDelayMs * (slow ? this.behaviour.slowFactor : 1);
      const cancel = this.scheduler.schedule(delay, () => {
        this.pending.delete(ifName);
        void this.apply(ifName);
      });
      this.pending.set(ifName, { key, cancel });
    }
  }

  private desiredState(w: Wanted): Record<string, Value> {
    const c = w.config;
    const ifName = c.if_name as string;
    const row: Record<string, Value> = {};
    for (const col of this.mirroredColumns()) row[col] = c[col];
    row.if_name = ifName;
    if (this.port.hasColumn('Wifi_VIF_State', 'mac')) row.mac = simulatedMac(this.serial, ifName);
    if (this.port.hasColumn('Wifi_VIF_State', 'channel')) row.channel = w.radio.channel;
    if (this.port.hasColumn('Wifi_VIF_State', 'state')) row.state = c.enabled === false ? 'down' : 'up';
    const refused = stableFraction(`${this.serial}/${ifName}/refuse/${String(c.ssid)}`) < this.behaviour.refuseRate;
    if (refused) {
      // Firmware that cannot apply a config leaves the interface down: the state never matches.
      row.enabled = false;
      row.ssid = undefined;
      if ('state' in row) row.state = 'down';
    }
    return row;
  }

  /** Wifi_VIF_Config columns the state reports back: same name and type, no references. */
  private mirroredColumns(): readonly string[] {
    if (this.mirrored === undefined) {
      this.mirrored = this.port.columnNames('Wifi_VIF_Config').filter((col) => {
        const ck = this.port.columnKind('Wifi_VIF_Config', col);
        const sk = this.port.columnKind('Wifi_VIF_State', col);
        return ck !== undefined && sk !== undefined && ck.key === sk.key && ck.value === sk.value && ck.key !== 'uuid' && ck.value !== 'uuid';
      });
    }
    return this.mirrored;
  }

  private matches(state: Readonly<Row>, desired: Record<string, Value>, configUuid: string): boolean {
    if (state.vif_config !== configUuid) return false;
    return Object.entries(desired).every(([k, v]) => sameValue(state[k], v));
  }

  private async apply(ifName: string): Promise<void> {
    const w = this.wanted().get(ifName);
    if (!w) return;
    const desired = this.desiredState(w);
    const row = { ...wireRow(desired), vif_config: ['uuid', w.config._uuid] };
    const current = this.port.rows('Wifi_VIF_State').find((s) => s.if_name === ifName);
    const ops: object[] = current
      ? [{ op: 'update', table: 'Wifi_VIF_State', where: [['_uuid', '==', ['uuid', current._uuid]]], row }]
      : [
          { op: 'insert', table: 'Wifi_VIF_State', 'uuid-name': 'vif', row },
          {
            op: 'mutate',
            table: 'Wifi_Radio_State',
            where: [['if_name', '==', w.radio.if_name]],
            mutations: [['vif_states', 'insert', ['set', [['named-uuid', 'vif']]]]],
          },
        ];
    const error = transactionError(await this.port.transact(ops));
    if (error) {
      this.hooks.log(`applying ${ifName} failed: ${error}`);
      return;
    }
    this.applied++;
    const dropKey = `${ifName}/${JSON.stringify(row)}`;
    if (!this.dropped.has(dropKey) && stableFraction(`${this.serial}/${dropKey}/drop`) < this.behaviour.dropRate) {
      this.dropped.add(dropKey);
      this.hooks.dropConnection(`fault: dropped after applying ${ifName}`);
    }
  }

  private async remove(stale: readonly Readonly<Row>[]): Promise<void> {
    this.deleting = true;
    try {
      const ops = stale.map((s) => ({ op: 'delete', table: 'Wifi_VIF_State', where: [['_uuid', '==', ['uuid', s._uuid]]] }));
      const error = transactionError(await this.port.transact(ops));
      if (error) this.hooks.log(`removing VIF states failed: ${error}`);
    } finally {
      this.deleting = false;
    }
  }
}
