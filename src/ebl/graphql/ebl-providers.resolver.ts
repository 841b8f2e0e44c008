// The operator's side of equipment-based localisation: group staff read providers and
// their notifications; group admins set providers up, rotate secrets and remove them.

import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Permission, RequirePermission } from '../../common/auth/permission';
import { Principal } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { EblOutboxService } from '../delivery/ebl-outbox.service';
import { EblProvidersService } from '../providers/ebl-providers.service';
import { EblProviderRow } from '../store/ebl-provider.entity';
import { EblDelivery, EblDeliveryStatus, EblProvider, EblProviderInput, EblProviderPayload } from './ebl.types';

@Resolver(() => EblProvider)
export class EblProvidersResolver {
  constructor(
    private readonly providers: EblProvidersService,
    private readonly outbox: EblOutboxService,
  ) {}

  @Query(() => [EblProvider], { description: 'The group\'s equipment-based localisation providers.' })
  @RequirePermission(Permission.TENANT_READ)
  async eblProviders(
    @CurrentPrincipal() principal: Principal,
    @Args('groupId', { type: () => ID, description: 'The group whose providers to list.' }) groupId: string,
  ): Promise<EblProvider[]> {
    return (await this.providers.list(principal, groupId)).map(view);
  }

  @Query(() => [EblDelivery], { description: 'A provider\'s notifications, newest first, with their attempts.' })
  @RequirePermission(Permission.TENANT_READ)
  async eblDeliveries(
    @CurrentPrincipal() principal: Principal,
    @Args('apiClientId', { type: () => ID, description: 'The provider.' }) apiClientId: string,
    @Args('status', { type: () => EblDeliveryStatus, nullable: true, description: 'Only these; all when not given.' }) status: EblDeliveryStatus | null,
    @Args('limit', { type: () => Int, defaultValue: 50, description: 'At most this many, 1 to 500.' }) limit: number,
  ): Promise<EblDelivery[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw AppError.validation([{ field: 'limit', message: 'from 1 to 500' }]);
    const provider = await this.providers.readable(principal, apiClientId);
    const list = await this.outbox.list(provider.apiClientId, status ?? null, limit);
    return list.map(({ delivery: d, attempts }) => ({
      id: d.id,
      status: d.status as EblDeliveryStatus,
      mac: d.mac,
      accessId: d.accessId,
      vendorId: d.vendorId,
      locationId: d.locationId,
      createdAt: d.createdAt,
      nextAttemptAt: d.status === 'PENDING' ? d.nextAttemptAt : null,
      finishedAt: d.finishedAt,
      attempts: attempts.map((a) => ({ number: a.number, at: a.at, httpStatus: a.httpStatus, error: a.error })),
    }));
  }

  @Mutation(() => EblProviderPayload, { description: 'Sets up a provider or changes its settings; a new provider gets a signing secret, shown once.' })
  @RequirePermission(Permission.TENANT_WRITE)
  async configureEblProvider(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { type: () => EblProviderInput, description: 'The settings.' }) input: EblProviderInput,
  ): Promise<EblProviderPayload> {
    const { provider, secret } = await this.providers.configure(principal, input);
    return { provider: view(provider), secret };
  }

  @Mutation(() => EblProviderPayload, { description: 'Replaces a provider\'s signing secret; the new one is shown once.' })
  @RequirePermission(Permission.TENANT_WRITE)
  async rotateEblProviderSecret(
    @CurrentPrincipal() principal: Principal,
    @Args('apiClientId', { type: () => ID, description: 'The provider.' }) apiClientId: string,
  ): Promise<EblProviderPayload> {
    const { provider, secret } = await this.providers.rotateSecret(principal, apiClientId);
    return { provider: view(provider), secret };
  }

  @Mutation(() => EblProvider, { description: 'Removes a provider with its registrations and notifications.' })
  @RequirePermission(Permission.TENANT_WRITE)
  async removeEblProvider(
    @CurrentPrincipal() principal: Principal,
    @Args('apiClientId', { type: () => ID, description: 'The provider.' }) apiClientId: string,
  ): Promise<EblProvider> {
    return view(await this.providers.remove(principal, apiClientId));
  }
}

function view(row: EblProviderRow): EblProvider {
  return {
    apiClientId: row.apiClientId,
    groupId: row.groupId,
    locationScope: row.locationScope as EblProvider['locationScope'],
    locationIds: row.locationIds,
    notificationUrl: row.notificationUrl,
    accessIdSource: row.accessIdSource as EblProvider['accessIdSource'],
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
