// Device-side metrics, read from the services that already hold the state: sessions from
// the southbound listener and the reconciler's connections, convergence from the status
// service, counters from their `stats` fields. Gauges are computed when Prometheus scrapes
// (tens of thousands of sessions are walked once per scrape, not touched per event); the
// only per-transaction cost is one histogram observation.

import { Injectable, OnModuleInit, OnModuleDestroy } from '@nestjs/common';
import { Histogram } from 'prom-client';
import { Subscription } from 'rxjs';
import { ReconcilerService } from '../reconciler/reconciler.service';
import { DeviceConnectionsService } from '../reconciler/sessions/device-connections.service';
import { NetworkStatusService } from '../reconciler/status/network-status.service';
import { SouthboundService } from '../southbound/southbound.service';
import { METRIC_PREFIX, MetricsRegistry } from './metrics-registry';

/** Transaction latency buckets, seconds: a LAN device answers in ms, a loaded one in seconds. */
const TRANSACTION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

@Injectable()
export class DeviceMetrics implements OnModuleInit, OnModuleDestroy {
  private identified = 0;
  private subscription: Subscription | undefined;

  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly southbound: SouthboundService,
    private readonly connections: DeviceConnectionsService,
    private readonly reconciler: ReconcilerService,
    private readonly status: NetworkStatusService,
  ) {}

  onModuleInit(): void {
    const m = this.metrics;
    this.subscription = this.southbound.devices$.subscribe(() => this.identified++);
    m.gaugeFrom('device_sessions', 'Device sessions open now, by state and transport', ['state', 'transport'], () => this.sessions());
    m.counterFrom('device_identifications_total', 'Devices identified (AWLAN_Node read)', () => this.identified);
    m.counterFrom('device_refusals_total', 'Identified sessions refused (no serial, certificate CN mismatch)', () => this.connections.stats.refused);
    const sb = this.southbound.stats;
    m.counterFrom('device_refused_unidentified_total', 'Connections refused: too many sessions not yet identified', () => sb.refusedPending);
    m.counterFrom('device_refused_unidentified_per_address_total', 'Connections refused: too many sessions not yet identified from one address', () => sb.refusedPendingPerAddress);
    m.counterFrom('device_handshake_timeouts_total', 'Sessions closed for not being identified in time', () => sb.handshakeTimeouts);
    m.counterFrom('device_invalid_serials_total', 'Sessions refused for a serial that breaks the serial rule', () => sb.invalidSerials);
    m.counterFrom('device_serial_conflicts_total', 'Unauthenticated sessions claiming the serial of a live session', () => sb.serialConflicts);
    m.counterFrom('device_serial_conflict_probes_failed_total', 'Serial conflicts where the older session did not answer its probe (it was closed)', () => sb.conflictProbesFailed);
    m.counterFrom('device_unknown_serials_dropped_total', 'Unknown serials not recorded (rate or cap reached)', () => sb.unknownSerialsDropped);
    m.counterFrom('monitor_resyncs_total', 'Device monitors resynced after an update the replica could not apply', () => this.connections.monitorResyncs.resyncs);
    m.counterFrom('monitor_resync_failures_total', 'Monitor resyncs the device refused', () => this.connections.monitorResyncs.resyncFailures);
    m.counterFrom('reconcile_passes_total', 'Reconciliation passes run', () => this.reconciler.stats.passes);
    m.counterFrom('reconcile_pass_failures_total', 'Reconciliation passes that failed (retried with backoff)', () => this.reconciler.stats.passFailures);
    m.counterFrom('transactions_total', 'OVSDB transactions sent to devices', () => this.reconciler.stats.transactions);
    m.counterFrom('transaction_failures_total', 'OVSDB transactions that failed or timed out', () => this.reconciler.stats.transactionFailures);
    m.counterFrom('failed_transitions_total', '(network, node) pairs that turned FAILED', () => this.status.stats.failedTransitions);
    m.gaugeFrom('convergence_states', '(network, connected node) pairs by convergence status', ['status'], () =>
      [...this.status.countByStatus()].map(([status, n]): [Record<string, string>, number] => [{ status }, n]),
    );
    const latency = new Histogram({
      name: `${METRIC_PREFIX}transaction_duration_seconds`,
      help: 'OVSDB transaction latency, request to reply',
      labelNames: ['outcome'],
      buckets: TRANSACTION_BUCKETS,
      registers: [m.registry],
    });
    const ok = latency.labels('ok');
    const failed = latency.labels('failed');
    this.reconciler.onTransaction = (seconds, success) => (success ? ok : failed).observe(seconds);
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** open = listener sessions not (yet) identified; identified = not (yet) attached; connected = reconciled. */
  private sessions(): [Record<string, string>, number][] {
    const counts = new Map<string, number>();
    const add = (state: string, transport: string): void => {
      const key = `${state} ${transport}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    };
    const connected = new Set(this.connections.all.map((c) => c.session));
    const identified = new Set(this.southbound.devices.map((d) => d.session));
    for (const session of this.southbound.openSessions) {
      const state = connected.has(session) ? 'connected' : identified.has(session) ? 'identified' : 'open';
      add(state, session.peer.kind);
    }
    return [...counts].map(([key, n]) => {
      const [state, transport] = key.split(' ');
      return [{ state, transport }, n];
    });
  }
}
