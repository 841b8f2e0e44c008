// A catalogue entry as platform admins enter it.

import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

@InputType()
export class FirmwareImageInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  model!: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  version!: string;

  @Field({ description: 'http(s) URL of the image, at most 256 characters (AWLAN_Node.firmware_url).' })
  @IsString()
  @MaxLength(256)
  @Matches(/^https?:\/\/[^\s]+[^/\s]$/, { message: 'must be an http(s) URL not ending in "/"' })
  url!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[0-9a-fA-F]{32}$/, { message: 'must be 32 hex digits' })
  md5?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'must be 64 hex digits' })
  sha256?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  notes?: string;
}
