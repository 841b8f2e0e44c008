// One in-memory index read whole from the database (which networks belong to a key pool,
// which carry a MAC list): loaded on first use, read again after INDEX_MAX_AGE_MS, and
// dropped when forgotten (by its owner, after a committed change) or when an event names its
// cache (a change made on another instance). A load that fails is not kept: the next use
// reads again.

import type { Subscription } from 'rxjs';
import { CachedIndex, INDEX_MAX_AGE_MS } from './domain-event';
import { DomainEvents } from './domain-events.service';

export class CachedIndexLoader<T> {
  private loading: Promise<T> | undefined;
  private loadedAt = 0;
  private readonly subscription: Subscription;

  constructor(
    private readonly load: () => Promise<T>,
    events: DomainEvents,
    cache: CachedIndex,
  ) {
    this.subscription = events.events$.subscribe((event) => {
      if (event.caches?.includes(cache)) this.forget();
    });
  }

  get(): Promise<T> {
    if (this.loading === undefined || Date.now() - this.loadedAt > INDEX_MAX_AGE_MS) {
      this.loadedAt = Date.now();
      const loading = this.load();
      this.loading = loading;
      loading.catch(() => {
        if (this.loading === loading) this.loading = undefined;
      });
    }
    return this.loading;
  }

  forget(): void {
    this.loading = undefined;
  }

  /** Stops following the events (the owner's module is being destroyed). */
  close(): void {
    this.subscription.unsubscribe();
  }
}
