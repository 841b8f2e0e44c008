// The reboot method table, platform admins only: which device families reboot how.

import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Permission, RequirePermission } from '../../common/auth/permission';
import { Principal } from '../../common/auth/principal';
import { RebootMethodEntity } from '../reboot/reboot-method.entity';
import { RebootMethod } from '../reboot/reboot-method-rules';
import { RebootMethodsService } from '../reboot/reboot-methods.service';

@Resolver(() => RebootMethodEntity)
export class RebootMethodsResolver {
  constructor(private readonly methods: RebootMethodsService) {}

  @Query(() => [RebootMethodEntity], { description: 'Rules of model/firmware patterns; a node no rule matches uses TIP_FIRMWARE_URL.' })
  @RequirePermission(Permission.PLATFORM)
  rebootMethods(): Promise<RebootMethodEntity[]> {
    return this.methods.list();
  }

  @Mutation(() => RebootMethodEntity, { description: 'Creates or replaces the rule for these patterns.' })
  @RequirePermission(Permission.PLATFORM)
  setRebootMethod(
    @CurrentPrincipal() principal: Principal,
    @Args('modelPattern', { description: 'Model pattern, "*" matching any run of characters.' }) modelPattern: string,
    @Args('firmwarePattern', { defaultValue: '*', description: 'Firmware version pattern, "*" matching any run of characters; any firmware by default.' }) firmwarePattern: string,
    @Args('method', { type: () => RebootMethod, description: 'How the matching nodes are rebooted.' }) method: RebootMethod,
  ): Promise<RebootMethodEntity> {
    return this.methods.set(principal, modelPattern, firmwarePattern, method);
  }

  @Mutation(() => Boolean, { description: 'Removes a rule (platform admins); true once deleted, NOT_FOUND if absent.' })
  @RequirePermission(Permission.PLATFORM)
  deleteRebootMethod(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID, description: 'The rule.' }) id: string): Promise<boolean> {
    return this.methods.delete(principal, id);
  }
}
