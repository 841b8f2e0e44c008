// A postal address as the API shows it; stored as address_* columns of the location row.

import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A postal address; every part may be empty.' })
export class Address {
  @Field(() => String, { nullable: true, description: 'Street and number.' })
  street!: string | null;

  @Field(() => String, { nullable: true, description: 'City.' })
  city!: string | null;

  @Field(() => String, { nullable: true, description: 'Postal code.' })
  postalCode!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' })
  country!: string | null;
}
