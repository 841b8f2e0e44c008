// The cluster's life in one instance, off unless CLUSTER_NATS_URL is set: connect to NATS,
// take this instance's lease, place devices through DeviceOwnership (the southbound asks it
// before serving one, and its redirector asks where to send one), relay events and status,
// move devices in waves to instances that joined, mark the nodes of dead instances
// disconnected (and their clients), stop serving every device when the lease runs out, let
// the device operations runner drive only the targets of the devices this instance holds,
// relay client connects and disconnects to the other instances' subscribers, and relay
// changes to cached telemetry settings, EBL providers and EBL registrations.

import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { ReadinessChecks } from '../health/readiness-checks';
import { OperationsRunner } from '../operations/runner/operations-runner.service';
import { SouthboundService } from '../southbound/southbound.service';
import { ClientEventsRelay } from './client-events-relay.service';
import { ClusterBus } from './cluster-bus.service';
import type { ClusterConfig } from './cluster-config';
import { ClusterRelay } from './cluster-relay.service';
import { END_ORPHANED_CLIENT_SESSIONS, RESET_ORPHANED_CLIENTS, RESET_ORPHANED_NODES } from './cluster-sql';
import { DeviceOwnership } from './device-ownership.service';
import { DeviceViewsRelay } from './device-views-relay.service';
import { InstanceRegistry } from './instance-registry.service';
import { InvalidationsRelay } from './invalidations-relay.service';
import { OperationsRelay } from './operations-relay.service';

const DRAIN_EVERY_MS = 1000;

@Injectable()
export class ClusterService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Cluster');
  private readonly timers: NodeJS.Timeout[] = [];
  private draining = false;
  readonly stats = { moved: 0, orphansReset: 0 };

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly bus: ClusterBus,
    private readonly registry: InstanceRegistry,
    private readonly ownership: DeviceOwnership,
    private readonly relay: ClusterRelay,
    private readonly southbound: SouthboundService,
    private readonly readiness: ReadinessChecks,
    private readonly runner: OperationsRunner,
    private readonly operationsRelay: OperationsRelay,
    private readonly viewsRelay: DeviceViewsRelay,
    private readonly clientsRelay: ClientEventsRelay,
    private readonly invalidationsRelay: InvalidationsRelay,
  ) {}

  /** Runs before the southbound starts listening (application bootstrap). */
  async onModuleInit(): Promise<void> {
    const cluster = this.config.cluster;
    if (cluster === undefined) return;
    await this.bus.start();
    this.registry.onLeaseLost = () => this.southbound.closeAll('this instance lost its lease');
    this.registry.onMembership = (change) => this.relay.forgetInstances(change.left);
    await this.registry.start();
    this.southbound.placement = this.ownership;
    this.relay.start();
    // Device operations: each runner drives the targets of the devices this instance holds.
    this.runner.placement = this.ownership;
    this.operationsRelay.start();
    // node.vifs and node.radios of devices held elsewhere: asked of their holder.
    this.viewsRelay.start();
    // Client connects and disconnects: subscribers on every instance see them.
    this.clientsRelay.start();
    // Telemetry settings, EBL providers and registrations changed here: the others drop or reload their copies.
    this.invalidationsRelay.start();
    // Not ready without the cluster: the load balancer sends devices and API calls elsewhere.
    this.readiness.register('cluster', () => {
      if (!this.bus.isUp) throw new Error('NATS connection down');
      if (!this.registry.holdsLease) throw new Error(`instance ${cluster.instanceId} does not hold its lease`);
    });
    this.every(DRAIN_EVERY_MS, () => this.drain(cluster));
    this.every(cluster.leaseMs, () => this.resetOrphans());
    // The operations' periodic pass: a lost notice, targets of devices that moved or whose driver died.
    this.every(cluster.leaseMs, () => this.runner.periodic());
    this.logger.log(`instance ${cluster.instanceId} serves devices at ${cluster.deviceAddress}${cluster.redirectorListen ? `, redirector on ${cluster.redirectorListen}` : ''}`);
  }

  async onModuleDestroy(): Promise<void> {
    if (this.config.cluster === undefined) return;
    for (const t of this.timers) clearInterval(t);
    this.relay.stop();
    this.operationsRelay.stop();
    this.viewsRelay.stop();
    this.clientsRelay.stop();
    this.invalidationsRelay.stop();
    await this.registry.stop();
  }

  private every(ms: number, work: () => Promise<void>): void {
    const timer = setInterval(() => void work().catch((error: unknown) => this.logger.warn(`cluster task failed: ${error instanceof Error ? error.message : String(error)}`)), ms);
    timer.unref();
    this.timers.push(timer);
  }

  /** Devices whose rendezvous owner is now another live instance move there, a wave per second. */
  private async drain(cluster: ClusterConfig): Promise<void> {
    if (this.draining || !this.registry.holdsLease) return;
    this.draining = true;
    try {
      const moves: Array<{ serial: string; address: string }> = [];
      for (const device of this.southbound.devices) {
        if (moves.length >= cluster.drainPerSecond) break;
        const owner = device.serial === undefined ? undefined : this.ownership.ownerOf(device.serial);
        if (device.serial !== undefined && owner !== undefined && owner.id !== cluster.instanceId) moves.push({ serial: device.serial, address: owner.address });
      }
      if (moves.length === 0) return;
      // Released first: the new owner can take the device as soon as it arrives.
      await this.ownership.release(moves.map((m) => m.serial));
      await Promise.all(moves.map((m) => this.southbound.redirect(m.serial, m.address).catch(() => undefined)));
      this.stats.moved += moves.length;
      this.logger.log(`moved ${moves.length} device(s) to their owners`);
    } finally {
      this.draining = false;
    }
  }

  /** Nodes held by an instance that is no longer live read disconnected until a survivor takes them; so do their clients. */
  private async resetOrphans(): Promise<void> {
    if (!this.registry.holdsLease) return;
    const result = (await this.dataSource.query(RESET_ORPHANED_NODES)) as [unknown, number] | unknown[];
    const count = Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
    this.stats.orphansReset += count;
    await this.dataSource.query(RESET_ORPHANED_CLIENTS);
    await this.dataSource.query(END_ORPHANED_CLIENT_SESSIONS);
  }
}
