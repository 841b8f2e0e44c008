// One args class for the list so the validation pipe sees page and filter together.

import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { PageArgs } from '../../common/pagination/page.args';
import { CustomersFilter } from './customers-filter.input';

@ArgsType()
export class CustomersArgs extends PageArgs {
  @Field(() => CustomersFilter, { nullable: true, description: 'Conditions; none lists every customer you may see.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CustomersFilter)
  filter?: CustomersFilter | null;
}
