// Pages of groups and users.

import { ObjectType } from '@nestjs/graphql';
import { Paginated } from '../../common/pagination/connection.type';
import { Group } from '../group.entity';
import { User } from '../user.entity';

@ObjectType()
export class GroupConnection extends Paginated(Group) {}

@ObjectType()
export class UserConnection extends Paginated(User) {}
