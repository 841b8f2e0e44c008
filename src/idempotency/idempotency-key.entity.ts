// One remembered create: (user, operation, key) is unique; the request hash tells a true
// retry from a reuse of the key for something else.

import { randomUUID } from 'node:crypto';
import { BeforeInsert, Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('idempotency_keys')
export class IdempotencyKey {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'varchar', length: 64 })
  operation!: string;

  @Column({ type: 'varchar', length: 128 })
  key!: string;

  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash!: string;

  @Column({ name: 'result_id', type: 'varchar', length: 36 })
  resultId!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @BeforeInsert()
  protected assignDefaults(): void {
    this.id ??= randomUUID();
    this.createdAt ??= new Date();
  }
}
