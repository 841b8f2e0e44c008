// An ISP's subscriber. emailKey (lower-cased email) carries the case-insensitive uniqueness
// within a group; the password hash is never exposed.

import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CustomerStatus } from './customer-status';

registerEnumType(CustomerStatus, { name: 'CustomerStatus' });

@ObjectType()
@Entity('customers')
export class Customer {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Field(() => ID)
  @Column({ type: 'varchar', length: 36 })
  groupId!: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Field()
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 254 })
  emailKey!: string;

  @Field(() => String, { nullable: true, description: "The ISP's account key, unique within the group." })
  @Column({ type: 'varchar', length: 100, nullable: true })
  accountId!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 100, nullable: true })
  partnerId!: string | null;

  @Field()
  @Column({ type: 'boolean' })
  emailVerified!: boolean;

  @Field(() => Date, { nullable: true })
  @Column({ type: Date, nullable: true })
  onboardingCompletedAt!: Date | null;

  @Field(() => CustomerStatus)
  @Column({ type: 'varchar', length: 16 })
  status!: CustomerStatus;

  @Column({ type: 'varchar', length: 255, nullable: true })
  passwordHash!: string | null;

  @Field()
  @Column({ type: Date })
  createdAt!: Date;

  @Field()
  @Column({ type: Date })
  updatedAt!: Date;
}
