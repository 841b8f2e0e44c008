// Which networks are key-pool networks, in memory: the reconciler loads a location on every
// change of it, and most locations have no pool, so asking the database each time (one
// key_pool_networks query per load) is wasted. Read whole once, then again after any change
// of a pool's networks (the venue services drop it after commit, before they publish, and
// mark the events 'key-pools' so that every other instance drops its own).
// The mapping also outlives a location's deletion for a moment, which is how the pool's
// other locations learn that the deleted one's keys are gone.

import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CachedIndexLoader } from '../domain-events/cached-index-loader';
import { DomainEvents } from '../domain-events/domain-events.service';
import { KeyPoolNetwork } from './key-pool.entity';

export interface PoolPlacement {
  networkId: string;
  poolId: string;
  locationId: string;
}

@Injectable()
export class PoolIndex implements OnModuleDestroy {
  /** Changes made elsewhere (another instance) arrive as events marked 'key-pools'. */
  private readonly index: CachedIndexLoader<ReadonlyMap<string, PoolPlacement>>;

  constructor(
    private readonly dataSource: DataSource,
    events: DomainEvents,
  ) {
    this.index = new CachedIndexLoader(() => this.load(), events, 'key-pools');
  }

  onModuleDestroy(): void {
    this.index.close();
  }

  /** Network id -> its pool and location, for every pool network. */
  byNetwork(): Promise<ReadonlyMap<string, PoolPlacement>> {
    return this.index.get();
  }

  /** After a committed change of a pool's networks (or a pool's deletion). */
  forget(): void {
    this.index.forget();
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
