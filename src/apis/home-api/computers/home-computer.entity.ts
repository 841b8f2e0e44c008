// A computer the MSO registered for a site (COMPUTER, 6.4.11 to 6.4.14): the gateway's record
// of a subscriber's device at the location, with the descriptive fields Attachment A lists,
// the DNS name @Home would have given it (cpe_dns_name) and, as this gateway's extension, the
// device's MAC so the record names a known client of the location. Pre-provisioned
// (net_class V2) until CONVERT; removed with its site or subscriber. No addresses are kept:
// a WiFi controller assigns none.

import { Field, ID, ObjectType } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { BeforeInsert, BeforeUpdate, Column, Entity, PrimaryColumn } from 'typeorm';

@ObjectType('HomeApiComputer', { description: 'A computer an MSO registered for this location through the @Home API gateway (COMPUTER).' })
@Entity('home_api_computers')
export class HomeComputer {
  @Field(() => ID, { description: 'The computer_key the gateway answered (with numeric keys, the number is kept beside it).' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'group_id', type: 'varchar', length: 36 })
  groupId!: string;

  @Field(() => ID, { description: 'The location (site).' })
  @Column({ name: 'location_id', type: 'varchar', length: 36 })
  locationId!: string;

  @Field(() => String, { nullable: true, description: "The MSO's key (mso_computer_key)." })
  @Column({ name: 'mso_computer_key', type: 'varchar', length: 15, nullable: true })
  msoComputerKey!: string | null;

  @Field({ description: 'The DNS name (client id) given at the create, or sent to restore a computer (6.4.13).' })
  @Column({ name: 'cpe_dns_name', type: 'varchar', length: 15 })
  cpeDnsName!: string;

  @Field(() => String, { nullable: true, description: "The device's MAC (lower case), when the MSO sent one: the client of the location it names." })
  @Column({ name: 'mac_address', type: 'varchar', length: 17, nullable: true })
  macAddress!: string | null;

  @Field({ description: 'Operating system, as the MSO sent it (Table B.5 lists the usual values; not checked).' })
  @Column({ type: 'varchar', length: 30 })
  os!: string;

  @Field(() => String, { nullable: true, description: 'CPU, as sent (Table B.6 lists the usual values).' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  cpu!: string | null;

  @Field(() => String, { nullable: true, description: 'Memory, as sent.' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  ram!: string | null;

  @Field(() => String, { nullable: true, description: 'Hard disk size, as sent (Table B.7 lists the usual values).' })
  @Column({ name: 'hard_disk_size', type: 'varchar', length: 15, nullable: true })
  hardDiskSize!: string | null;

  @Field(() => String, { nullable: true, description: 'Free disk space, as sent.' })
  @Column({ name: 'available_space', type: 'varchar', length: 15, nullable: true })
  availableSpace!: string | null;

  @Field(() => String, { nullable: true, description: 'Sound card, as sent.' })
  @Column({ name: 'sound_card', type: 'varchar', length: 30, nullable: true })
  soundCard!: string | null;

  @Field(() => String, { nullable: true, description: 'Y or N as the MSO sent it.' })
  @Column({ type: 'varchar', length: 1, nullable: true })
  compliant!: string | null;

  @Field({ description: 'Created with net_class V2 and not converted yet (6.4.12).' })
  @Column({ name: 'pre_provisioned', type: 'boolean' })
  preProvisioned!: boolean;

  @Field({ description: 'When the MSO created it.' })
  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Field({ description: 'When it last changed.' })
  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;

  @BeforeInsert()
  protected assignDefaults(): void {
    this.id ??= randomUUID();
    this.createdAt ??= new Date();
    this.updatedAt = this.createdAt;
  }

  @BeforeUpdate()
  protected touch(): void {
    this.updatedAt = new Date();
  }
}
