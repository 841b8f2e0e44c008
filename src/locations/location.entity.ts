// A customer's home or site. groupId is copied from the customer so every query can be
// scoped to the caller's groups without a join.

import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { TimestampedRecord } from '../database/timestamped-record';
import { Address } from './address';

@ObjectType({ description: 'A customer\'s home or site, where their nodes run their WiFi networks.' })
@Entity('locations')
export class Location extends TimestampedRecord {
  @Field(() => ID, { description: 'The customer.' })
  @Column({ name: 'customer_id', type: 'varchar', length: 36 })
  customerId!: string;

  @Field(() => ID, { description: 'The group of the customer.' })
  @Column({ name: 'group_id', type: 'varchar', length: 36 })
  groupId!: string;

  @Field({ description: 'Display name, e.g. Home.' })
  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Field(() => String, { nullable: true, description: "The ISP's service contract for this location (free text)." })
  @Column({ name: 'service_id', type: 'varchar', length: 100, nullable: true })
  serviceId!: string | null;

  @Column({ name: 'address_street', type: 'varchar', length: 200, nullable: true })
  street!: string | null;

  @Column({ name: 'address_city', type: 'varchar', length: 100, nullable: true })
  city!: string | null;

  @Column({ name: 'address_postal_code', type: 'varchar', length: 20, nullable: true })
  postalCode!: string | null;

  @Column({ name: 'address_country', type: 'varchar', length: 2, nullable: true })
  country!: string | null;

  /** Flat columns in the row, one object in the API. */
  @Field(() => Address, { description: 'Postal address (every part optional).' })
  get address(): Address {
    return { street: this.street, city: this.city, postalCode: this.postalCode, country: this.country };
  }

  @Field({ description: 'IANA time zone, e.g. Europe/Berlin.' })
  @Column({ type: 'varchar', length: 64 })
  timezone!: string;
}
