// Cached copies that are not tied to a location (a group's telemetry settings, an EBL
// provider, a provider's EBL registrations) across instances: what one instance changed is published after the commit, and
// the others hand it to the owning service, which drops or reloads the entry it names (and,
// for telemetry settings, reconciles the group's nodes it holds). At most once like the
// other notices; what bounds a lost one is said where each copy is kept
// (telemetry-settings.service.ts, ebl-providers.service.ts, ebl-matching.service.ts).

import { Inject, Injectable } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { CacheInvalidations } from '../domain-events/cache-invalidations.service';
import { ClusterBus } from './cluster-bus.service';
import { INVALIDATIONS_SUBJECT, parseInvalidationsMessage } from './cluster-messages';

@Injectable()
export class InvalidationsRelay {
  private subscription: Subscription | undefined;
  /** Invalidations sent to the others, and received from them. */
  readonly stats = { published: 0, received: 0 };

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly bus: ClusterBus,
    private readonly invalidations: CacheInvalidations,
  ) {}

  private get me(): string {
    return this.config.cluster?.instanceId ?? '';
  }

  start(): void {
    this.subscription = this.invalidations.local$.subscribe((invalidation) => {
      this.stats.published++;
      this.bus.publish(INVALIDATIONS_SUBJECT, { from: this.me, invalidations: [invalidation] });
    });
    this.bus.subscribe(INVALIDATIONS_SUBJECT, (raw) => {
      const message = parseInvalidationsMessage(raw);
      if (message.from === this.me) return;
      this.stats.received += message.invalidations.length;
      for (const invalidation of message.invalidations) this.invalidations.fromOtherInstance(invalidation);
    });
  }

  stop(): void {
    this.subscription?.unsubscribe();
  }
}
