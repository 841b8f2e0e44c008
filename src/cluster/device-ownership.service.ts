// Which instance holds each device's session, fenced by the instances' leases (cluster-sql.ts).
// Implements the southbound's DevicePlacement: on the device port a device is served only
// when this instance is its rendezvous owner and takes its ownership row; otherwise it is
// sent to the owner (manager_addr rewritten), never served twice.

import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DevicePlacement, PlacementVerdict } from '../southbound/device-placement';
import type { TargetPlacement } from '../operations/runner/target-placement';
import { CLAIM_DEVICE, LIVE_HOLDER, LIVE_HOLDERS, RELEASE_ALL, RELEASE_DEVICES } from './cluster-sql';
import { InstanceRegistry } from './instance-registry.service';
import { rendezvousOwner } from './rendezvous';

@Injectable()
export class DeviceOwnership implements DevicePlacement, TargetPlacement {
  private readonly logger = new Logger('Cluster');
  readonly stats = { claims: 0, claimsRefused: 0, redirects: 0, refusals: 0 };

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: InstanceRegistry,
  ) {}

  /** The live instance that should hold the device by rendezvous, with its address. */
  ownerOf(serial: string): { id: string; address: string } | undefined {
    const id = rendezvousOwner(serial, this.registry.live.map((i) => i.id));
    const address = id === undefined ? undefined : this.registry.addressOf(id);
    return id === undefined || address === undefined ? undefined : { id, address };
  }

  async admit(serial: string): Promise<PlacementVerdict> {
    const me = this.registry.instanceId;
    if (!this.registry.holdsLease) return this.refuse(`instance ${me} does not hold its lease`);
    const owner = this.ownerOf(serial);
    if (owner !== undefined && owner.id !== me) {
      await this.release([serial]);
      return this.redirect(owner.address, `instance ${owner.id} owns it by rendezvous`);
    }
    const claimed = (await this.dataSource.query(CLAIM_DEVICE, [serial, me])) as unknown[];
    if (claimed.length > 0) {
      this.stats.claims++;
      return { kind: 'serve' };
    }
    this.stats.claimsRefused++;
    const holder = await this.liveHolder(serial);
    if (holder !== undefined && holder.id !== me) return this.redirect(holder.address, `instance ${holder.id} holds it`);
    return this.refuse('its ownership could not be taken');
  }

  async target(serial: string): Promise<string | undefined> {
    // Without its lease this instance's view of the live set is stale: the device retries
    // (through the load balancer, another instance's redirector).
    if (!this.registry.holdsLease) return undefined;
    // A live holder keeps its device (no hop); otherwise the rendezvous owner takes it.
    return (await this.liveHolder(serial))?.address ?? this.ownerOf(serial)?.address;
  }

  /**
   * Operation targets this instance drives: devices it holds, and devices no live instance
   * holds whose rendezvous owner it is. Without its lease, none.
   */
  async drives(serials: readonly string[]): Promise<Set<string>> {
    const mine = new Set<string>();
    if (!this.registry.holdsLease || serials.length === 0) return mine;
    const me = this.registry.instanceId;
    const rows = (await this.dataSource.query(LIVE_HOLDERS, [serials])) as Array<{ serial: string; instance_id: string }>;
    const holders = new Map(rows.map((r) => [r.serial, r.instance_id]));
    for (const serial of serials) {
      const holder = holders.get(serial);
      if (holder === me || (holder === undefined && this.ownerOf(serial)?.id === me)) mine.add(serial);
    }
    return mine;
  }

  async release(serials: string[]): Promise<void> {
    if (serials.length > 0) await this.dataSource.query(RELEASE_DEVICES, [this.registry.instanceId, serials]);
  }

  async releaseAll(): Promise<void> {
    await this.dataSource.query(RELEASE_ALL, [this.registry.instanceId]);
  }

  private async liveHolder(serial: string): Promise<{ id: string; address: string } | undefined> {
    const rows = (await this.dataSource.query(LIVE_HOLDER, [serial])) as Array<{ instance_id: string; device_address: string }>;
    return rows.length === 0 ? undefined : { id: rows[0].instance_id, address: rows[0].device_address };
  }

  private redirect(managerAddr: string, why: string): PlacementVerdict {
    this.stats.redirects++;
    return { kind: 'redirect', managerAddr, why };
  }

  private refuse(why: string): PlacementVerdict {
    this.stats.refusals++;
    this.logger.debug(`refused a device: ${why}`);
    return { kind: 'refuse', why };
  }
}
