// importNodeCombinePlan: one node combine plan file's text for a group.

import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/** A GraphQL request body is at most 100 KiB; larger plans go through the import command. */
export const MAX_PLAN_CHARS = 100 * 1024;

@InputType({ description: 'A node combine plan file (@Home API 2.0 Attachment G) for one head end.' })
export class ImportNodeCombinePlanInput {
  @Field(() => ID, { nullable: true, description: 'The group; may be left out by a member of one group.' })
  @IsOptional()
  @IsUUID()
  groupId?: string | null;

  @Field({ description: 'The file\'s text: `<CABLE_OPERATOR>~<HEAD_END>~<RDC>~<WAREHOUSE>`, then `<HEAD_END>~<LASER_GROUP>~<NODE>~<IP_POOL>` lines.' })
  @IsString()
  @MaxLength(MAX_PLAN_CHARS)
  plan!: string;
}
