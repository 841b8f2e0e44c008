import { ObjectType } from '@nestjs/graphql';
import { Paginated } from '../../common/pagination/connection.type';
import { Customer } from '../customer.entity';

@ObjectType({ description: 'A page of customers.' })
export class CustomerConnection extends Paginated(Customer) {}
