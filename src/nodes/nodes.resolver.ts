// Node queries and mutations: claim by serial, unclaim (RMA), label; lookup by serial gives
// the node with its location and customer.

import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import { Permission, RequirePermission } from '../common/auth/permission';
import { Principal } from '../common/auth/principal';
import { Customer } from '../customers/customer.entity';
import { Location } from '../locations/location.entity';
import { UpdateNodeInput } from './dto/update-node.input';
import { Node } from './node.entity';
import { NodesService } from './nodes.service';

@Resolver(() => Node)
export class NodesResolver {
  constructor(private readonly nodes: NodesService) {}

  @Query(() => Node, { description: 'The node with this id (NOT_FOUND outside your groups).' })
  @RequirePermission(Permission.TENANT_READ)
  node(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID, description: 'The node.' }) id: string): Promise<Node> {
    return this.nodes.get(principal, id);
  }

  @Query(() => Node, { description: 'The node with this serial number; select location and customer to find where it is.' })
  @RequirePermission(Permission.TENANT_READ)
  nodeBySerial(@CurrentPrincipal() principal: Principal, @Args('serial', { description: 'The device\'s serial.' }) serial: string): Promise<Node> {
    return this.nodes.bySerial(principal, serial);
  }

  @Mutation(() => Node, { description: 'Claims the node to the location (idempotent); a serial claimed elsewhere is a CONFLICT.' })
  @RequirePermission(Permission.TENANT_WRITE)
  claimNode(
    @CurrentPrincipal() principal: Principal,
    @Args('locationId', { type: () => ID, description: 'The location.' }) locationId: string,
    @Args('serial', { description: 'The device\'s serial.' }) serial: string,
  ): Promise<Node> {
    return this.nodes.claim(principal, locationId, serial);
  }

  @Mutation(() => Node, { description: 'Frees the node from its location (RMA); the reason goes to the audit trail.' })
  @RequirePermission(Permission.TENANT_WRITE)
  unclaimNode(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID, description: 'The node.' }) id: string,
    @Args('reason', { description: 'Why (RMA, move...), kept in the audit trail.' }) reason: string,
  ): Promise<Node> {
    return this.nodes.unclaim(principal, id, reason);
  }

  @Mutation(() => Node, { description: 'Changes the node\'s label.' })
  @RequirePermission(Permission.TENANT_WRITE)
  updateNode(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID, description: 'The node.' }) id: string,
    @Args('input', { description: 'What changes.' }) input: UpdateNodeInput,
  ): Promise<Node> {
    return this.nodes.update(principal, id, input);
  }

  @ResolveField(() => Location, { nullable: true, description: 'The location it is claimed to (null while unclaimed).' })
  @RequirePermission(Permission.TENANT_READ)
  location(@Parent() node: Node): Promise<Location | null> {
    return this.nodes.locationOf(node);
  }

  @ResolveField(() => Customer, { nullable: true, description: 'The customer of that location.' })
  @RequirePermission(Permission.TENANT_READ)
  customer(@Parent() node: Node): Promise<Customer | null> {
    return this.nodes.customerOf(node);
  }
}
