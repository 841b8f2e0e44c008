// Registrations, owned by the provider (API client) that made them. A MAC may be registered
// by several providers (each is told); a vendor id belongs to one provider only.

import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MatchType } from '../domain/registration-types';

@Entity('ebl_mac_registrations')
export class EblMacRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'provider_id', type: 'varchar', length: 64 })
  providerId!: string;

  @Column({ type: 'varchar', length: 17 })
  mac!: string;

  @Column({ name: 'delete_on_match', type: 'boolean' })
  deleteOnMatch!: boolean;

  @Column({ name: 'valid_until', type: Date, nullable: true })
  validUntil!: Date | null;

  @Column({ name: 'service_type', type: 'varchar', length: 255, nullable: true })
  serviceType!: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}

@Entity('ebl_vendor_id_registrations')
export class EblVendorIdRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'provider_id', type: 'varchar', length: 64 })
  providerId!: string;

  @Column({ name: 'vendor_id', type: 'varchar', length: 255 })
  vendorId!: string;

  @Column({ name: 'match_type', type: 'varchar', length: 16 })
  matchType!: MatchType;

  @Column({ name: 'service_type', type: 'varchar', length: 255, nullable: true })
  serviceType!: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}
