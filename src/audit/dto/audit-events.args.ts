// Arguments of the auditEvents query: filters by object, who, what and when, and a bounded page.

import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsDate, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageArgs } from '../../common/pagination/page.args';

@ArgsType()
export class AuditEventsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only events about this object.' })
  @IsOptional()
  @IsUUID()
  objectId?: string;

  @Field(() => String, { nullable: true, description: "Only events by users whose email contains this text (any case)." })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  actor?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only this action (e.g. customer.suspend), or every action on one kind of object when it ends with a dot (customer.).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  action?: string | null;

  @Field(() => Date, { nullable: true, description: 'Only events at or after this time.' })
  @IsOptional()
  @IsDate()
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only events before this time.' })
  @IsOptional()
  @IsDate()
  to?: Date | null;
}
