// The PRIMARY network is created with its location, so location inputs carry it.

import { Field, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { Band, SecurityMode } from '../wifi-network-enums';

@InputType({ description: 'The PRIMARY network of a new location.' })
export class PrimaryNetworkInput {
  @Field({ description: '1 to 32 bytes in UTF-8.' })
  @IsString()
  @MaxLength(256)
  ssid!: string;

  @Field(() => SecurityMode, { description: 'How clients authenticate.' })
  @IsEnum(SecurityMode)
  securityMode!: SecurityMode;

  @Field(() => String, { nullable: true, description: '8 to 63 printable ASCII characters; required unless OPEN, refused when OPEN.' })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  passphrase?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Leave the SSID out of beacons.' })
  @IsOptional()
  @IsBoolean()
  hidden?: boolean;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Keep clients of this network from reaching each other.' })
  @IsOptional()
  @IsBoolean()
  clientIsolation?: boolean;

  @Field(() => Int, { nullable: true, description: '1 to 4094.' })
  @IsOptional()
  @IsInt()
  vlanId?: number | null;

  @Field(() => [Band], { nullable: true, description: 'Default: every band the security mode allows (6 GHz needs WPA3).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(8)
  @IsEnum(Band, { each: true })
  bands?: Band[] | null;

  @Field(() => String, { nullable: true, description: 'A label for operators.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string | null;
}
