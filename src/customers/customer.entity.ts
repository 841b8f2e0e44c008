// An ISP's subscriber. emailKey (lower-cased email) carries the case-insensitive uniqueness
// within a group; the password hash is never exposed.

import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { TimestampedRecord } from '../database/timestamped-record';
import { CustomerStatus } from './customer-status';

registerEnumType(CustomerStatus, { name: 'CustomerStatus', description: 'ACTIVE: served. SUSPENDED: networks off until resumed. TERMINATED: service cancelled (final).' });

@ObjectType({ description: 'A subscriber of the ISP, in one group, with one or more locations.' })
@Entity('customers')
export class Customer extends TimestampedRecord {
  @Field(() => ID, { description: 'The group (tenant) the customer belongs to.' })
  @Column({ name: 'group_id', type: 'varchar', length: 36 })
  groupId!: string;

  @Field({ description: 'Display name.' })
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Contact and login email, unique within the group; null for an account a provisioning system created before any email was known.' })
  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Column({ name: 'email_key', type: 'varchar', length: 254, nullable: true })
  emailKey!: string | null;

  @Field(() => String, { nullable: true, description: "The ISP's account key, unique within the group." })
  @Column({ name: 'account_id', type: 'varchar', length: 100, nullable: true })
  accountId!: string | null;

  @Field(() => String, { nullable: true, description: 'The sales partner or channel (free text).' })
  @Column({ name: 'partner_id', type: 'varchar', length: 100, nullable: true })
  partnerId!: string | null;

  @Field({ description: 'Whether the email was verified (verifyCustomerEmail).' })
  @Column({ name: 'email_verified', type: 'boolean' })
  emailVerified!: boolean;

  @Field(() => Date, { nullable: true, description: 'When onboarding was completed (completeOnboarding).' })
  @Column({ name: 'onboarding_completed_at', type: Date, nullable: true })
  onboardingCompletedAt!: Date | null;

  @Field(() => CustomerStatus, { description: 'Service status.' })
  @Column({ type: 'varchar', length: 16 })
  status!: CustomerStatus;

  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true })
  passwordHash!: string | null;
}
