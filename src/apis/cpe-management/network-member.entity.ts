// A WiFi network that is one member of an isolated network on several devices (one member
// per location); apiClientId: the client that created the network (only-own), if any.

import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('cpe_network_members')
export class CpeNetworkMember {
  @PrimaryColumn({ name: 'wifi_network_id', type: 'varchar', length: 36 })
  wifiNetworkId!: string;

  @Column({ name: 'network_id', type: 'varchar', length: 36 })
  networkId!: string;

  @Column({ name: 'api_client_id', type: 'varchar', length: 36, nullable: true })
  apiClientId!: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}
