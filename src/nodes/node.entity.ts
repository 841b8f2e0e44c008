// A node (gateway or extender) known by its serial number. Unclaimed nodes have no
// location and no group; the connection fields are written by the southbound only.

import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { TimestampedRecord } from '../database/timestamped-record';

@ObjectType()
@Entity('nodes')
export class Node extends TimestampedRecord {
  @Field()
  @Column({ name: 'serial_number', type: 'varchar', length: 64, unique: true })
  serialNumber!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  model!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'firmware_version', type: 'varchar', length: 64, nullable: true })
  firmwareVersion!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'mac_address', type: 'varchar', length: 17, nullable: true })
  macAddress!: string | null;

  @Field(() => String, { nullable: true, description: 'A label the tenant sets.' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  description!: string | null;

  @Field(() => String, { nullable: true, description: "The provisioning system's key for this node while claimed (the @Home API gateway's mso_modem_key), unique within the group." })
  @Column({ name: 'external_key', type: 'varchar', length: 32, nullable: true })
  externalKey!: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'location_id', type: 'varchar', length: 36, nullable: true })
  locationId!: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'group_id', type: 'varchar', length: 36, nullable: true })
  groupId!: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'claimed_at', type: Date, nullable: true })
  claimedAt!: Date | null;

  @Field()
  @Column({ type: 'boolean' })
  connected!: boolean;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'connected_since', type: Date, nullable: true })
  connectedSince!: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'last_seen_at', type: Date, nullable: true })
  lastSeenAt!: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'remote_address', type: 'varchar', length: 64, nullable: true })
  remoteAddress!: string | null;
}
