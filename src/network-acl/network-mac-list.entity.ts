// A network's own MAC access list (VAULT's calling-station whitelist): an allow list (only
// these clients may join) or a deny list (these may not). The devices carry it in
// Wifi_VIF_Config.mac_list / mac_list_type on every VIF of the network, composed with the
// temporary client blocks of each node (libs/opensync/src/acl/vif-acl.ts).

import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum MacListMode {
  ALLOW = 'ALLOW',
  DENY = 'DENY',
}
registerEnumType(MacListMode, { name: 'MacListMode', description: 'ALLOW: only the listed clients may join. DENY: the listed clients may not.' });

@ObjectType({ description: 'The MAC access list of a WiFi network.' })
@Entity('network_mac_lists')
export class NetworkMacList {
  @Field(() => ID, { description: 'The WiFi network.' })
  @PrimaryColumn({ name: 'network_id', type: 'varchar', length: 36 })
  networkId!: string;

  @Column({ name: 'group_id', type: 'varchar', length: 36 })
  groupId!: string;

  @Field(() => MacListMode, { description: 'Allow list or deny list.' })
  @Column({ type: 'varchar', length: 8 })
  mode!: MacListMode;

  @Field(() => [String], { description: 'Client MACs, lower case aa:bb:cc:dd:ee:ff, sorted.' })
  @Column({ type: 'simple-json' })
  macs!: string[];

  @Field({ description: 'When it last changed.' })
  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;
}
