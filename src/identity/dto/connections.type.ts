// Pages of groups and users.

import { ObjectType } from '@nestjs/graphql';
import { Paginated } from '../../common/pagination/connection.type';
import { Group } from '../group.entity';
import { User } from '../user.entity';

@ObjectType({ description: 'A page of groups, by name.' })
export class GroupConnection extends Paginated(Group) {}

@ObjectType({ description: 'A page of users, by email.' })
export class UserConnection extends Paginated(User) {}
