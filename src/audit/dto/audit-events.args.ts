// Arguments of the auditEvents query: an optional object filter and a bounded page.

import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { PageArgs } from '../../common/pagination/page.args';

@ArgsType()
export class AuditEventsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only events about this object.' })
  @IsOptional()
  @IsUUID()
  objectId?: string;
}
