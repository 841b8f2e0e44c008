// nodes (search with filters) and deleteNode (a never-connected record); see the service.

import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import { Permission, RequirePermission } from '../common/auth/permission';
import { Principal } from '../common/auth/principal';
import { Connection } from '../common/pagination/connection.type';
import { NodeConnection, NodesArgs } from './dto/nodes.args';
import { Node } from './node.entity';
import { NodeLookupsService } from './node-lookups.service';

@Resolver(() => Node)
export class NodeLookupsResolver {
  constructor(private readonly lookups: NodeLookupsService) {}

  @Query(() => NodeConnection, { description: "Nodes of the caller's groups (platform admins: all, unclaimed too), by serial." })
  @RequirePermission(Permission.TENANT_READ)
  nodes(@CurrentPrincipal() principal: Principal, @Args() args: NodesArgs): Promise<Connection<Node>> {
    return this.lookups.list(principal, args);
  }

  @Mutation(() => ID, {
    description: 'Deletes a node record that never connected (e.g. a mistyped claim); one that did is refused with NODE_HAS_CONNECTED (unclaim it instead).',
  })
  @RequirePermission(Permission.TENANT_WRITE)
  deleteNode(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID, description: 'The node.' }) id: string): Promise<string> {
    return this.lookups.delete(principal, id);
  }
}
