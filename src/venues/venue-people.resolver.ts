// Venue managers and residents in GraphQL: group admins assign venue managers (users with
// the VENUE_MANAGER role of their group) to venues; group admins and the venue's managers
// create residents and take them off the venue. Thin: the service decides.

import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import { Permission, RequirePermission } from '../common/auth/permission';
import { Principal } from '../common/auth/principal';
import { Customer } from '../customers/customer.entity';
import { User } from '../identity/user.entity';
import { CustomerPasswordLinkResult } from '../oauth/customers/customer-credentials.resolver';
import { CreateVenueResidentInput } from './dto/venue.inputs';
import { Venue } from './venue.entity';
import { VenuePeopleService } from './venue-people.service';

const ID_ARG = (what: string) => ({ type: () => ID, description: `The ${what}.` });

@Resolver(() => Venue)
export class VenuePeopleResolver {
  constructor(private readonly people: VenuePeopleService) {}

  @Mutation(() => User, { description: 'Lets a VENUE_MANAGER user of the venue\'s group manage the venue (group admins).' })
  @RequirePermission(Permission.USER_ADMIN)
  assignVenueManager(@CurrentPrincipal() principal: Principal, @Args('userId', ID_ARG('venue-manager user')) userId: string, @Args('venueId', ID_ARG('venue')) venueId: string): Promise<User> {
    return this.people.assignManager(principal, userId, venueId);
  }

  @Mutation(() => User, { description: 'The user stops managing the venue at their next request (group admins).' })
  @RequirePermission(Permission.USER_ADMIN)
  unassignVenueManager(@CurrentPrincipal() principal: Principal, @Args('userId', ID_ARG('venue-manager user')) userId: string, @Args('venueId', ID_ARG('venue')) venueId: string): Promise<User> {
    return this.people.unassignManager(principal, userId, venueId);
  }

  @Mutation(() => Customer, { description: 'Creates a resident of the venue: a customer of its group, without a location (CONFLICT when the email is taken in the group).' })
  @RequirePermission(Permission.VENUE_WRITE)
  createVenueResident(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The resident.' }) input: CreateVenueResidentInput): Promise<Customer> {
    return this.people.createResident(principal, input);
  }

  @Mutation(() => Customer, { description: 'The customer stops being a resident of the venue (PRECONDITION_FAILED while they hold a key of it: revoke it first). The customer stays.' })
  @RequirePermission(Permission.VENUE_WRITE)
  removeVenueResident(@CurrentPrincipal() principal: Principal, @Args('venueId', ID_ARG('venue')) venueId: string, @Args('customerId', ID_ARG('resident (customer)')) customerId: string): Promise<Customer> {
    return this.people.removeResident(principal, venueId, customerId);
  }

  @Mutation(() => CustomerPasswordLinkResult, { description: 'A one-time link (72 hours) for a resident of the venue to set their password.' })
  @RequirePermission(Permission.VENUE_WRITE)
  createResidentPasswordLink(@CurrentPrincipal() principal: Principal, @Args('venueId', ID_ARG('venue')) venueId: string, @Args('customerId', ID_ARG('resident (customer)')) customerId: string): Promise<CustomerPasswordLinkResult> {
    return this.people.residentPasswordLink(principal, venueId, customerId);
  }

  @ResolveField(() => [User], { nullable: true, description: 'The venue\'s managers; for group admins only (null for others).' })
  @RequirePermission(Permission.VENUE_READ)
  managers(@CurrentPrincipal() principal: Principal, @Parent() venue: Venue): Promise<User[] | null> {
    return this.people.managersOf(principal, venue);
  }

  @ResolveField(() => [Customer], { description: 'The venue\'s residents (customers given a key of it, or created for it), by name.' })
  @RequirePermission(Permission.VENUE_READ)
  residents(@Parent() venue: Venue): Promise<Customer[]> {
    return this.people.residentsOf(venue.id);
  }
}
