// Live clients of every connected node: a replica of the device's client tables per session
// (client-replica.ts), diffed after each notification into connect and disconnect events.
// Per node only a compact map is kept (MAC -> VIF, key, since, DHCP signature). Events are
// published on events$ (subscriptions, other modules such as a client kick) and stored in
// batches (ClientStore).
//
// Service API for other modules: events$ (every connect/disconnect of the nodes held here, in
// order per node), connectionChanges$ (those and the ones relayed from other instances of a
// cluster: what a subscriber sees),
// leases$ (a DHCP lease appearing on a node, or its vendor class changing), isConnected(nodeId,
// mac) and vendorClassOf(nodeId, mac).

import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { associatedClients, CachedRow, ClientLease, leasesByMac, parseOwnedIfName } from '@lib/opensync';
import { DatabaseCache, monitorEveryCachedTable } from '@lib/ovsdb';
import { merge, Observable, Subject, Subscription } from 'rxjs';
import { DesiredStateService } from '../../reconciler/desired-state.service';
import { DeviceConnection } from '../../reconciler/sessions/device-connection';
import { ConnectionEvent, DeviceConnectionsService } from '../../reconciler/sessions/device-connections.service';
import { OPENSYNC_DB } from '../../southbound/device-identification';
import { ClientStore } from '../store/client-store.service';
import { ClientDetails, ClientEvent, LeaseEvent } from './client-event';
import { monitoredClientTables } from './client-replica';

interface LiveClient {
  ifName: string;
  keyId: string | null;
  since: Date;
  /** The DHCP details last stored, as one string (to notice a change). */
  leaseSig: string;
}

interface NodeClients {
  connection: DeviceConnection;
  cache: DatabaseCache;
  live: Map<string, LiveClient>;
  /** Vendor class (option 60) of each MAC holding a DHCP lease on the node. */
  leases: Map<string, string | null>;
  /** Batches are handled one after the other (placement reads are async). */
  chain: Promise<void>;
  unlisten: () => void;
}

@Injectable()
export class ClientsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Clients');
  private readonly nodes = new Map<string, NodeClients>();
  private readonly eventsSubject = new Subject<ClientEvent>();
  private readonly leasesSubject = new Subject<LeaseEvent>();
  /** Connects and disconnects of nodes held by other instances of a cluster. */
  private readonly remoteSubject = new Subject<ClientEvent>();
  private subscription: Subscription | undefined;

  constructor(
    private readonly connections: DeviceConnectionsService,
    private readonly desired: DesiredStateService,
    private readonly store: ClientStore,
  ) {}

  /** Every client connect and disconnect, in order per node. */
  get events$(): Observable<ClientEvent> {
    return this.eventsSubject.asObservable();
  }

  /** Every client connect and disconnect seen by the cluster: this instance's and those relayed from the others (subscriptions). */
  get connectionChanges$(): Observable<ClientEvent> {
    return merge(this.eventsSubject, this.remoteSubject);
  }

  /** A connect or disconnect on a node another instance holds (already stored there): told to subscribers only. */
  fromOtherInstance(event: ClientEvent): void {
    this.remoteSubject.next(event);
  }

  /** DHCP leases appearing on a node (or their vendor class changing), in order per node. */
  get leases$(): Observable<LeaseEvent> {
    return this.leasesSubject.asObservable();
  }

  /** The DHCP vendor class (option 60) of the MAC's lease on the node; null when none is known. */
  vendorClassOf(nodeId: string, mac: string): string | null {
    return this.nodes.get(nodeId)?.leases.get(mac.toLowerCase()) ?? null;
  }

  /** Whether the client is associated to the node now (as the device last reported). */
  isConnected(nodeId: string, mac: string): boolean {
    return this.nodes.get(nodeId)?.live.has(mac.toLowerCase()) ?? false;
  }

  /** MACs associated to the node now. */
  connectedMacs(nodeId: string): string[] {
    return [...(this.nodes.get(nodeId)?.live.keys() ?? [])];
  }

  /** Who is associated to the node now, on which VIF and with which multi-PSK key (as the device last reported). */
  associations(nodeId: string): { mac: string; ifName: string; keyId: string | null; since: Date }[] {
    return [...(this.nodes.get(nodeId)?.live ?? [])].map(([mac, c]) => ({ mac, ifName: c.ifName, keyId: c.keyId, since: c.since }));
  }

  /** Resolves once every notification received so far is handled (tests, shutdown). */
  async whenSettled(nodeId: string): Promise<void> {
    await this.nodes.get(nodeId)?.chain;
  }

  async onModuleInit(): Promise<void> {
    await this.store.resetAll(new Date());
    this.subscription = this.connections.events$.subscribe((event) => this.onConnection(event));
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
    for (const node of this.nodes.values()) node.unlisten();
    this.nodes.clear();
    this.eventsSubject.complete();
    this.leasesSubject.complete();
    this.remoteSubject.complete();
  }

  private onConnection(event: ConnectionEvent): void {
    const { connection } = event;
    const current = this.nodes.get(connection.nodeId);
    if (event.kind === 'disconnected') {
      if (current?.connection === connection) this.detach(current);
      return;
    }
    if (current !== undefined) this.detach(current);
    const monitored = monitoredClientTables(connection.schema);
    if (monitored === null) return;
    const cache = new DatabaseCache(connection.schema, monitored);
    const node: NodeClients = { connection, cache, live: new Map(), leases: new Map(), chain: Promise.resolve(), unlisten: () => undefined };
    // In a cluster the device may come from an instance that died without saying who left.
    if (this.store.instanceId !== undefined) void this.store.write({ kind: 'attached', nodeId: connection.nodeId, at: new Date() });
    node.unlisten = cache.onBatch(() => {
      node.chain = node.chain.then(() => this.refresh(node)).catch((error: unknown) => this.logger.warn(`[serial=${connection.serial}] ${String(error)}`));
    });
    this.nodes.set(connection.nodeId, node);
    connection.session.monitor(OPENSYNC_DB, monitorEveryCachedTable(cache), cache).catch((error: unknown) => {
      if (!connection.session.isClosed) this.logger.warn(`[serial=${connection.serial}] client tables not monitored: ${String(error)}`);
    });
  }

  /** The session ended: every client of the node is gone with it. */
  private detach(node: NodeClients): void {
    node.unlisten();
    node.cache.dispose();
    this.nodes.delete(node.connection.nodeId);
    // When the session ended, not when the context was read.
    const at = new Date();
    node.chain = node.chain.then(async () => {
      const ctx = await this.context(node);
      for (const [mac, client] of node.live) this.emit(ctx, 'disconnected', mac, client, at, null);
      node.live.clear();
    });
  }

  private async refresh(node: NodeClients): Promise<void> {
    if (this.nodes.get(node.connection.nodeId) !== node) return;
    const rows = (table: string): CachedRow[] => [...(node.cache.table(table)?.values() ?? [])] as CachedRow[];
    const now = associatedClients(rows('Wifi_VIF_State'), rows('Wifi_Associated_Clients'));
    const leases = leasesByMac(rows('DHCP_leased_IP'));
    const ctx = await this.context(node);
    const at = new Date();
    const newLeases = this.diffLeases(node, leases);
    for (const [mac, client] of node.live) {
      const still = now.get(mac);
      if (still !== undefined && still.ifName === client.ifName && (still.keyId ?? null) === client.keyId) continue;
      node.live.delete(mac);
      this.emit(ctx, 'disconnected', mac, client, at, null);
    }
    for (const [mac, assoc] of now) {
      const details = detailsOf(leases.get(mac));
      const sig = signature(details);
      const known = node.live.get(mac);
      if (known === undefined) {
        const client: LiveClient = { ifName: assoc.ifName, keyId: assoc.keyId ?? null, since: at, leaseSig: sig };
        node.live.set(mac, client);
        this.emit(ctx, 'connected', mac, client, at, details);
      } else if (known.leaseSig !== sig) {
        known.leaseSig = sig;
        if (ctx.locationId !== null) void this.store.write({ kind: 'details', locationId: ctx.locationId, mac, details });
      }
    }
    for (const [mac, vendorClass] of newLeases) {
      this.leasesSubject.next({ nodeId: ctx.nodeId, serial: ctx.serial, locationId: ctx.locationId, groupId: ctx.groupId, mac, vendorClass, at });
    }
  }

  /** Updates the node's lease map; returns the MACs whose lease appeared or changed vendor class. */
  private diffLeases(node: NodeClients, leases: Map<string, ClientLease>): [string, string | null][] {
    const changed: [string, string | null][] = [];
    for (const mac of node.leases.keys()) if (!leases.has(mac)) node.leases.delete(mac);
    for (const [mac, lease] of leases) {
      const vendorClass = lease.vendorClass ?? null;
      if (node.leases.has(mac) && node.leases.get(mac) === vendorClass) continue;
      node.leases.set(mac, vendorClass);
      changed.push([mac, vendorClass]);
    }
    return changed;
  }

  private emit(ctx: EventContext, kind: ClientEvent['kind'], mac: string, client: LiveClient, at: Date, details: ClientDetails | null): void {
    const owned = parseOwnedIfName(client.ifName);
    const event: ClientEvent = {
      kind,
      nodeId: ctx.nodeId,
      serial: ctx.serial,
      locationId: ctx.locationId,
      groupId: ctx.groupId,
      mac,
      ifName: client.ifName,
      keyId: client.keyId,
      networkId: owned === null ? null : (ctx.networkBySlot.get(owned.slot) ?? null),
      band: owned?.band ?? null,
      at,
    };
    this.eventsSubject.next(event);
    if (event.locationId !== null && event.groupId !== null) {
      void this.store.write({ kind: 'event', event: { ...event, locationId: event.locationId, groupId: event.groupId }, details, since: client.since });
    }
  }

  private async context(node: NodeClients): Promise<EventContext> {
    const { nodeId, serial } = node.connection;
    const placement = await this.desired.placementOf(nodeId).catch(() => null);
    const locationId = placement?.locationId ?? null;
    const networks = locationId === null ? [] : await this.desired.networksOf(locationId).catch(() => []);
    return { nodeId, serial, locationId, groupId: placement?.groupId ?? null, networkBySlot: new Map(networks.map((n) => [n.slot, n.id])) };
  }
}

interface EventContext {
  nodeId: string;
  serial: string;
  locationId: string | null;
  groupId: string | null;
  networkBySlot: Map<number, string>;
}

function detailsOf(lease: ClientLease | undefined): ClientDetails {
  return {
    ip: lease?.ip ?? null,
    hostname: lease?.hostname ?? null,
    vendorClass: lease?.vendorClass ?? null,
    fingerprint: lease?.fingerprint ?? null,
  };
}

function signature(d: ClientDetails): string {
  return `${d.ip ?? ''}|${d.hostname ?? ''}|${d.vendorClass ?? ''}|${d.fingerprint ?? ''}`;
}
