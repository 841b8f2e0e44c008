// users(groupId?, first, after).

import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { PageArgs } from '../../common/pagination/page.args';

@ArgsType()
export class UsersArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only members of this group.' })
  @IsOptional()
  @IsUUID()
  groupId?: string;
}
