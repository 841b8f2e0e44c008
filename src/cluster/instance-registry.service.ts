// Membership and liveness: a lease row per instance in PostgreSQL, renewed every third of
// CLUSTER_LEASE_MS while the instance can hear the cluster (NATS up). The live set is read
// back on every renewal. When this instance's own lease runs out (database or NATS out of
// reach), it says so at once (onLeaseLost): it can no longer prove it owns its devices and
// must stop serving them before another instance takes them (docs/decisions/cluster.md).

import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { ClusterBus } from './cluster-bus.service';
import type { ClusterConfig } from './cluster-config';
import { END_LEASE, LIVE_INSTANCES, RENEW_LEASE } from './cluster-sql';
import { LeaseConnection } from './lease-connection';

export interface LiveInstance {
  id: string;
  deviceAddress: string;
}

export interface MembershipChange {
  joined: string[];
  left: string[];
}

@Injectable()
export class InstanceRegistry {
  private readonly logger = new Logger('Cluster');
  private liveInstances = new Map<string, LiveInstance>();
  /** Process clock (ms) until which this instance's lease is known to hold, with a margin. */
  private validUntil = 0;
  private timer: NodeJS.Timeout | undefined;
  private expiry: NodeJS.Timeout | undefined;
  private holding = false;
  private stopped = false;
  onLeaseLost: () => void = () => undefined;
  onMembership: (change: MembershipChange) => void = () => undefined;
  readonly stats = { renewals: 0, renewalFailures: 0, leasesLost: 0 };
  /** The lease's own connection (lease-connection.ts), opened on first use. */
  private connection: LeaseConnection | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly bus: ClusterBus,
  ) {}

  private get lease(): LeaseConnection {
    // A renewal must answer within a third of the lease: the next one is due by then.
    this.connection ??= new LeaseConnection(this.dataSource.options, Math.floor(this.cluster.leaseMs / 3));
    return this.connection;
  }

  private get cluster(): ClusterConfig {
    if (this.config.cluster === undefined) throw new Error('the instance registry is used without CLUSTER_NATS_URL');
    return this.config.cluster;
  }

  get instanceId(): string {
    return this.cluster.instanceId;
  }

  /** Whether this instance may hold devices right now (its lease is known to be live). */
  get holdsLease(): boolean {
    return Date.now() < this.validUntil;
  }

  get live(): LiveInstance[] {
    return [...this.liveInstances.values()];
  }

  addressOf(instanceId: string): string | undefined {
    return this.liveInstances.get(instanceId)?.deviceAddress;
  }

  /** Takes the lease (start-up fails if it cannot) and renews it from then on. */
  async start(): Promise<void> {
    await this.renew();
    if (!this.holdsLease) throw new Error('could not take this instance\'s lease in cluster_instances');
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped) return;
    const every = Math.floor(this.cluster.leaseMs / 3);
    this.timer = setTimeout(() => void this.tick().finally(() => this.schedule()), every);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    if (this.bus.isUp) await this.renew().catch((error: unknown) => {
      this.stats.renewalFailures++;
      this.logger.warn(`lease renewal failed: ${error instanceof Error ? error.message : String(error)}`);
    });
    this.checkLease();
  }

  private async renew(): Promise<void> {
    const cluster = this.cluster;
    const asked = Date.now();
    const rows = await this.lease.query<{ remaining_ms: number }>(RENEW_LEASE, [cluster.instanceId, cluster.deviceAddress, cluster.leaseMs]);
    const took = Date.now() - asked;
    if (took > cluster.leaseMs / 10) this.logger.warn(`lease renewal took ${took} ms (lease ${cluster.leaseMs} ms)`);
    // Counted from before the statement was sent, less a tenth for timers firing late.
    this.validUntil = asked + Number(rows[0].remaining_ms) - Math.floor(cluster.leaseMs / 10);
    this.holding = true;
    this.stats.renewals++;
    // Lost exactly when it runs out, not at the next tick.
    if (this.expiry) clearTimeout(this.expiry);
    this.expiry = setTimeout(() => this.checkLease(), Math.max(0, this.validUntil - Date.now()) + 1);
    this.expiry.unref();
    const live = await this.lease.query<{ id: string; device_address: string }>(LIVE_INSTANCES);
    this.setLive(live.map((r) => ({ id: r.id, deviceAddress: r.device_address })));
  }

  private checkLease(): void {
    if (!this.holding || this.holdsLease) return;
    this.holding = false;
    this.stats.leasesLost++;
    this.logger.warn(`lease of instance ${this.instanceId} ran out: this instance stops serving devices until it holds it again`);
    this.onLeaseLost();
  }

  private setLive(instances: LiveInstance[]): void {
    const next = new Map(instances.map((i) => [i.id, i]));
    const joined = [...next.keys()].filter((id) => !this.liveInstances.has(id));
    const left = [...this.liveInstances.keys()].filter((id) => !next.has(id));
    this.liveInstances = next;
    if (joined.length > 0 || left.length > 0) {
      this.logger.log(`live instances: ${[...next.keys()].join(', ')}${joined.length ? ` (joined: ${joined.join(', ')})` : ''}${left.length ? ` (left: ${left.join(', ')})` : ''}`);
      this.onMembership({ joined, left });
    }
  }

  /** Graceful stop: the lease ends now, so the devices this instance held may move at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.expiry) clearTimeout(this.expiry);
    this.validUntil = 0;
    await this.lease.query(END_LEASE, [this.instanceId]).catch(() => undefined);
    await this.connection?.close();
  }
}
