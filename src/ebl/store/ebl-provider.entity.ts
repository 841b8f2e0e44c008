// A service provider's EBL settings, kept by the operator (group admins, GraphQL): which of
// the group's locations it may be told about, where notifications go, the secret they are
// signed with (write-only in the API), and what accessID means for it. Keyed by the API
// client the provider authenticates as.

import { Column, Entity, PrimaryColumn } from 'typeorm';

export type LocationScope = 'ALL_LOCATIONS' | 'LISTED_LOCATIONS';
export type AccessIdSource = 'SERVICE_ID' | 'LOCATION_ID';

@Entity('ebl_providers')
export class EblProviderRow {
  @PrimaryColumn({ name: 'api_client_id', type: 'varchar', length: 36 })
  apiClientId!: string;

  @Column({ name: 'group_id', type: 'varchar', length: 36 })
  groupId!: string;

  @Column({ name: 'location_scope', type: 'varchar', length: 16 })
  locationScope!: LocationScope;

  @Column({ name: 'location_ids', type: 'simple-json' })
  locationIds!: string[];

  @Column({ name: 'notification_url', type: 'varchar', length: 2048 })
  notificationUrl!: string;

  @Column({ type: 'varchar', length: 128 })
  secret!: string;

  @Column({ name: 'access_id_source', type: 'varchar', length: 16 })
  accessIdSource!: AccessIdSource;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;
}
