// A WiFi network of a location: the desired state the reconciler pushes to every node of
// the location. The passphrase has no plain @Field: WifiNetworksResolver exposes it only to
// callers who may write the network's group.

import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { TimestampedRecord } from '../database/timestamped-record';
import { Band, SecurityMode, WifiNetworkKind } from './wifi-network-enums';

registerEnumType(WifiNetworkKind, { name: 'WifiNetworkKind', description: 'PRIMARY: the home network, one per location. GUEST and IOT: added networks.' });
registerEnumType(SecurityMode, { name: 'SecurityMode', description: 'WPA2_WPA3 is the WPA2/WPA3 transition (mixed) mode.' });
registerEnumType(Band, { name: 'Band', description: 'A band a network runs on: 2.4, 5 or 6 GHz (6 GHz needs WPA3).' });

@ObjectType({ description: 'A WiFi network (SSID) of a location, run on every node claimed there.' })
@Entity('wifi_networks')
export class WifiNetwork extends TimestampedRecord {
  @Field(() => ID, { description: 'The location.' })
  @Column({ name: 'location_id', type: 'varchar', length: 36 })
  locationId!: string;

  @Field(() => ID, { description: 'The group of the location.' })
  @Column({ name: 'group_id', type: 'varchar', length: 36 })
  groupId!: string;

  @Field(() => WifiNetworkKind, { description: 'PRIMARY (one per location), GUEST or IOT.' })
  @Column({ type: 'varchar', length: 16 })
  kind!: WifiNetworkKind;

  @Field({ description: 'The network name, 1 to 32 bytes.' })
  @Column({ type: 'varchar', length: 64 })
  ssid!: string;

  @Field(() => SecurityMode, { description: 'How clients authenticate.' })
  @Column({ name: 'security_mode', type: 'varchar', length: 16 })
  securityMode!: SecurityMode;

  @Column({ type: 'varchar', length: 63, nullable: true })
  passphrase!: string | null;

  @Field({ description: 'Whether the SSID is left out of beacons.' })
  @Column({ type: 'boolean' })
  hidden!: boolean;

  @Field({ description: 'Whether clients of this network are kept from reaching each other.' })
  @Column({ name: 'client_isolation', type: 'boolean' })
  clientIsolation!: boolean;

  @Field({
    description:
      'Whether the network is isolated on the devices: its own bridge, subnet and DHCP server, clients kept from each other, and no forwarding to the home network or other isolated networks (docs/api.md, Isolated networks). Default true for GUEST and IOT; PRIMARY never is.',
  })
  @Column({ type: 'boolean', default: false })
  isolated!: boolean;

  @Field(() => Int, { nullable: true, description: 'The VLAN its traffic is tagged with; null: untagged.' })
  @Column({ name: 'vlan_id', type: 'integer', nullable: true })
  vlanId!: number | null;

  @Field(() => [Band], { description: 'The bands it runs on (default: every band the security mode allows).' })
  @Column({ type: 'simple-json' })
  bands!: Band[];

  @Field({ description: 'Whether it runs on the devices.' })
  @Column({ type: 'boolean' })
  enabled!: boolean;

  @Field(() => Date, { nullable: true, description: 'When it is turned off by itself (e.g. a guest network); null: never.' })
  @Column({ name: 'expires_at', type: Date, nullable: true })
  expiresAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'A label for operators.' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  description!: string | null;
}
