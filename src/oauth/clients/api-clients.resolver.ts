// apiClients, registerApiClient, rotateApiClientSecret, deleteApiClient (group admins in
// their groups, platform admins everywhere), approveApiClientScopes (platform).

import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Permission, RequirePermission } from '../../common/auth/permission';
import { Principal } from '../../common/auth/principal';
import { ApiClient } from './api-client.entity';
import { ApiClientsService } from './api-clients.service';
import { RegisterApiClientInput, RegisteredApiClient } from './dto/register-api-client.input';

@Resolver(() => ApiClient)
export class ApiClientsResolver {
  constructor(private readonly service: ApiClientsService) {}

  @Query(() => [ApiClient], { description: "The API clients of one group, or of all the caller's groups." })
  @RequirePermission(Permission.TENANT_READ)
  apiClients(
    @CurrentPrincipal() principal: Principal,
    @Args('groupId', { type: () => ID, nullable: true, description: 'Only this group.' }) groupId?: string | null,
  ): Promise<ApiClient[]> {
    return this.service.list(principal, groupId);
  }

  @Mutation(() => RegisteredApiClient, { description: 'Registers an API client; a confidential client gets its secret in this answer only.' })
  @RequirePermission(Permission.TENANT_WRITE)
  registerApiClient(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'The client to register.' }) input: RegisterApiClientInput,
  ): Promise<RegisteredApiClient> {
    return this.service.register(principal, input);
  }

  @Mutation(() => RegisteredApiClient, { description: 'Replaces a confidential client\'s secret (the old one stops working); the new one is in this answer only.' })
  @RequirePermission(Permission.TENANT_WRITE)
  rotateApiClientSecret(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID, description: 'The client.' }) id: string,
  ): Promise<RegisteredApiClient> {
    return this.service.rotateSecret(principal, id);
  }

  @Mutation(() => ApiClient, { description: 'Approves the sensitive scopes the client asked for (with its justification): they may then be granted.' })
  @RequirePermission(Permission.PLATFORM)
  approveApiClientScopes(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID, description: 'The client.' }) id: string,
  ): Promise<ApiClient> {
    return this.service.approveSensitiveScopes(principal, id);
  }

  @Mutation(() => Boolean, { description: 'Deletes an API client: its tokens stop working at once.' })
  @RequirePermission(Permission.TENANT_WRITE)
  deleteApiClient(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID, description: 'The client.' }) id: string): Promise<boolean> {
    return this.service.remove(principal, id);
  }
}
