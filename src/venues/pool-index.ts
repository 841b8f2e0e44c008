// Which networks are key-pool networks, in memory: the reconciler loads a location on every
// change of it, and most locations have no pool, so asking the database each time (one
// key_pool_networks query per load) is wasted. Read whole once, then again after any change
// of a pool's networks (the venue services drop it after commit, before they publish, and
// mark the events 'key-pools' so that every other instance drops its own).
// The mapping also outlives a location's deletion for a moment, which is how the pool's
// other locations learn that the deleted one's keys are gone.

import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { INDEX_MAX_AGE_MS } from '../domain-events/domain-event';
import { DomainEvents } from '../domain-events/domain-events.service';
import { KeyPoolNetwork } from './key-pool.entity';

export interface PoolPlacement {
  networkId: string;
  poolId: string;
  locationId: string;
}

@Injectable()
export class PoolIndex implements OnModuleDestroy {
  private loading: Promise<ReadonlyMap<string, PoolPlacement>> | undefined;
  private loadedAt = 0;
  /** Changes made elsewhere (another instance) arrive as events marked 'key-pools'. */
  private readonly subscription: Subscription;

  constructor(
    private readonly dataSource: DataSource,
    events: DomainEvents,
  ) {
    this.subscription = events.events$.subscribe((event) => {
      if (event.caches?.includes('key-pools')) this.forget();
    });
  }

  onModuleDestroy(): void {
    this.subscription.unsubscribe();
  }

  /** Network id -> its pool and location, for every pool network. */
  byNetwork(): Promise<ReadonlyMap<string, PoolPlacement>> {
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

  /** After a committed change of a pool's networks (or a pool's deletion). */
  forget(): void {
    this.loading = undefined;
  }

  private async load(): Promise<ReadonlyMap<string, PoolPlacement>> {
    const rows = await this.dataSource.manager.find(KeyPoolNetwork, { select: { networkId: true, poolId: true, locationId: true } });
    return new Map(rows.map((r) => [r.networkId, { networkId: r.networkId, poolId: r.poolId, locationId: r.locationId }]));
  }
}

/** The pools with a network at `locationId`, and every location of those pools. */
export function poolsAt(index: ReadonlyMap<string, PoolPlacement>, locationId: string): { poolIds: Set<string>; locations: Set<string> } {
  const poolIds = new Set<string>();
  for (const p of index.values()) if (p.locationId === locationId) poolIds.add(p.poolId);
  const locations = new Set<string>();
  for (const p of index.values()) if (poolIds.has(p.poolId)) locations.add(p.locationId);
  return { poolIds, locations };
}
