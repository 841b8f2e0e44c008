// serialAssignments, assignSerials, removeSerialAssignment: platform admins only.

import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import { Permission, RequirePermission } from '../common/auth/permission';
import { Principal } from '../common/auth/principal';
import { AssignSerialsInput } from './dto/assign-serials.input';
import { SerialAssignment } from './serial-assignment.entity';
import { SerialAssignmentsService } from './serial-assignments.service';

@Resolver(() => SerialAssignment)
export class SerialAssignmentsResolver {
  constructor(private readonly service: SerialAssignmentsService) {}

  @Query(() => [SerialAssignment], { description: 'The serials and serial prefixes whose unclaimed nodes the group sees.' })
  @RequirePermission(Permission.PLATFORM)
  serialAssignments(@Args('groupId', { type: () => ID, description: 'The group whose assignments to list.' }) groupId: string): Promise<SerialAssignment[]> {
    return this.service.list(groupId);
  }

  @Mutation(() => [SerialAssignment], { description: 'Lets a group see unclaimed nodes by exact serial (an import) or serial prefix.' })
  @RequirePermission(Permission.PLATFORM)
  assignSerials(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The serials and prefixes to assign.' }) input: AssignSerialsInput): Promise<SerialAssignment[]> {
    return this.service.assign(principal, input);
  }

  @Mutation(() => Boolean, { description: 'Removes one assignment: the group no longer sees the unclaimed nodes it matched.' })
  @RequirePermission(Permission.PLATFORM)
  removeSerialAssignment(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID, description: 'The assignment to remove.' }) id: string): Promise<boolean> {
    return this.service.remove(principal, id);
  }
}
