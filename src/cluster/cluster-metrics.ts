// The cluster's Prometheus metrics, registered only when the cluster is on (a single
// process's /metrics is unchanged). Every label is bounded: no serial, no instance id
// other than this one's (each instance exports its own figures). Read at scrape time from
// the counters the cluster's services already keep.

import { Inject, Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { MetricsRegistry } from '../metrics/metrics-registry';
import { DeviceConnectionsService } from '../reconciler/sessions/device-connections.service';
import { SouthboundService } from '../southbound/southbound.service';
import { ClusterBus } from './cluster-bus.service';
import { ClusterRelay } from './cluster-relay.service';
import { ClusterService } from './cluster.service';
import { DeviceOwnership } from './device-ownership.service';
import { DeviceViewsRelay } from './device-views-relay.service';
import { InstanceRegistry } from './instance-registry.service';
import { InvalidationsRelay } from './invalidations-relay.service';

@Injectable()
export class ClusterMetrics implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: MetricsRegistry,
    private readonly registry: InstanceRegistry,
    private readonly ownership: DeviceOwnership,
    private readonly bus: ClusterBus,
    private readonly cluster: ClusterService,
    private readonly southbound: SouthboundService,
    private readonly connections: DeviceConnectionsService,
    private readonly views: DeviceViewsRelay,
    private readonly relay: ClusterRelay,
    private readonly invalidations: InvalidationsRelay,
  ) {}

  onModuleInit(): void {
    if (this.config.cluster === undefined) return;
    const m = this.metrics;
    const gauge = (name: string, help: string, read: () => number): void => m.gaugeFrom(name, help, [], () => [[{}, read()]]);
    gauge('cluster_lease_held', 'Whether this instance holds its lease now (1) or not (0)', () => (this.registry.holdsLease ? 1 : 0));
    gauge('cluster_live_instances', 'Live instances in this instance\'s view of the cluster', () => this.registry.live.length);
    gauge('cluster_owned_devices', 'Device sessions this instance holds now', () => this.connections.all.length);
    gauge('cluster_nats_connected', 'Whether the NATS connection is up (1) or not (0)', () => (this.bus.isUp ? 1 : 0));
    const reg = this.registry.stats;
    m.counterFrom('cluster_lease_renewals_total', 'Lease renewals written', () => reg.renewals);
    m.counterFrom('cluster_lease_renewal_failures_total', 'Lease renewals that failed', () => reg.renewalFailures);
    m.counterFrom('cluster_leases_lost_total', 'Times this instance lost its lease and closed its device sessions', () => reg.leasesLost);
    const own = this.ownership.stats;
    m.counterFrom('cluster_claims_total', 'Device ownership rows taken on identification', () => own.claims);
    m.counterFrom('cluster_claims_refused_total', 'Device ownership claims refused (held by a live instance)', () => own.claimsRefused);
    m.labelledCounterFrom('cluster_redirects_total', 'Devices sent elsewhere (manager_addr written), by where it happened', 'port', () => ({
      device: own.redirects,
      redirector: this.southbound.redirectorStats.redirected,
    }));
    m.counterFrom('cluster_fenced_refusals_total', 'Devices refused because this instance could not prove it may hold them', () => own.refusals);
    m.counterFrom('cluster_redirector_no_instance_total', 'Redirector sessions with no live instance to send the device to', () => this.southbound.redirectorStats.noInstance);
    m.counterFrom('cluster_devices_moved_total', 'Devices moved to an instance that joined (drain in waves)', () => this.cluster.stats.moved);
    m.counterFrom('cluster_orphan_nodes_reset_total', 'Nodes of dead instances marked disconnected', () => this.cluster.stats.orphansReset);
    const bus = this.bus.stats;
    m.labelledCounterFrom('cluster_events_total', 'After-commit change notices sent to the other instances, and received from them', 'direction', () => ({
      published: this.relay.stats.eventsPublished,
      received: this.relay.stats.eventsReceived,
    }));
    m.labelledCounterFrom('cluster_invalidations_total', 'Changed telemetry settings, EBL providers and EBL registrations told to the other instances, and told by them', 'direction', () => ({
      published: this.invalidations.stats.published,
      received: this.invalidations.stats.received,
    }));
    m.counterFrom('cluster_messages_published_total', 'Messages published to the other instances', () => bus.published);
    m.counterFrom('cluster_messages_received_total', 'Messages received from the cluster subjects (own included)', () => bus.received);
    m.counterFrom('cluster_views_asked_total', 'Live device views (node.vifs, node.radios) asked of the instance holding the device', () => this.views.stats.asked);
    m.counterFrom('cluster_views_unanswered_total', 'Live device views whose holder did not answer in time (DEVICE_HOLDER_UNAVAILABLE)', () => this.views.stats.unanswered);
    m.counterFrom('cluster_views_answered_total', 'Live device views this instance answered for another', () => this.views.stats.answered);
    m.counterFrom('cluster_nats_disconnects_total', 'NATS connection losses', () => bus.disconnects);
  }
}
