// Operators' view of customers' consents to API clients: customerApiGrants (read) and
// revokeCustomerApiGrant (group admins), the same grants customers see and withdraw on
// /oauth/grants. A revoked grant stops its client at once (its tokens are refused).

import { Args, Field, ID, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Permission, RequirePermission } from '../../common/auth/permission';
import { Principal } from '../../common/auth/principal';
import { CustomerGrantsService } from './customer-grants.service';

@ObjectType({ description: "A customer's consent to an API client: the scopes it may use on the customer's behalf." })
export class CustomerApiGrant {
  @Field(() => ID, { description: 'The grant (revokeCustomerApiGrant takes it).' })
  grantId!: string;

  @Field({ description: 'The OAuth client_id of the API client.' })
  clientId!: string;

  @Field({ description: 'The API client\'s name, as the customer saw it on the consent page.' })
  clientName!: string;

  @Field(() => [String], { description: 'The scopes granted.' })
  scopes!: string[];

  @Field({ description: 'When the customer consented.' })
  grantedAt!: Date;
}

@Resolver()
export class CustomerGrantsResolver {
  constructor(private readonly grants: CustomerGrantsService) {}

  @Query(() => [CustomerApiGrant], { description: "The customer's consents to API clients, by client name." })
  @RequirePermission(Permission.TENANT_READ)
  customerApiGrants(
    @CurrentPrincipal() principal: Principal,
    @Args('customerId', { type: () => ID, description: 'The customer.' }) customerId: string,
  ): Promise<CustomerApiGrant[]> {
    return this.grants.listFor(principal, customerId);
  }

  @Mutation(() => Boolean, { description: "Revokes a customer's consent: the client's tokens for the customer stop working at once, its refresh tokens are deleted." })
  @RequirePermission(Permission.TENANT_WRITE)
  revokeCustomerApiGrant(
    @CurrentPrincipal() principal: Principal,
    @Args('customerId', { type: () => ID, description: 'The customer.' }) customerId: string,
    @Args('grantId', { type: () => ID, description: 'The grant (customerApiGrants).' }) grantId: string,
  ): Promise<boolean> {
    return this.grants.revokeFor(principal, customerId, grantId);
  }
}
