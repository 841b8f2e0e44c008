// wifiNetwork.isolatedSubnet: the IPv4 subnet an isolated network's clients get on every
// node of its location, derived from the network's VIF slot and the configured pool
// (docs/decisions/network-isolation.md). Read only; the slot is read, never allocated here.

import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { isIsolated, isolatedSubnet } from '@lib/opensync';
import { DataSource } from 'typeorm';
import { Permission, RequirePermission } from '../../common/auth/permission';
import { WifiNetwork } from '../../wifi-networks/wifi-network.entity';
import { RECONCILER_CONFIG, ReconcilerConfig } from '../reconciler-config';
import { VifSlot } from '../slots/vif-slot.entity';

@Resolver(() => WifiNetwork)
export class IsolatedSubnetResolver {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(RECONCILER_CONFIG) private readonly config: ReconcilerConfig,
  ) {}

  @ResolveField(() => String, {
    nullable: true,
    description:
      'The IPv4 subnet (CIDR) of an isolated network on the devices, e.g. 10.242.2.0/24; the bridge is its first address and DHCP serves .10 to .250. Null when the network is not isolated or no node has carried it yet.',
  })
  @RequirePermission(Permission.TENANT_READ)
  async isolatedSubnet(@Parent() network: WifiNetwork): Promise<string | null> {
    if (!isIsolated(network)) return null;
    const slot = await this.dataSource.manager.findOneBy(VifSlot, { networkId: network.id });
    return slot === null ? null : isolatedSubnet(this.config.isolation.pool, slot.slot).cidr;
  }
}
