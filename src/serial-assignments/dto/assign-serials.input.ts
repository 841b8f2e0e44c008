// assignSerials: an import of exact serials and/or serial prefixes for one group.

import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID } from 'class-validator';

export const MAX_SERIALS_PER_IMPORT = 10_000;

@InputType()
export class AssignSerialsInput {
  @Field(() => ID)
  @IsUUID()
  groupId!: string;

  @Field(() => [String], { nullable: true, description: `Exact serials (an import), at most ${MAX_SERIALS_PER_IMPORT}.` })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_SERIALS_PER_IMPORT)
  @IsString({ each: true })
  serials?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Serial prefixes: the group sees every unclaimed serial starting with one (at least 4 characters).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  prefixes?: string[] | null;
}
