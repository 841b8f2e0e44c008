// createGroup and groups: platform admins.

import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import { Permission, RequirePermission } from '../common/auth/permission';
import { Principal } from '../common/auth/principal';
import { Connection } from '../common/pagination/connection.type';
import { PageArgs } from '../common/pagination/page.args';
import { GroupConnection } from './dto/connections.type';
import { CreateGroupInput } from './dto/create-group.input';
import { Group } from './group.entity';
import { GroupsService } from './groups.service';

@Resolver(() => Group)
export class GroupsResolver {
  constructor(private readonly groups: GroupsService) {}

  @Mutation(() => Group, { description: 'Creates a group (platform admins).' })
  @RequirePermission(Permission.PLATFORM)
  createGroup(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The new group.' }) input: CreateGroupInput): Promise<Group> {
    return this.groups.create(principal, input.name);
  }

  @Query(() => GroupConnection, { name: 'groups', description: 'All groups, by name.' })
  @RequirePermission(Permission.PLATFORM)
  groupsPage(@Args() page: PageArgs): Promise<Connection<Group>> {
    return this.groups.list(page);
  }
}
