// Every field optional: an absent field keeps its value, null clears an optional one.

import { Field, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsDate, IsEnum, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { Band, SecurityMode } from '../wifi-network-enums';

@InputType()
export class UpdateWifiNetworkInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  ssid?: string | null;

  @Field(() => SecurityMode, { nullable: true, description: 'Switching to OPEN drops the stored passphrase.' })
  @IsOptional()
  @IsEnum(SecurityMode)
  securityMode?: SecurityMode | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  passphrase?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  hidden?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  clientIsolation?: boolean | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  vlanId?: number | null;

  @Field(() => [Band], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(8)
  @IsEnum(Band, { each: true })
  bands?: Band[] | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  expiresAt?: Date | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string | null;
}
