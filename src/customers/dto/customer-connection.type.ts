import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Paginated } from '../../common/pagination/connection.type';
import { Customer } from '../customer.entity';

@ObjectType()
export class CustomerConnection extends Paginated(Customer) {
  @Field(() => Int, { description: 'All customers matching the filter, across pages.' })
  totalCount!: number;
}
