// The model as the reconciler needs it, per location: the location's networks with their
// slots, as plain DesiredNetwork data. Cached per location because device updates (every
// Wifi_VIF_State change) run a pass; domain events (after commit) drop the cached entry.

import { Injectable } from '@nestjs/common';
import { DesiredNetwork } from '@lib/opensync';
import { DataSource } from 'typeorm';
import { Node } from '../nodes/node.entity';
import { WifiNetwork } from '../wifi-networks/wifi-network.entity';
import { VifSlotsService } from './slots/vif-slots.service';

export interface NodePlacement {
  nodeId: string;
  serial: string;
  locationId: string | null;
  groupId: string | null;
}

@Injectable()
export class DesiredStateService {
  private readonly byLocation = new Map<string, Promise<DesiredNetwork[]>>();
  private readonly placements = new Map<string, Promise<NodePlacement | null>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly slots: VifSlotsService,
  ) {}

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
      cached = this.dataSource.manager
        .findOneBy(Node, { id: nodeId })
        .then((n) => (n === null ? null : { nodeId: n.id, serial: n.serialNumber, locationId: n.locationId, groupId: n.groupId }));
      this.placements.set(nodeId, cached);
      cached.catch(() => this.placements.delete(nodeId));
    }
    return cached;
  }

  forgetLocation(locationId: string): void {
    this.byLocation.delete(locationId);
  }

  forgetNode(nodeId: string): void {
    this.placements.delete(nodeId);
  }

  private async load(locationId: string): Promise<DesiredNetwork[]> {
    const networks = await this.dataSource.manager.find(WifiNetwork, { where: { locationId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const slots = await this.slots.slotsFor(
      locationId,
      networks.map((n) => ({ networkId: n.id, kind: n.kind })),
    );
    return networks.flatMap((n): DesiredNetwork[] => {
      const slot = slots.get(n.id);
      if (slot === undefined) return [];
      return [
        {
          id: n.id,
          slot,
          kind: n.kind,
          ssid: n.ssid,
          securityMode: n.securityMode,
          passphrase: n.passphrase,
          hidden: n.hidden,
          clientIsolation: n.clientIsolation,
          vlanId: n.vlanId,
          bands: n.bands,
          enabled: n.enabled,
          expiresAt: n.expiresAt,
        },
      ];
    });
  }
}
