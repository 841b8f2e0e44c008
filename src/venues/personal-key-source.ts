// What the reconciler reads of personal keys when it loads a location: for each of the
// location's networks that is a key pool's, the pool's ACTIVE keys valid at this location
// (their unit's location or a common area; a key without a unit everywhere). Windows are
// left to the planner, which applies them at each pass's instant. With them, whether the
// pool keeps its keys apart (per-key isolation).

import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import type { FindOptionsWhere } from 'typeorm';
import type { PooledNetworkKeys } from '../reconciler/desired-state.service';
import { KeyPool, KeyPoolNetwork } from './key-pool.entity';
import { keysCarriedAt, keyView } from './key-rules';
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
      // Only the keys this location carries are read (a 2,000-unit pool has thousands; a
      // unit's VIF carries a handful): the venue's unit here decides which.
      const unitsHere = await manager.findBy(VenueUnit, { venueId: pool.venueId, locationId });
      const carried = keysCarriedAt(unitsHere);
      const active = { poolId: pool.id, status: PersonalKeyStatus.ACTIVE };
      const where: FindOptionsWhere<PersonalKey>[] = carried.all ? [active] : [{ ...active, unitId: IsNull() }, ...carried.unitIds.map((unitId) => ({ ...active, unitId }))];
      const keys = await manager.find(PersonalKey, { where, order: { slot: 'ASC' } });
      result.set(entry.networkId, { keys: keys.map(keyView), isolateKeys: pool.isolateKeys });
    }
    return result;
  }
}
