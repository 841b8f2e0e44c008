// Devices as the caller may see them: the site's gateway shaped by the token's scopes
// (cpe-views.ts), with `networks` (the device's networks the caller's roles reach) when a
// network scope is held, as the contract's "...WithNetworks" examples show. maxAuxiliaryNetworks
// as the contract defines it per role: the device's maximum for the auxiliary role; for
// only-own, the client's networks on it plus what it may still create; none for primary-only.

import { Injectable } from '@nestjs/common';
import { ApiPrincipal } from '../../oauth/api-principal';
import { CPE_SCOPES as S } from '../../oauth/oauth-scopes';
import { ownBy } from './cpe-networks.controller';
import { CpeNetworksService, visibleKinds } from './cpe-networks.service';
import { scopeView } from './cpe-scopes';
import { SiteWithGateway } from './cpe-sites.service';
import { deviceView, DeviceView, MAX_AUXILIARY_NETWORKS } from './cpe-views';
import { deviceNetworkView } from './network-views';

@Injectable()
export class CpeDeviceViews {
  constructor(private readonly networks: CpeNetworksService) {}

  /** The device of each site that has one, in the order given. */
  async of(principal: ApiPrincipal, sites: readonly SiteWithGateway[]): Promise<DeviceView[]> {
    const placed = sites.filter((s): s is Required<SiteWithGateway> => s.gateway !== undefined);
    const view = scopeView(principal.scopes);
    if (!principal.scopes.has(S.NETWORKS_READ) && !principal.scopes.has(S.PRIMARY_READ)) {
      return placed.map((s) => deviceView(s.location, s.gateway, view));
    }
    const networks = await this.networks.byLocation(
      placed.map((s) => s.location.id),
      visibleKinds(principal.scopes),
      ownBy(principal),
    );
    // Only-own without the auxiliary role: the client's own networks on the device plus what it may still create.
    const onlyOwn = !view.auxiliary && principal.scopes.has(S.NETWORKS_READ);
    return placed.map((s) => {
      const on = networks.get(s.location.id) ?? { networks: [], auxiliaryInUse: 0, ownAuxiliary: 0 };
      const device = deviceView(s.location, s.gateway, view, on.networks.map(deviceNetworkView));
      if (onlyOwn) {
        const max = on.ownAuxiliary + Math.max(0, MAX_AUXILIARY_NETWORKS - on.auxiliaryInUse);
        if (max >= 1) device.maxAuxiliaryNetworks = max;
      }
      return device;
    });
  }
}
