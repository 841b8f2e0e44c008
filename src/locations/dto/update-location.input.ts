import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { AddressInput } from './address.input';

@InputType({ description: 'Fields left out keep their value.' })
export class UpdateLocationInput {
  @Field(() => String, { nullable: true, description: 'A new display name.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  name?: string;

  @Field(() => String, { nullable: true, description: 'The ISP\'s service contract; null removes it.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  serviceId?: string | null;

  @Field(() => AddressInput, { nullable: true, description: 'Replaces the whole address when sent.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressInput)
  address?: AddressInput | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. Europe/Berlin.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  timezone?: string;
}
