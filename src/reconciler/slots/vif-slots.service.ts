// Slots are allocated lazily, the first time the reconciler needs a network's VIF names,
// inside one transaction that re-reads the location's taken slots; the unique index on
// (location, slot) turns a race between two instances into a retry, never a shared slot.

import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CompiledFinder } from '../../database/compiled-finder';
import { TransactionRunner } from '../../database/transaction-runner';
import { allocateSlots, SlotRequest } from './slot-allocation';
import { VifSlot } from './vif-slot.entity';

const MAX_ATTEMPTS = 3;

@Injectable()
export class VifSlotsService {
  private readonly logger = new Logger(VifSlotsService.name);
  private readonly byLocation: CompiledFinder<VifSlot>;

  constructor(
    dataSource: DataSource,
    private readonly transactions: TransactionRunner,
  ) {
    this.byLocation = new CompiledFinder(dataSource, VifSlot, { where: 'locationId' });
  }

  /** networkId -> slot for these networks of one location, allocating the missing ones. */
  async slotsFor(locationId: string, networks: readonly SlotRequest[]): Promise<Map<string, number>> {
    if (networks.length === 0) return new Map();
    // Read on every reconciliation of a changed location, hence the compiled statement.
    const wanted = new Set(networks.map((n) => n.networkId));
    const known = (await this.byLocation.find(locationId)).filter((row) => wanted.has(row.networkId));
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
