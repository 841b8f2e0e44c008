// The model as the reconciler needs it, per location: the location's networks with their
// slots, as plain DesiredNetwork data. Cached per location because device updates (every
// Wifi_VIF_State change) run a pass; domain events (after commit) drop the cached entry.

import { Injectable } from '@nestjs/common';
import { DesiredNetwork, MacAcl, PersonalKeyView } from '@lib/opensync';
import { DataSource } from 'typeorm';
import { CompiledFinder } from '../database/compiled-finder';
import { Node } from '../nodes/node.entity';
import { WifiNetwork } from '../wifi-networks/wifi-network.entity';
import { PlacementIndex } from './placement-index';
import { VifSlotsService } from './slots/vif-slots.service';

export interface NodePlacement {
  nodeId: string;
  serial: string;
  locationId: string | null;
  groupId: string | null;
}

/** The personal keys of one key-pool network valid at a location, and whether they are kept apart. */
export interface PooledNetworkKeys {
  keys: PersonalKeyView[];
  isolateKeys: boolean;
}

/**
 * The personal keys (multi-PSK) of the key-pool networks among `networkIds`, limited to
 * those valid at `locationId`; a network that is no pool's is absent from the map.
 */
export type PersonalKeySource = (locationId: string, networkIds: readonly string[]) => Promise<ReadonlyMap<string, PooledNetworkKeys>>;

/** Per key tag, the MACs of its clients on the other nodes of the node's location (per-key isolation across nodes). */
export type KeyPeerSource = (nodeId: string, locationId: string) => ReadonlyMap<string, readonly string[]>;

/** The MAC access lists of those of `networkIds` that have one. */
export type MacAclSource = (networkIds: readonly string[]) => Promise<ReadonlyMap<string, MacAcl>>;

@Injectable()
export class DesiredStateService {
  private keySource: PersonalKeySource | undefined;
  private aclSource: MacAclSource | undefined;
  private peerSource: KeyPeerSource | undefined;
  private readonly byLocation = new Map<string, Promise<DesiredNetwork[]>>();
  private readonly placements = new Map<string, Promise<NodePlacement | null>>();
  private readonly placed = new PlacementIndex();

  private readonly networksAt: CompiledFinder<WifiNetwork>;
  private readonly nodeById: CompiledFinder<Node>;

  constructor(
    dataSource: DataSource,
    private readonly slots: VifSlotsService,
  ) {
    // A fleet-wide change reloads every location once: compiled statements, not `find`.
    this.networksAt = new CompiledFinder(dataSource, WifiNetwork, { where: 'locationId', orderBy: [['createdAt', 'ASC'], ['id', 'ASC']] });
    this.nodeById = new CompiledFinder(dataSource, Node, { where: 'id' });
  }

  /** Every network of the location (active or not: inactive ones must be removed). */
  networksOf(locationId: string): Promise<DesiredNetwork[]> {
    let cached = this.byLocation.get(locationId);
    if (cached === undefined) {
      cached = this.load(locationId);
      this.byLocation.set(locationId, cached);
      cached.catch(() => this.byLocation.delete(locationId));
    }
    return cached;
  }

  /** Where a node is claimed; null for a node id that no longer exists. */
  placementOf(nodeId: string): Promise<NodePlacement | null> {
    let cached = this.placements.get(nodeId);
    if (cached === undefined) {
      cached = this.nodeById
        .findOne(nodeId)
        .then((n) => (n === null ? null : { nodeId: n.id, serial: n.serialNumber, locationId: n.locationId, groupId: n.groupId }));
      const entry = cached;
      this.placements.set(nodeId, entry);
      entry.then(
        (placement) => {
          if (this.placements.get(nodeId) === entry && placement?.locationId) this.placed.place(nodeId, placement.locationId);
        },
        () => this.placements.delete(nodeId),
      );
    }
    return cached;
  }

  /**
   * Nodes whose placement at `locationId` has been read (every node that ran a pass). A node
   * whose placement is still being read is absent; its pass reads the location afresh.
   */
  nodesPlacedAt(locationId: string): Iterable<string> {
    return this.placed.nodesAt(locationId);
  }

  /** Registered by the module that keeps personal keys (src/venues); read on every load of a location. */
  setPersonalKeySource(source: PersonalKeySource): void {
    this.keySource = source;
  }

  /** Registered by the module that keeps personal keys (src/venues), which reads the live clients. */
  setKeyPeerSource(source: KeyPeerSource): void {
    this.peerSource = source;
  }

  /** The peers of the node's key tags; empty without a source or a location. */
  keyPeersOf(nodeId: string, locationId: string | null): ReadonlyMap<string, readonly string[]> {
    return locationId === null || this.peerSource === undefined ? new Map() : this.peerSource(nodeId, locationId);
  }

  /** Registered by the module that keeps networks' MAC access lists (src/network-acl). */
  setMacAclSource(source: MacAclSource): void {
    this.aclSource = source;
  }

  forgetLocation(locationId: string): void {
    this.byLocation.delete(locationId);
  }

  forgetNode(nodeId: string): void {
    this.placements.delete(nodeId);
    this.placed.remove(nodeId);
  }

  private async load(locationId: string): Promise<DesiredNetwork[]> {
    const networks = await this.networksAt.find(locationId);
    const slots = await this.slots.slotsFor(
      locationId,
      networks.map((n) => ({ networkId: n.id, kind: n.kind })),
    );
    const keys = this.keySource !== undefined && networks.length > 0 ? await this.keySource(locationId, networks.map((n) => n.id)) : undefined;
    const acls = this.aclSource !== undefined && networks.length > 0 ? await this.aclSource(networks.map((n) => n.id)) : undefined;
    return networks.flatMap((n): DesiredNetwork[] => {
      const slot = slots.get(n.id);
      if (slot === undefined) return [];
      return [
        {
          id: n.id,
          version: n.updatedAt.getTime(),
          slot,
          kind: n.kind,
          ssid: n.ssid,
          securityMode: n.securityMode,
          passphrase: n.passphrase,
          hidden: n.hidden,
          clientIsolation: n.clientIsolation,
          isolated: n.isolated,
          vlanId: n.vlanId,
          bands: n.bands,
          enabled: n.enabled,
          expiresAt: n.expiresAt,
          personalKeys: keys?.get(n.id)?.keys ?? null,
          keyIsolation: keys?.get(n.id)?.isolateKeys ?? null,
          macAcl: acls?.get(n.id) ?? null,
        },
      ];
    });
  }
}
