// createCustomerPasswordLink: a one-time link for a customer to set their password (the
// password used on the OAuth sign-in and consent pages).

import { Args, Field, ID, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Permission, RequirePermission } from '../../common/auth/permission';
import { Principal } from '../../common/auth/principal';
import { CustomerCredentialsService } from './customer-credentials.service';

@ObjectType({ description: 'A one-time link for a customer to set their password.' })
export class CustomerPasswordLinkResult {
  @Field({ description: 'The link to send the customer (contains a secret; valid once).' })
  url!: string;

  @Field({ description: 'When the link stops working.' })
  expiresAt!: Date;
}

@Resolver()
export class CustomerCredentialsResolver {
  constructor(private readonly credentials: CustomerCredentialsService) {}

  @Mutation(() => CustomerPasswordLinkResult, { description: 'Creates a one-time link (72 hours) for the customer to set the password of their account.' })
  @RequirePermission(Permission.TENANT_WRITE)
  createCustomerPasswordLink(
    @CurrentPrincipal() principal: Principal,
    @Args('customerId', { type: () => ID, description: 'The customer.' }) customerId: string,
  ): Promise<CustomerPasswordLinkResult> {
    return this.credentials.createPasswordLink(principal, customerId);
  }
}
