// A customer's home or site. groupId is copied from the customer so every query can be
// scoped to the caller's groups without a join.

import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Address } from './address';

@ObjectType()
@Entity('locations')
export class Location {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Field(() => ID)
  @Column({ type: 'varchar', length: 36 })
  customerId!: string;

  @Field(() => ID)
  @Column({ type: 'varchar', length: 36 })
  groupId!: string;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Field(() => String, { nullable: true, description: "The ISP's service contract for this location (free text)." })
  @Column({ type: 'varchar', length: 100, nullable: true })
  serviceId!: string | null;

  @Field(() => Address)
  @Column(() => Address, { prefix: 'address' })
  address!: Address;

  @Field({ description: 'IANA time zone, e.g. Europe/Berlin.' })
  @Column({ type: 'varchar', length: 64 })
  timezone!: string;

  @Field()
  @Column({ type: Date })
  createdAt!: Date;

  @Field()
  @Column({ type: Date })
  updatedAt!: Date;
}
