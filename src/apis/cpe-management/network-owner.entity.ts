// The API client that created a network through this API (the only-own role).

import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('cpe_network_owners')
export class CpeNetworkOwner {
  @PrimaryColumn({ name: 'network_id', type: 'varchar', length: 36 })
  networkId!: string;

  @Column({ name: 'api_client_id', type: 'varchar', length: 36 })
  apiClientId!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}
