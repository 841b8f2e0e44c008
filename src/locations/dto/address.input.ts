import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';

@InputType({ description: 'A postal address; every part is optional.' })
export class AddressInput {
  @Field(() => String, { nullable: true, description: 'Street and number.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  street?: string | null;

  @Field(() => String, { nullable: true, description: 'City.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  city?: string | null;

  @Field(() => String, { nullable: true, description: 'Postal code.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  postalCode?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2, e.g. DE.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  country?: string | null;
}
