// Customer queries and mutations: authorise (declared permission), hand over to the service.

import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import { Permission, RequirePermission } from '../common/auth/permission';
import { Principal } from '../common/auth/principal';
import { Customer } from './customer.entity';
import { CustomersService } from './customers.service';
import { CreateCustomerInput } from './dto/create-customer.input';
import { CustomerConnection } from './dto/customer-connection.type';
import { CustomersArgs } from './dto/customers.args';
import { UpdateCustomerInput } from './dto/update-customer.input';

const IDEMPOTENCY_KEY = { type: () => String, nullable: true, description: 'A retry with the same key and input returns the first result.' };

@Resolver(() => Customer)
export class CustomersResolver {
  constructor(private readonly service: CustomersService) {}

  @Query(() => Customer, { description: 'The customer with this id (NOT_FOUND outside your groups).' })
  @RequirePermission(Permission.TENANT_READ)
  customer(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID, description: 'The customer.' }) id: string): Promise<Customer> {
    return this.service.get(principal, id);
  }

  @Query(() => CustomerConnection, { description: 'Customers of the caller\'s groups, by name.' })
  @RequirePermission(Permission.TENANT_READ)
  customers(
    @CurrentPrincipal() principal: Principal,
    @Args() args: CustomersArgs,
  ): Promise<CustomerConnection> {
    return this.service.list(principal, args.filter ?? undefined, args);
  }

  @Query(() => Customer, { description: 'The customer with this ISP account key.' })
  @RequirePermission(Permission.TENANT_READ)
  customerByAccountId(
    @CurrentPrincipal() principal: Principal,
    @Args('accountId', { description: 'The ISP\'s account key.' }) accountId: string,
    @Args('groupId', { type: () => ID, nullable: true, description: 'Required unless the caller is in exactly one group.' }) groupId?: string,
  ): Promise<Customer> {
    return this.service.byAccountId(principal, accountId, groupId);
  }

  @Mutation(() => Customer, { description: 'Creates the customer with its first location and PRIMARY network.' })
  @RequirePermission(Permission.TENANT_WRITE)
  createCustomer(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'What to create or change.' }) input: CreateCustomerInput,
    @Args('idempotencyKey', IDEMPOTENCY_KEY) idempotencyKey?: string,
  ): Promise<Customer> {
    return this.service.create(principal, input, idempotencyKey);
  }

  @Mutation(() => Customer, { description: 'Changes the customer\'s details; fields left out keep their value.' })
  @RequirePermission(Permission.TENANT_WRITE)
  updateCustomer(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID, description: 'The customer.' }) id: string,
    @Args('input', { description: 'What to create or change.' }) input: UpdateCustomerInput,
  ): Promise<Customer> {
    return this.service.update(principal, id, input);
  }

  @Mutation(() => Customer, { description: 'Marks the customer\'s email verified.' })
  @RequirePermission(Permission.TENANT_WRITE)
  verifyCustomerEmail(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID, description: 'The customer.' }) id: string): Promise<Customer> {
    return this.service.verifyEmail(principal, id);
  }

  @Mutation(() => Customer, { description: 'Sets onboardingCompletedAt (once; later calls keep the first time).' })
  @RequirePermission(Permission.TENANT_WRITE)
  completeOnboarding(@CurrentPrincipal() principal: Principal, @Args('customerId', { type: () => ID, description: 'The customer.' }) customerId: string): Promise<Customer> {
    return this.service.completeOnboarding(principal, customerId);
  }

  @Mutation(() => Customer, { description: 'Suspends the service: the customer\'s networks are turned off on the devices until resumed.' })
  @RequirePermission(Permission.TENANT_WRITE)
  suspendCustomer(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID, description: 'The customer.' }) id: string): Promise<Customer> {
    return this.service.suspend(principal, id);
  }

  @Mutation(() => Customer, { description: 'Resumes a suspended customer: the networks come back.' })
  @RequirePermission(Permission.TENANT_WRITE)
  resumeCustomer(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID, description: 'The customer.' }) id: string): Promise<Customer> {
    return this.service.resume(principal, id);
  }

  @Mutation(() => Customer, { description: 'Service cancellation: nodes unclaimed, networks removed; final.' })
  @RequirePermission(Permission.TENANT_WRITE)
  terminateCustomer(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID, description: 'The customer.' }) id: string): Promise<Customer> {
    return this.service.terminate(principal, id);
  }

  @ResolveField(() => Boolean, { description: 'Whether the customer has a password of their own (it is never returned).' })
  @RequirePermission(Permission.TENANT_READ)
  hasPassword(@Parent() customer: Customer): boolean {
    return customer.passwordHash !== null;
  }
}
