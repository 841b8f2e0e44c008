// A WiFi network of a location: the desired state the reconciler pushes to every node of
// the location. The passphrase has no plain @Field: WifiNetworksResolver exposes it only to
// callers who may write the network's group.

import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { TimestampedRecord } from '../database/timestamped-record';
import { Band, SecurityMode, WifiNetworkKind } from './wifi-network-enums';

registerEnumType(WifiNetworkKind, { name: 'WifiNetworkKind' });
registerEnumType(SecurityMode, { name: 'SecurityMode', description: 'WPA2_WPA3 is the WPA2/WPA3 transition (mixed) mode.' });
registerEnumType(Band, { name: 'Band' });

@ObjectType()
@Entity('wifi_networks')
export class WifiNetwork extends TimestampedRecord {
  @Field(() => ID)
  @Column({ name: 'location_id', type: 'varchar', length: 36 })
  locationId!: string;

  @Field(() => ID)
  @Column({ name: 'group_id', type: 'varchar', length: 36 })
  groupId!: string;

  @Field(() => WifiNetworkKind)
  @Column({ type: 'varchar', length: 16 })
  kind!: WifiNetworkKind;

  @Field()
  @Column({ type: 'varchar', length: 64 })
  ssid!: string;

  @Field(() => SecurityMode)
  @Column({ name: 'security_mode', type: 'varchar', length: 16 })
  securityMode!: SecurityMode;

  @Column({ type: 'varchar', length: 63, nullable: true })
  passphrase!: string | null;

  @Field()
  @Column({ type: 'boolean' })
  hidden!: boolean;

  @Field()
  @Column({ name: 'client_isolation', type: 'boolean' })
  clientIsolation!: boolean;

  @Field(() => Int, { nullable: true })
  @Column({ name: 'vlan_id', type: 'integer', nullable: true })
  vlanId!: number | null;

  @Field(() => [Band])
  @Column({ type: 'simple-json' })
  bands!: Band[];

  @Field()
  @Column({ type: 'boolean' })
  enabled!: boolean;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'expires_at', type: Date, nullable: true })
  expiresAt!: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  description!: string | null;
}
