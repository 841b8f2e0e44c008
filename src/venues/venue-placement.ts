// Which venue a pool (and so its keys and scratch-card batches) is in, for the access rules
// of src/access/venue-scope.ts. A pool never moves to another venue, so the answer is kept
// (bounded); a deleted pool's keys and batches are gone with it.

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { KeyObject, VenueObject } from '../access/venue-scope';
import { KeyPool } from './key-pool.entity';

const MAX_REMEMBERED = 10_000;

@Injectable()
export class VenuePlacement {
  private readonly venueOfPool = new Map<string, string>();

  /** The venue of the pool, or undefined when the pool does not exist. */
  async poolVenue(manager: EntityManager, poolId: string): Promise<string | undefined> {
    const known = this.venueOfPool.get(poolId);
    if (known !== undefined) return known;
    const pool = await manager.findOne(KeyPool, { where: { id: poolId }, select: { id: true, venueId: true } });
    if (pool === null) return undefined;
    if (this.venueOfPool.size >= MAX_REMEMBERED) this.venueOfPool.delete(this.venueOfPool.keys().next().value ?? '');
    this.venueOfPool.set(poolId, pool.venueId);
    return pool.venueId;
  }

  /** A key (or null) as the access rules see it: its group, venue and subscriber. */
  async keyObject(manager: EntityManager, key: { poolId: string; groupId: string; customerId: string } | null): Promise<KeyObject | null> {
    if (key === null) return null;
    const venueId = await this.poolVenue(manager, key.poolId);
    return venueId === undefined ? null : { groupId: key.groupId, venueId, customerId: key.customerId };
  }

  /** A pool's row (a batch) as the access rules see it. */
  async inPool(manager: EntityManager, row: { poolId: string; groupId: string } | null): Promise<VenueObject | null> {
    if (row === null) return null;
    const venueId = await this.poolVenue(manager, row.poolId);
    return venueId === undefined ? null : { groupId: row.groupId, venueId };
  }
}
