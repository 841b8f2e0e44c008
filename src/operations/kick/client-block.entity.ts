// A temporary block of one client on one node, made by a CLIENT_KICK target: the durable copy
// of what the reconciler holds in memory (ClientBlocks), read back at start.

import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('client_blocks')
export class ClientBlockRecord {
  /** The operation target that made the block (one block per kicked node). */
  @PrimaryColumn({ name: 'target_id', type: 'varchar', length: 36 })
  targetId!: string;

  @Column({ name: 'node_id', type: 'varchar', length: 36 })
  nodeId!: string;

  /** Canonical aa:bb:cc:dd:ee:ff. */
  @Column({ type: 'varchar', length: 17 })
  mac!: string;

  @Column({ name: 'blocked_until', type: Date })
  blockedUntil!: Date;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}
