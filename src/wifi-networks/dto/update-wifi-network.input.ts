// Every field optional: an absent field keeps its value, null clears an optional one.

import { Field, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsDate, IsEnum, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { Band, SecurityMode } from '../wifi-network-enums';

@InputType({ description: 'Fields left out keep their value; null clears only what may be empty (passphrase, vlanId, expiresAt, description; bands: back to the default).' })
export class UpdateWifiNetworkInput {
  @Field(() => String, { nullable: true, description: 'A new network name, 1 to 32 bytes; null is refused.' })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  ssid?: string | null;

  @Field(() => SecurityMode, { nullable: true, description: 'Switching to OPEN drops the stored passphrase.' })
  @IsOptional()
  @IsEnum(SecurityMode)
  securityMode?: SecurityMode | null;

  @Field(() => String, { nullable: true, description: 'A new passphrase (8 to 63 printable ASCII); must be null or left out for OPEN.' })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  passphrase?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Leave the SSID out of beacons; null is refused.' })
  @IsOptional()
  @IsBoolean()
  hidden?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Keep clients from reaching each other; null is refused.' })
  @IsOptional()
  @IsBoolean()
  clientIsolation?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Isolate the network on the devices (GUEST and IOT only; refused for PRIMARY); null is refused.',
  })
  @IsOptional()
  @IsBoolean()
  isolated?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'The VLAN, 1 to 4094; null: untagged.' })
  @IsOptional()
  @IsInt()
  vlanId?: number | null;

  @Field(() => [Band], { nullable: true, description: 'The bands; null: the default of the security mode (which then follows the mode).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(8)
  @IsEnum(Band, { each: true })
  bands?: Band[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether it runs on the devices; null is refused.' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean | null;

  @Field(() => Date, { nullable: true, description: 'When it turns off by itself (in the future); null: never.' })
  @IsOptional()
  @IsDate()
  expiresAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'A label; null clears it.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string | null;
}
