// assignSerials: an import of exact serials and/or serial prefixes for one group.

import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID } from 'class-validator';

export const MAX_SERIALS_PER_IMPORT = 10_000;

@InputType({ description: 'Exact serials and/or serial prefixes whose unclaimed nodes one group may see.' })
export class AssignSerialsInput {
  @Field(() => ID, { description: 'The group that will see the matching unclaimed nodes.' })
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
