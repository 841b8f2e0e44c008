// The durable side of client blocks: each block a CLIENT_KICK target makes is written to
// client_blocks before the reconciler is told, and every block still in force is handed to
// the reconciler again when the module starts (before any device can connect), so a block is
// lifted on time across a restart: the pass at its end instant, or the node's first pass
// after the restart, no longer carries it. Rows past their end are deleted on the way.

import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, LessThanOrEqual, MoreThan } from 'typeorm';
import { ReconcilerService } from '../../reconciler/reconciler.service';
import { ClientBlocks } from '../../reconciler/worker/client-blocks';
import { ClientBlockRecord } from './client-block.entity';

@Injectable()
export class ClientBlocksService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly blocks: ClientBlocks,
    private readonly reconciler: ReconcilerService,
  ) {}

  async onModuleInit(): Promise<void> {
    const now = new Date();
    await this.purge(now);
    for (const r of await this.dataSource.manager.findBy(ClientBlockRecord, { blockedUntil: MoreThan(now) })) {
      this.blocks.set(r.nodeId, r.targetId, { mac: r.mac, until: r.blockedUntil });
    }
  }

  /** Blocks `mac` on the node until `until` (again, after a restart: the same row). */
  async block(targetId: string, nodeId: string, mac: string, until: Date): Promise<void> {
    const now = new Date();
    await this.purge(now);
    await this.dataSource.manager.upsert(ClientBlockRecord, { targetId, nodeId, mac, blockedUntil: until, createdAt: now }, ['targetId']);
    this.blocks.set(nodeId, targetId, { mac, until });
    this.reconciler.kick(nodeId);
  }

  private async purge(now: Date): Promise<void> {
    await this.dataSource.manager.delete(ClientBlockRecord, { blockedUntil: LessThanOrEqual(now) });
  }
}
