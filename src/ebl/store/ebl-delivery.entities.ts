// The notification outbox: one row per notification to send, written in the transaction
// that decides it (and consumes a delete_on_match registration), sent by the delivery
// worker until the provider answers 2xx or the retry period ends. The body is stored as
// sent, so every attempt carries the same bytes and signature.

import { Column, Entity, PrimaryColumn } from 'typeorm';

export type DeliveryStatus = 'PENDING' | 'DELIVERED' | 'FAILED';

@Entity('ebl_deliveries')
export class EblDeliveryRow {
  /** Also the X-EBL-Delivery-Id header: the provider's key to drop a repeat. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'provider_id', type: 'varchar', length: 64 })
  providerId!: string;

  @Column({ name: 'location_id', type: 'varchar', length: 36 })
  locationId!: string;

  @Column({ type: 'varchar', length: 17 })
  mac!: string;

  @Column({ name: 'access_id', type: 'varchar', length: 255 })
  accessId!: string;

  @Column({ name: 'vendor_id', type: 'varchar', length: 255 })
  vendorId!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: DeliveryStatus;

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: Date })
  nextAttemptAt!: Date;

  @Column({ name: 'expires_at', type: Date })
  expiresAt!: Date;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'finished_at', type: Date, nullable: true })
  finishedAt!: Date | null;
}

@Entity('ebl_delivery_attempts')
export class EblDeliveryAttemptRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'delivery_id', type: 'varchar', length: 36 })
  deliveryId!: string;

  @Column({ type: 'integer' })
  number!: number;

  @Column({ type: Date })
  at!: Date;

  /** The provider's HTTP status; null when no answer came (refused, timeout). */
  @Column({ name: 'http_status', type: 'integer', nullable: true })
  httpStatus!: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error!: string | null;
}
