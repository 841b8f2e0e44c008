// A client joining or leaving a node, as ClientsService publishes it (events$): the
// subscription, the session store and other modules (a client kick waits for the
// disconnect) all read the same events.

export type ClientEventKind = 'connected' | 'disconnected';

export interface ClientEvent {
  kind: ClientEventKind;
  nodeId: string;
  serial: string;
  /** The node's location and group when the event happened (null: unclaimed node). */
  locationId: string | null;
  groupId: string | null;
  mac: string;
  ifName: string;
  keyId: string | null;
  networkId: string | null;
  band: string | null;
  at: Date;
}

/** DHCP details of a connected client, written when they change. */
export interface ClientDetails {
  ip: string | null;
  hostname: string | null;
  vendorClass: string | null;
  fingerprint: string | null;
}

/**
 * A DHCP lease seen on a node (DHCP_leased_IP): published when a MAC's lease appears there
 * or its vendor class (option 60) changes, associated over WiFi or not (a wired client, a
 * lease sniffed on a bridge).
 */
export interface LeaseEvent {
  nodeId: string;
  serial: string;
  locationId: string | null;
  groupId: string | null;
  mac: string;
  vendorClass: string | null;
  at: Date;
}
