// A catalogue entry as platform admins enter it.

import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

@InputType({ description: 'A new catalogue entry, entered by a platform admin.' })
export class FirmwareImageInput {
  @Field({ description: 'The device model the image is for (as AWLAN_Node.model), at most 64 characters.' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  model!: string;

  @Field({ description: 'The firmware_version the node reports once it runs this image, at most 64 characters.' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  version!: string;

  @Field({ description: 'http(s) URL of the image, at most 256 characters (AWLAN_Node.firmware_url).' })
  @IsString()
  @MaxLength(256)
  @Matches(/^https?:\/\/[^\s]+[^/\s]$/, { message: 'must be an http(s) URL not ending in "/"' })
  url!: string;

  @Field(() => String, { nullable: true, description: 'MD5 of the image, 32 hex digits.' })
  @IsOptional()
  @Matches(/^[0-9a-fA-F]{32}$/, { message: 'must be 32 hex digits' })
  md5?: string;

  @Field(() => String, { nullable: true, description: 'SHA-256 of the image, 64 hex digits.' })
  @IsOptional()
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'must be 64 hex digits' })
  sha256?: string;

  @Field(() => String, { nullable: true, description: 'Free text (release notes, caveats), at most 1000 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  notes?: string;
}
