// OneWifi's ACL kick, simulated (operations.md section 4, [OS] src/lib/ow/src/ow_acl_kick.c):
// once a VIF applies an access list (Wifi_VIF_State.mac_list / mac_list_type), every station
// associated to it that the list disallows is deauthenticated, which deletes its
// Wifi_Associated_Clients row, and the list keeps being enforced: a station that associates
// again while disallowed is thrown out again. Removing the entry lets it back in.
import { Row } from '@lib/ovsdb';
import { DeviceDbPort, transactionError } from './device-db-port';

/** Whether an applied VIF row's access list lets `mac` associate (MACs compare in any case). */
export function aclAdmits(vif: Readonly<Row>, mac: string): boolean {
  const type = vif.mac_list_type;
  if (type !== 'blacklist' && type !== 'whitelist') return true;
  const raw = vif.mac_list;
  const list = (Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : []).map((m) => String(m).toLowerCase());
  const listed = list.includes(mac.toLowerCase());
  return type === 'blacklist' ? !listed : listed;
}

export class AclKickManager {
  private unsubscribe: (() => void) | undefined;
  private busy = false;
  private again = false;
  /** Stations thrown out, for tests and progress reports. */
  kicked = 0;

  constructor(
    private readonly port: DeviceDbPort,
    private readonly log: (message: string) => void,
  ) {}

  start(): void {
    if (!this.port.hasColumn('Wifi_VIF_State', 'mac_list_type') || !this.port.hasColumn('Wifi_VIF_State', 'associated_clients')) return;
    // Never from inside a change callback (see ClientManager): after the commit's notifications.
    this.unsubscribe = this.port.onChange((tables) => {
      if (tables.has('Wifi_VIF_State') || tables.has('Wifi_Associated_Clients')) setImmediate(() => void this.enforce());
    });
    setImmediate(() => void this.enforce());
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private async enforce(): Promise<void> {
    if (this.unsubscribe === undefined) return;
    if (this.busy) {
      this.again = true;
      return;
    }
    this.busy = true;
    try {
      const clients = new Map(this.port.rows('Wifi_Associated_Clients').map((r) => [r._uuid as string, r]));
      const refused: Readonly<Row>[] = [];
      for (const vif of this.port.rows('Wifi_VIF_State')) {
        const linked = Array.isArray(vif.associated_clients) ? (vif.associated_clients as string[]) : [];
        for (const uuid of linked) {
          const client = clients.get(uuid);
          if (client !== undefined && !aclAdmits(vif, String(client.mac))) refused.push(client);
        }
      }
      if (refused.length === 0) return;
      const ops = refused.map((c) => ({ op: 'delete', table: 'Wifi_Associated_Clients', where: [['_uuid', '==', ['uuid', c._uuid]]] }));
      const error = transactionError(await this.port.transact(ops));
      if (error) this.log(`ACL kick failed: ${error}`);
      else {
        this.kicked += refused.length;
        this.log(`ACL kick: ${refused.map((c) => String(c.mac)).join(', ')} deauthenticated`);
      }
    } finally {
      this.busy = false;
      if (this.again) {
        this.again = false;
        setImmediate(() => void this.enforce());
      }
    }
  }
}
