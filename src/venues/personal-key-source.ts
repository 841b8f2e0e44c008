// What the reconciler reads of personal keys when it loads a location: for each of the
// location's networks that is a key pool's, the pool's ACTIVE keys valid at this location
// (their unit's location or a common area; a key without a unit everywhere). Windows are
// left to the planner, which applies them at each pass's instant. With them, whether the
// pool keeps its keys apart (per-key isolation).

import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { PooledNetworkKeys } from '../reconciler/desired-state.service';
import { KeyPool, KeyPoolNetwork } from './key-pool.entity';
import { keyLocations, keyView } from './key-rules';
import { PoolIndex } from './pool-index';
import { PersonalKey, PersonalKeyStatus } from './personal-key.entity';
import { VenueUnit } from './venue.entity';

@Injectable()
export class PersonalKeySourceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly index: PoolIndex,
  ) {}

  async keysAt(locationId: string, networkIds: readonly string[]): Promise<Map<string, PooledNetworkKeys>> {
    const result = new Map<string, PooledNetworkKeys>();
    const manager = this.dataSource.manager;
    // Most locations have no pool: answered from memory, no query.
    const index = await this.index.byNetwork();
    if (!networkIds.some((id) => index.has(id))) return result;
    const pooled = await manager.findBy(KeyPoolNetwork, { networkId: In([...networkIds]) });
    for (const entry of pooled) {
      const pool = await manager.findOneBy(KeyPool, { id: entry.poolId });
      if (pool === null) continue;
      const [networks, units, keys] = await Promise.all([
        manager.findBy(KeyPoolNetwork, { poolId: pool.id }),
        manager.findBy(VenueUnit, { venueId: pool.venueId }),
        manager.find(PersonalKey, { where: { poolId: pool.id, status: PersonalKeyStatus.ACTIVE }, order: { slot: 'ASC' } }),
      ]);
      const poolLocations = networks.map((n) => n.locationId);
      result.set(entry.networkId, {
        keys: keys.filter((k) => keyLocations(k, poolLocations, units).includes(locationId)).map(keyView),
        isolateKeys: pool.isolateKeys,
      });
    }
    return result;
  }
}
