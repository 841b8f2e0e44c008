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
