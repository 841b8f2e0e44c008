// Changing and removing users and groups, ending a user's sessions, and changing one's own
// password (docs/api.md, Users and groups).

import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import { Permission, RequirePermission } from '../common/auth/permission';
import { Principal } from '../common/auth/principal';
import { ChangePasswordArgs, UpdateGroupInput, UpdateUserInput } from './dto/account.inputs';
import { LoginResult } from './dto/login-result.type';
import { Group } from './group.entity';
import { GroupChangesService } from './group-changes.service';
import { UserAdminService } from './user-admin.service';
import { User } from './user.entity';

@Resolver()
export class AccountResolver {
  constructor(
    private readonly users: UserAdminService,
    private readonly groups: GroupChangesService,
  ) {}

  @Mutation(() => User, { description: 'Changes a user: platform admins any user; group admins the support users of their groups. A new password ends their sessions.' })
  @RequirePermission(Permission.USER_ADMIN)
  updateUser(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID, description: 'The user.' }) id: string,
    @Args('input', { description: 'What changes.' }) input: UpdateUserInput,
  ): Promise<User> {
    return this.users.update(principal, id, input);
  }

  @Mutation(() => ID, { description: 'Deletes a user (not yourself, not the last platform admin): memberships go, their tokens stop working, audit events stay.' })
  @RequirePermission(Permission.USER_ADMIN)
  deleteUser(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID, description: 'The user.' }) id: string): Promise<string> {
    return this.users.delete(principal, id);
  }

  @Mutation(() => User, { description: "Ends every session of the user: tokens issued before now stop working (open subscriptions end at their next event)." })
  @RequirePermission(Permission.USER_ADMIN)
  revokeUserSessions(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID, description: 'The user.' }) id: string): Promise<User> {
    return this.users.revokeSessions(principal, id);
  }

  @Mutation(() => LoginResult, { description: 'Changes your own password (the current one is required); your other sessions end, and the answer carries a new token.' })
  @RequirePermission(Permission.AUTHENTICATED)
  changePassword(@CurrentPrincipal() principal: Principal, @Args() args: ChangePasswordArgs): Promise<LoginResult> {
    return this.users.changeOwnPassword(principal, args.currentPassword, args.newPassword);
  }

  @Mutation(() => Group, { description: 'Renames a group.' })
  @RequirePermission(Permission.PLATFORM)
  updateGroup(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID, description: 'The group.' }) id: string,
    @Args('input', { description: 'What changes.' }) input: UpdateGroupInput,
  ): Promise<Group> {
    return this.groups.update(principal, id, input);
  }

  @Mutation(() => ID, { description: 'Deletes a group without customers (CONFLICT otherwise); its memberships go, its members keep their accounts.' })
  @RequirePermission(Permission.PLATFORM)
  deleteGroup(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID, description: 'The group.' }) id: string): Promise<string> {
    return this.groups.delete(principal, id);
  }
}
