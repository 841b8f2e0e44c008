// Client connects and disconnects across instances. The instance holding a device reads its
// client tables, stores the changes (PostgreSQL: location.clients is correct on any
// instance) and publishes them here; the others hand them to their subscribers
// (clientConnectionChanged), never to the store or to their own consumers (a client kick
// and EBL act on the holder). Gathered per event-loop turn, so a burst of associations is a
// few messages. At most once like the other notices: a lost one is missed by a subscriber,
// while the stored state is unaffected.

import { Inject, Injectable } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import type { ClientEvent } from '../clients/live/client-event';
import { ClientsService } from '../clients/live/clients.service';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { ClusterBus } from './cluster-bus.service';
import { CLIENTS_SUBJECT, parseClientsMessage } from './cluster-messages';

/** At most this many events per message (a large burst is split). */
const EVENTS_PER_MESSAGE = 500;

@Injectable()
export class ClientEventsRelay {
  private subscription: Subscription | undefined;
  private pending: ClientEvent[] = [];
  private flushing: NodeJS.Immediate | undefined;
  /** Client changes sent to the others, and received from them. */
  readonly stats = { published: 0, received: 0 };

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly bus: ClusterBus,
    private readonly clients: ClientsService,
  ) {}

  private get me(): string {
    return this.config.cluster?.instanceId ?? '';
  }

  start(): void {
    this.subscription = this.clients.events$.subscribe((event) => {
      this.pending.push(event);
      this.flushing ??= setImmediate(() => this.flush());
    });
    this.bus.subscribe(CLIENTS_SUBJECT, (raw) => {
      const message = parseClientsMessage(raw);
      if (message.from === this.me) return;
      this.stats.received += message.events.length;
      for (const event of message.events) this.clients.fromOtherInstance(event);
    });
  }

  private flush(): void {
    this.flushing = undefined;
    const events = this.pending;
    this.pending = [];
    for (let i = 0; i < events.length; i += EVENTS_PER_MESSAGE) {
      const part = events.slice(i, i + EVENTS_PER_MESSAGE);
      this.stats.published += part.length;
      this.bus.publish(CLIENTS_SUBJECT, { from: this.me, events: part });
    }
  }

  stop(): void {
    this.subscription?.unsubscribe();
    if (this.flushing !== undefined) clearImmediate(this.flushing);
    this.flushing = undefined;
    this.pending = [];
  }
}
