// Commands and reads across instances. Every after-commit domain event is published to the
// other instances, whose reconcilers then forget cached desired state and kick the nodes
// they hold, as for a local change (a lost message is repaired by the owner's next pass,
// which re-reads PostgreSQL). Every convergence result of a held node is published too, so
// wifiNetwork.status and its subscription answer on any instance; an instance that starts
// (or whose NATS connection comes back) asks the others for the results they hold now; a
// dead instance's results are dropped when it leaves the live set.

import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import type { DomainEvent } from '../domain-events/domain-event';
import { DomainEvents } from '../domain-events/domain-events.service';
import { DeviceConnectionsService } from '../reconciler/sessions/device-connections.service';
import { NetworkStatusService } from '../reconciler/status/network-status.service';
import { ClusterBus } from './cluster-bus.service';
import { decodeStatuses, encodeStatuses, EVENTS_SUBJECT, parseEventsMessage, parseStatusMessage, STATUS_REQUEST_SUBJECT, STATUS_SUBJECT } from './cluster-messages';

@Injectable()
export class ClusterRelay {
  private readonly logger = new Logger('Cluster');
  /** Events that came from another instance: not sent back out. */
  private readonly received = new WeakSet<DomainEvent>();
  /** Which instance last reported each remote node (an older holder's "offline" must not wipe a newer one's results). */
  private readonly remoteHolder = new Map<string, string>();
  private subscription: Subscription | undefined;
  /** Change notices sent to the others, and received from them (own echoes not counted). */
  readonly stats = { eventsPublished: 0, eventsReceived: 0 };

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly bus: ClusterBus,
    private readonly domainEvents: DomainEvents,
    private readonly status: NetworkStatusService,
    private readonly connections: DeviceConnectionsService,
  ) {}

  private get me(): string {
    return this.config.cluster?.instanceId ?? '';
  }

  start(): void {
    this.subscription = this.domainEvents.events$.subscribe((event) => {
      if (this.received.has(event)) return;
      this.stats.eventsPublished++;
      this.bus.publish(EVENTS_SUBJECT, { from: this.me, events: [event] });
    });
    this.bus.subscribe(EVENTS_SUBJECT, (raw) => {
      const message = parseEventsMessage(raw);
      if (message.from === this.me) return;
      this.stats.eventsReceived += message.events.length;
      for (const event of message.events) this.received.add(event);
      this.domainEvents.publish(message.events);
    });
    this.status.onLocalResult = (nodeId, serial, statuses) => this.bus.publish(STATUS_SUBJECT, { from: this.me, nodeId, serial, statuses: encodeStatuses(statuses) });
    this.bus.subscribe(STATUS_SUBJECT, (raw) => this.onRemoteStatus(raw));
    // Results change only on a pass: a joining instance asks for what the others hold now.
    this.bus.subscribe(STATUS_REQUEST_SUBJECT, (raw) => {
      if (typeof raw === 'object' && raw !== null && (raw as { from?: unknown }).from !== this.me) this.publishHeld();
    });
    this.askForResults();
    this.bus.onReconnect = () => this.askForResults();
  }

  private askForResults(): void {
    this.bus.publish(STATUS_REQUEST_SUBJECT, { from: this.me });
  }

  private publishHeld(): void {
    for (const connection of this.connections.all) {
      const kept = this.status.resultsOf(connection.nodeId);
      if (kept !== undefined) this.bus.publish(STATUS_SUBJECT, { from: this.me, nodeId: connection.nodeId, serial: kept.serial, statuses: encodeStatuses(kept.statuses) });
    }
  }

  private onRemoteStatus(raw: unknown): void {
    const message = parseStatusMessage(raw);
    // This instance's own results are the truth for the nodes it holds.
    if (message.from === this.me || this.connections.forNode(message.nodeId) !== undefined) return;
    const statuses = decodeStatuses(message.statuses);
    if (statuses === 'offline') {
      if (this.remoteHolder.get(message.nodeId) !== message.from) return;
      this.remoteHolder.delete(message.nodeId);
      this.status.offline(message.nodeId, false);
      return;
    }
    this.remoteHolder.set(message.nodeId, message.from);
    this.status.record(message.nodeId, message.serial, statuses, false);
  }

  /** Instances that left the live set: their nodes' results are no longer known. */
  forgetInstances(left: readonly string[]): void {
    const gone = new Set(left);
    for (const [nodeId, holder] of [...this.remoteHolder]) {
      if (!gone.has(holder)) continue;
      this.remoteHolder.delete(nodeId);
      this.status.offline(nodeId, false);
    }
    if (gone.size > 0) this.logger.log(`forgot the convergence results of instance(s) ${left.join(', ')}`);
  }

  stop(): void {
    this.subscription?.unsubscribe();
    this.status.onLocalResult = undefined;
  }
}
