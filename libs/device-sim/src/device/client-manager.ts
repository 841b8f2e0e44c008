// OneWifi and NM2 as far as clients go (operations.md section 5), simulated: a device keeps
// `clientsPerDevice` clients associated to its access-point VIFs: a Wifi_Associated_Clients
// row (mac, key_id, state active) linked from the VIF's Wifi_VIF_State.associated_clients,
// and a DHCP_leased_IP row (hostname, option 55 fingerprint, option 60 vendor class, absolute
// lease expiry). With `clientChurnMs`, one client leaves (its row deleted) and joins again
// on another VIF every period. A client joins only a VIF whose access list admits it (a
// kicked client stays out while blacklisted). Clients are seeded from the serial: the same on every run.
import { Row } from '@lib/ovsdb';
import { aclAdmits } from './acl-kick-manager';
import { DelayScheduler } from './delay-scheduler';
import { DeviceDbPort, transactionError } from './device-db-port';
import { seededRandom } from './seeded-random';
import { simulatedMac } from './wire-values';

export interface ClientManagerOptions {
  clientsPerDevice: number;
  /** 0: clients stay. */
  clientChurnMs: number;
}

export interface SimulatedClient {
  mac: string;
  hostname: string;
  fingerprint: string;
  vendorClass: string;
}

const KINDS = [
  { hostname: 'laptop', fingerprint: '1,3,6,15,31,33,43,44,46,47,119,121,249,252', vendorClass: 'MSFT 5.0' },
  { hostname: 'phone', fingerprint: '1,3,6,15,26,28,51,58,59,43', vendorClass: 'android-dhcp-14' },
  { hostname: 'tablet', fingerprint: '1,121,3,6,15,108,114,119,252', vendorClass: '' },
  { hostname: 'tv', fingerprint: '1,3,6,12,15,28,42', vendorClass: 'udhcp 1.36.1' },
];

export class ClientManager {
  readonly clients: SimulatedClient[];
  private readonly random: () => number;
  private unsubscribe: (() => void) | undefined;
  private churnTimer: (() => void) | undefined;
  private busy = false;
  private stopped = false;
  /** MACs deliberately away (churn). */
  private readonly away = new Set<string>();

  constructor(
    private readonly port: DeviceDbPort,
    serial: string,
    private readonly options: ClientManagerOptions,
    private readonly scheduler: DelayScheduler,
    private readonly log: (message: string) => void,
  ) {
    this.random = seededRandom(`clients:${serial}`);
    this.clients = Array.from({ length: options.clientsPerDevice }, (_, i) => {
      const kind = KINDS[i % KINDS.length];
      return { mac: simulatedMac(serial, `client-${i}`), hostname: `${kind.hostname}-${i}`, fingerprint: kind.fingerprint, vendorClass: kind.vendorClass };
    });
  }

  start(): void {
    if (this.clients.length === 0 || !this.port.hasColumn('Wifi_VIF_State', 'associated_clients')) return;
    // Never from inside a change callback: a transaction committed while the previous
    // commit's notifications are still going out would reach some monitors first.
    this.unsubscribe = this.port.onChange((tables) => {
      if (tables.has('Wifi_VIF_State')) setImmediate(() => void this.reconcile());
    });
    setImmediate(() => void this.reconcile());
    if (this.options.clientChurnMs > 0) this.scheduleChurn();
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    this.churnTimer?.();
  }

  /** The MACs associated now. */
  associated(): string[] {
    const linked = new Set(this.port.rows('Wifi_VIF_State').flatMap((v) => (Array.isArray(v.associated_clients) ? (v.associated_clients as string[]) : [])));
    return this.port.rows('Wifi_Associated_Clients').filter((r) => linked.has(r._uuid as string)).map((r) => String(r.mac));
  }

  private apVifs(): Readonly<Row>[] {
    return this.port
      .rows('Wifi_VIF_State')
      .filter((v) => typeof v.if_name === 'string' && !String(v.if_name).startsWith('bhaul') && (v.mode === undefined || v.mode === 'ap'))
      .sort((a, b) => String(a.if_name).localeCompare(String(b.if_name)));
  }

  /** Associates every client that should be and is not (to a VIF picked by its MAC). */
  private async reconcile(): Promise<void> {
    if (this.busy || this.stopped) return;
    const vifs = this.apVifs();
    if (vifs.length === 0) return;
    this.busy = true;
    try {
      const present = new Set(this.associated());
      const missing = this.clients.filter((c) => !present.has(c.mac) && !this.away.has(c.mac) && vifs.some((v) => aclAdmits(v, c.mac)));
      if (missing.length === 0) return;
      const stale = new Set(missing.map((c) => c.mac));
      const ops: object[] = this.port
        .rows('Wifi_Associated_Clients')
        .filter((r) => stale.has(String(r.mac)))
        .map((r) => ({ op: 'delete', table: 'Wifi_Associated_Clients', where: [['_uuid', '==', ['uuid', r._uuid]]] }));
      const leases = new Set(this.port.rows('DHCP_leased_IP').map((r) => String(r.hwaddr)));
      missing.forEach((c, i) => {
        const open = vifs.filter((v) => aclAdmits(v, c.mac));
        const vif = open[Math.floor(this.random() * open.length)];
        const name = `sta${i}`;
        ops.push({ op: 'insert', table: 'Wifi_Associated_Clients', 'uuid-name': name, row: { mac: c.mac, state: 'active', key_id: 'key--1' } });
        ops.push({ op: 'mutate', table: 'Wifi_VIF_State', where: [['if_name', '==', vif.if_name]], mutations: [['associated_clients', 'insert', ['set', [['named-uuid', name]]]]] });
        if (!leases.has(c.mac)) {
          const ip = `192.168.40.${10 + this.clients.indexOf(c)}`;
          ops.push({ op: 'insert', table: 'DHCP_leased_IP', row: { hwaddr: c.mac, inet_addr: ip, hostname: c.hostname, fingerprint: c.fingerprint, vendor_class: c.vendorClass, lease_time: Math.floor(Date.now() / 1000) + 43200 } });
        }
      });
      const error = transactionError(await this.port.transact(ops));
      if (error) this.log(`clients not associated: ${error}`);
    } finally {
      this.busy = false;
    }
  }

  private scheduleChurn(): void {
    this.churnTimer = this.scheduler.schedule(this.options.clientChurnMs, () => void this.churn());
  }

  /** One client leaves (row deleted, as OneWifi does); the one that left last time comes back. */
  private async churn(): Promise<void> {
    if (this.stopped) return;
    this.away.clear();
    const present = this.associated();
    if (present.length > 0) {
      const mac = present[Math.floor(this.random() * present.length)];
      this.away.add(mac);
      await this.port.transact([{ op: 'delete', table: 'Wifi_Associated_Clients', where: [['mac', '==', mac]] }]);
    }
    await this.reconcile();
    this.scheduleChurn();
  }
}
