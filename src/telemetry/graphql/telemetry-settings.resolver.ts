// telemetrySettings(groupId) for the group's staff; updateTelemetrySettings for its admins
// (null input: back to the defaults).

import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Permission, RequirePermission } from '../../common/auth/permission';
import { Principal } from '../../common/auth/principal';
import { TelemetrySettingsService } from '../settings/telemetry-settings.service';
import { TelemetrySettings, TelemetrySettingsInput } from '../settings/telemetry-settings.types';

@Resolver(() => TelemetrySettings)
export class TelemetrySettingsResolver {
  constructor(private readonly settings: TelemetrySettingsService) {}

  @Query(() => TelemetrySettings, { description: 'The stats intervals of a group\'s nodes.' })
  @RequirePermission(Permission.TENANT_READ)
  telemetrySettings(
    @CurrentPrincipal() principal: Principal,
    @Args('groupId', { type: () => ID, description: 'The group whose settings to read.' }) groupId: string,
  ): Promise<TelemetrySettings> {
    return this.settings.get(principal, groupId);
  }

  @Mutation(() => TelemetrySettings, { description: 'Sets a group\'s stats intervals; null returns to the defaults.' })
  @RequirePermission(Permission.TENANT_WRITE)
  updateTelemetrySettings(
    @CurrentPrincipal() principal: Principal,
    @Args('groupId', { type: () => ID, description: 'The group whose settings to set (group admins or platform admins).' }) groupId: string,
    @Args('input', { type: () => TelemetrySettingsInput, nullable: true, description: 'The new intervals; null returns the group to the defaults.' }) input: TelemetrySettingsInput | null,
  ): Promise<TelemetrySettings> {
    return this.settings.update(principal, groupId, input ?? null);
  }
}
