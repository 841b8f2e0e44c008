// createUser and users: platform admins, and group admins inside their own groups.

import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import { Permission, RequirePermission } from '../common/auth/permission';
import { Principal } from '../common/auth/principal';
import { Connection } from '../common/pagination/connection.type';
import { UserConnection } from './dto/connections.type';
import { CreateUserInput } from './dto/create-user.input';
import { UsersArgs } from './dto/users.args';
import { User } from './user.entity';
import { UsersService } from './users.service';

@Resolver(() => User)
export class UsersResolver {
  constructor(private readonly service: UsersService) {}

  @Mutation(() => User, { description: 'Creates a user: platform admins any role, group admins GROUP_SUPPORT users of their groups.' })
  @RequirePermission(Permission.USER_ADMIN)
  createUser(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The new user.' }) input: CreateUserInput): Promise<User> {
    return this.service.create(principal, input);
  }

  @Query(() => UserConnection, { description: 'Users you administer, by email.' })
  @RequirePermission(Permission.USER_ADMIN)
  users(@CurrentPrincipal() principal: Principal, @Args() args: UsersArgs): Promise<Connection<User>> {
    return this.service.list(principal, args);
  }
}
