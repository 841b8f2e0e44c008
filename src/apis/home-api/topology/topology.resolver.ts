// homeApiHeadEnds, importNodeCombinePlan, removeHomeApiHeadEnd: the gateway's network
// topology (Attachment G) per group; group admins for their groups, platform admins all.

import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../../common/auth/current-principal.decorator';
import { Permission, RequirePermission } from '../../../common/auth/permission';
import { Principal } from '../../../common/auth/principal';
import { ImportNodeCombinePlanInput } from './import-node-combine-plan.input';
import { HeadEnd } from './head-end.entity';
import { TopologyService } from './topology.service';

@Resolver(() => HeadEnd)
export class TopologyResolver {
  constructor(private readonly topology: TopologyService) {}

  @Query(() => [HeadEnd], { description: 'The head ends and OE nodes that the @Home API gateway checks SITE transactions against, for one group.' })
  @RequirePermission(Permission.TENANT_READ)
  homeApiHeadEnds(
    @CurrentPrincipal() principal: Principal,
    @Args('groupId', { type: () => ID, nullable: true, description: 'The group; may be left out by a member of one group.' }) groupId?: string | null,
  ): Promise<HeadEnd[]> {
    return this.topology.list(principal, groupId);
  }

  @Mutation(() => HeadEnd, {
    description: 'Imports one head end\'s node combine plan file (@Home API 2.0 Attachment G), replacing that head end\'s plan. Every line is checked; any bad line is reported by number (VALIDATION_FAILED, field `line N`) and nothing is written.',
  })
  @RequirePermission(Permission.TENANT_WRITE)
  async importNodeCombinePlan(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The group and the file\'s text.' }) input: ImportNodeCombinePlanInput): Promise<HeadEnd> {
    const [headEnd] = await this.topology.importPlans(principal, input.groupId, [{ name: '', text: input.plan }]);
    return headEnd as HeadEnd;
  }

  @Mutation(() => Boolean, { description: 'Removes a head end and its OE nodes; a group left without head ends is no longer checked.' })
  @RequirePermission(Permission.TENANT_WRITE)
  removeHomeApiHeadEnd(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID, description: 'The head end to remove.' }) id: string): Promise<boolean> {
    return this.topology.remove(principal, id);
  }
}
