// A client: one MAC per location, whichever node of the location it joins. The live fields
// (connected, node, VIF, network, band, key) follow the devices; the nickname is the
// tenant's and is written to the location's nodes as Client_Nickname_Config.

import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@ObjectType('Client', { description: 'A device on the WiFi: one MAC per location.' })
@Entity('clients')
export class ClientRecord {
  @Field(() => ID, { description: 'The location the client was seen at.' })
  @PrimaryColumn({ name: 'location_id', type: 'varchar', length: 36 })
  locationId!: string;

  @Field({ description: 'Lower-case colon-separated MAC address.' })
  @PrimaryColumn({ type: 'varchar', length: 17 })
  mac!: string;

  @Field(() => ID, { description: 'The group that owns the location.' })
  @Column({ name: 'group_id', type: 'varchar', length: 36 })
  groupId!: string;

  @Field(() => String, { nullable: true, description: 'The name the group\'s admins gave the client (renameClient); null when unnamed.' })
  @Column({ type: 'varchar', length: 255, nullable: true })
  nickname!: string | null;

  @Field({ description: 'Whether the client is associated to a node of the location now.' })
  @Column({ type: 'boolean' })
  connected!: boolean;

  @Field(() => ID, { nullable: true, description: 'The node it is (or was last) associated to.' })
  @Column({ name: 'node_id', type: 'varchar', length: 36, nullable: true })
  nodeId!: string | null;

  @Field(() => String, { nullable: true, description: 'The VIF (if_name) on that node.' })
  @Column({ name: 'if_name', type: 'varchar', length: 16, nullable: true })
  ifName!: string | null;

  @Field(() => ID, { nullable: true, description: 'The WiFi network of that VIF, when it is one of the controller\'s.' })
  @Column({ name: 'network_id', type: 'varchar', length: 36, nullable: true })
  networkId!: string | null;

  @Field(() => String, { nullable: true, description: 'Radio band: 2.4G, 5G, 5GL, 5GU or 6G.' })
  @Column({ type: 'varchar', length: 8, nullable: true })
  band!: string | null;

  @Field(() => String, { nullable: true, description: 'The multi-PSK key id the client used.' })
  @Column({ name: 'key_id', type: 'varchar', length: 31, nullable: true })
  keyId!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the current association started; null while disconnected.' })
  @Column({ name: 'connected_since', type: Date, nullable: true })
  connectedSince!: Date | null;

  @Field(() => Date, { description: 'When the client last connected or disconnected.' })
  @Column({ name: 'last_seen_at', type: Date })
  lastSeenAt!: Date;

  @Field(() => String, { nullable: true, description: 'IP address from the node\'s DHCP lease table (DHCP_leased_IP); null when unknown.' })
  @Column({ type: 'varchar', length: 45, nullable: true })
  ip!: string | null;

  @Field(() => String, { nullable: true, description: 'DHCP option 12.' })
  @Column({ type: 'varchar', length: 255, nullable: true })
  hostname!: string | null;

  @Field(() => String, { nullable: true, description: 'DHCP option 60.' })
  @Column({ name: 'vendor_class', type: 'varchar', length: 255, nullable: true })
  vendorClass!: string | null;

  @Field(() => String, { nullable: true, description: 'DHCP option 55 parameter list, e.g. "1,3,6,15".' })
  @Column({ type: 'varchar', length: 255, nullable: true })
  fingerprint!: string | null;
}
