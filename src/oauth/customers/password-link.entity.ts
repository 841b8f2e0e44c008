// A one-time link for a customer to set their password (the token is stored as SHA-256).

import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('customer_password_links')
export class CustomerPasswordLink {
  @PrimaryColumn({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ name: 'customer_id', type: 'varchar', length: 36 })
  customerId!: string;

  @Column({ name: 'expires_at', type: Date })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: Date, nullable: true })
  usedAt!: Date | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}
