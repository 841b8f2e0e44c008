// wifiNetwork.status and its subscription. The field inherits the scope check of the query
// that reached the network; the subscription checks the network's group itself, when it
// starts and again before every status it pushes (the user and their memberships loaded
// afresh, the token's expiry checked): access lost meanwhile ends it with the error.

import { Args, Context, ID, Parent, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { concatMap, filter, startWith } from 'rxjs';
import { DataSource } from 'typeorm';
import { assertReadable } from '../../access/group-scope';
import { requireUuid } from '../../access/location-access';
import { Authenticator } from '../../common/auth/authenticator';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Permission, RequirePermission } from '../../common/auth/permission';
import { Principal } from '../../common/auth/principal';
import { RequestContext } from '../../common/auth/request-context';
import { WifiNetwork } from '../../wifi-networks/wifi-network.entity';
import { NetworkStatusService } from '../status/network-status.service';
import { observableIterator } from './observable-iterator';
import { toWifiNetworkStatus } from './status-mapping';
import { WifiNetworkStatus } from './status.types';

@Resolver(() => WifiNetwork)
export class WifiNetworkStatusResolver {
  constructor(
    private readonly statuses: NetworkStatusService,
    private readonly dataSource: DataSource,
    private readonly authenticator: Authenticator,
  ) {}

  @ResolveField(() => WifiNetworkStatus, { description: 'Whether the nodes of the location run this network as the model says.' })
  @RequirePermission(Permission.TENANT_READ)
  async status(@Parent() network: WifiNetwork): Promise<WifiNetworkStatus> {
    return toWifiNetworkStatus(await this.statuses.statusOf(network));
  }

  @Subscription(() => WifiNetworkStatus, {
    description: 'The network\'s status now, then every time it changes on some node.',
    resolve: (payload: WifiNetworkStatus) => payload,
  })
  @RequirePermission(Permission.TENANT_READ)
  async wifiNetworkStatusChanged(
    @CurrentPrincipal() principal: Principal,
    @Context() ctx: RequestContext,
    @Args('networkId', { type: () => ID, description: 'The network to follow.' }) networkId: string,
  ): Promise<AsyncIterableIterator<WifiNetworkStatus>> {
    requireUuid('networkId', networkId);
    assertReadable(principal, await this.dataSource.manager.findOneBy(WifiNetwork, { id: networkId }), 'wifi network', networkId);
    const updates = this.statuses.statusChanged$.pipe(
      filter((id) => id === networkId),
      startWith(networkId),
      concatMap(async () => {
        const network = await this.dataSource.manager.findOneBy(WifiNetwork, { id: networkId });
        if (network === null) return null;
        // Throws UNAUTHENTICATED, or NOT_FOUND as for any object outside the caller's groups,
        // if access is gone: the error ends the subscription.
        assertReadable(await this.authenticator.principalOf(ctx), network, 'wifi network', networkId);
        return toWifiNetworkStatus(await this.statuses.statusOf(network));
      }),
      filter((s): s is WifiNetworkStatus => s !== null),
    );
    return observableIterator(updates);
  }
}
