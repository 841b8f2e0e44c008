import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { PrimaryNetworkInput } from '../../wifi-networks/dto/primary-network.input';
import { AddressInput } from './address.input';

@InputType({ description: 'A new location with its PRIMARY network.' })
export class CreateLocationInput {
  @Field({ description: 'Display name, 1 to 100 characters.' })
  @IsString()
  @MaxLength(1000)
  name!: string;

  @Field(() => String, { nullable: true, description: "The ISP's service contract (free text)." })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  serviceId?: string | null;

  @Field(() => AddressInput, { nullable: true, description: 'Postal address.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressInput)
  address?: AddressInput | null;

  @Field({ description: 'IANA time zone, e.g. Europe/Berlin.' })
  @IsString()
  @MaxLength(100)
  timezone!: string;

  @Field(() => PrimaryNetworkInput, { description: 'The PRIMARY WiFi network, created and deleted with the location.' })
  @ValidateNested()
  @Type(() => PrimaryNetworkInput)
  primaryNetwork!: PrimaryNetworkInput;
}
