// A node (gateway or extender) known by its serial number. Unclaimed nodes have no
// location and no group; the connection fields are written by the southbound only.

import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { TimestampedRecord } from '../database/timestamped-record';

@ObjectType({ description: 'A gateway or extender, known by its serial; claimed to a location, or unclaimed.' })
@Entity('nodes')
export class Node extends TimestampedRecord {
  // Named `serial` in the API, as everywhere else (claimNode, nodeBySerial, filters, status).
  @Field(() => String, { name: 'serial', description: 'The serial number the device reports (AWLAN_Node.serial_number, or its certificate CN).' })
  @Column({ name: 'serial_number', type: 'varchar', length: 64, unique: true })
  serialNumber!: string;

  @Field(() => String, { nullable: true, description: 'Model as the device last reported it (AWLAN_Node.model).' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  model!: string | null;

  @Field(() => String, { nullable: true, description: 'Firmware version as the device last reported it.' })
  @Column({ name: 'firmware_version', type: 'varchar', length: 64, nullable: true })
  firmwareVersion!: string | null;

  @Field(() => String, { nullable: true, description: 'Base MAC address the device reported.' })
  @Column({ name: 'mac_address', type: 'varchar', length: 17, nullable: true })
  macAddress!: string | null;

  @Field(() => String, { nullable: true, description: 'A label the tenant sets.' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  description!: string | null;

  @Field(() => String, { nullable: true, description: "The provisioning system's key for this node while claimed (the @Home API gateway's mso_modem_key), unique within the group." })
  @Column({ name: 'external_key', type: 'varchar', length: 32, nullable: true })
  externalKey!: string | null;

  @Field(() => ID, { nullable: true, description: 'The location it is claimed to; null while unclaimed.' })
  @Column({ name: 'location_id', type: 'varchar', length: 36, nullable: true })
  locationId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The group of its location; null while unclaimed.' })
  @Column({ name: 'group_id', type: 'varchar', length: 36, nullable: true })
  groupId!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was claimed to its location.' })
  @Column({ name: 'claimed_at', type: Date, nullable: true })
  claimedAt!: Date | null;

  @Field({ description: 'Whether an identified OVSDB session with the device is open now.' })
  @Column({ type: 'boolean' })
  connected!: boolean;

  @Field(() => Date, { nullable: true, description: 'Start of the current session; null while offline.' })
  @Column({ name: 'connected_since', type: Date, nullable: true })
  connectedSince!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the device was last connected; null if it never was.' })
  @Column({ name: 'last_seen_at', type: Date, nullable: true })
  lastSeenAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Address the device connected from (last session).' })
  @Column({ name: 'remote_address', type: 'varchar', length: 64, nullable: true })
  remoteAddress!: string | null;
}
