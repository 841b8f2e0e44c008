// Slots are allocated lazily, the first time the reconciler needs a network's VIF names,
// inside one transaction that re-reads the location's taken slots; the unique index on
// (location, slot) turns a race between two instances into a retry, never a shared slot.

import { Injectable, Logger } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { TransactionRunner } from '../../database/transaction-runner';
import { allocateSlots, SlotRequest } from './slot-allocation';
import { VifSlot } from './vif-slot.entity';

const MAX_ATTEMPTS = 3;

@Injectable()
export class VifSlotsService {
  private readonly logger = new Logger(VifSlotsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
  ) {}

  /** networkId -> slot for these networks of one location, allocating the missing ones. */
  async slotsFor(locationId: string, networks: readonly SlotRequest[]): Promise<Map<string, number>> {
    if (networks.length === 0) return new Map();
    const known = await this.dataSource.manager.findBy(VifSlot, { networkId: In(networks.map((n) => n.networkId)) });
    const slots = new Map(known.map((row) => [row.networkId, row.slot]));
    const missing = networks.filter((n) => !slots.has(n.networkId));
    if (missing.length === 0) return slots;
    for (let attempt = 1; ; attempt++) {
      try {
        const allocated = await this.allocate(locationId, missing);
        for (const [id, slot] of allocated) slots.set(id, slot);
        return slots;
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS) throw error;
        this.logger.warn(`slot allocation at location ${locationId} collided, retrying: ${String(error)}`);
      }
    }
  }

  private allocate(locationId: string, missing: readonly SlotRequest[]): Promise<Map<string, number>> {
    return this.transactions.run(async (manager) => {
      const rows = await manager.findBy(VifSlot, { locationId });
      const mine = new Map(rows.map((row) => [row.networkId, row.slot]));
      const wanted = missing.filter((n) => !mine.has(n.networkId));
      const allocated = allocateSlots(wanted, new Set(rows.map((row) => row.slot)));
      for (const [networkId, slot] of allocated) {
        await manager.insert(VifSlot, { networkId, locationId, slot });
        this.logger.log(`network ${networkId} at location ${locationId} gets VIF slot ${slot}`);
      }
      for (const n of missing) if (mine.has(n.networkId)) allocated.set(n.networkId, mine.get(n.networkId) as number);
      return allocated;
    });
  }
}
