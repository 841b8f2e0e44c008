// A postal address as the API shows it; stored as address_* columns of the location row.

import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class Address {
  @Field(() => String, { nullable: true })
  street!: string | null;

  @Field(() => String, { nullable: true })
  city!: string | null;

  @Field(() => String, { nullable: true })
  postalCode!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' })
  country!: string | null;
}
