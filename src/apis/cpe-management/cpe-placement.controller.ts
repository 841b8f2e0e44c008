// Networks on devices: GET /isolated-networks/{netId}/devices, PATCH
// /isolated-networks/{netId}/devices and PATCH /devices/{deviceId}/isolated-networks, for the
// one-device case of this mapping (network-placement.ts): a network is on its site's device.

import { Body, Controller, Get, HttpCode, Param, Patch } from '@nestjs/common';
import { ApiPrincipal } from '../../oauth/api-principal';
import { CurrentApiPrincipal, RequireScopes } from '../../oauth/bearer/require-scopes.decorator';
import { CPE_SCOPES as S } from '../../oauth/oauth-scopes';
import { bodyValidator } from './body-validation';
import { ownBy } from './cpe-networks.controller';
import { CpeNetworksService, visibleKinds } from './cpe-networks.service';
import { CPE_BASE_PATH } from './cpe-paths';
import { requireAny } from './cpe-scopes';
import { CpeSitesService } from './cpe-sites.service';
import { DeviceView } from './cpe-views';
import { CpeDeviceViews } from './device-views.service';
import { BULK_DEVICE_UPDATE_SCHEMA, BULK_NETWORK_UPDATE_SCHEMA, BulkUpdateBody, checkPlacements, Placement, refuseReplacements } from './network-placement';
import { roleOf } from './network-views';
import { ownerScopeOf } from './owner-scope';

const validateDeviceUpdate = bodyValidator<BulkUpdateBody>(BULK_DEVICE_UPDATE_SCHEMA);
const validateNetworkUpdate = bodyValidator<BulkUpdateBody>(BULK_NETWORK_UPDATE_SCHEMA);

/** The spec's network scopes of these endpoints: any read (the write scopes inherit them). */
function requireNetworkScope(principal: ApiPrincipal): void {
  requireAny(principal.scopes, S.NETWORKS_READ, S.PRIMARY_READ);
}

@Controller(CPE_BASE_PATH)
@RequireScopes()
export class CpePlacementController {
  constructor(
    private readonly networks: CpeNetworksService,
    private readonly sites: CpeSitesService,
    private readonly devices: CpeDeviceViews,
  ) {}

  @Get('isolated-networks/:netId/devices')
  async devicesOf(@CurrentApiPrincipal() principal: ApiPrincipal, @Param('netId') netId: string): Promise<DeviceView[]> {
    requireAny(principal.scopes, S.DEVICES_READ);
    requireNetworkScope(principal);
    const { site } = await this.networks.one(ownerScopeOf(principal), visibleKinds(principal.scopes), netId, ownBy(principal));
    return this.devices.of(principal, [site]);
  }

  @Patch('isolated-networks/:netId/devices')
  @HttpCode(204)
  async placeNetwork(@CurrentApiPrincipal() principal: ApiPrincipal, @Param('netId') netId: string, @Body() body: unknown): Promise<void> {
    requireAny(principal.scopes, S.DEVICES_WRITE);
    requireNetworkScope(principal);
    const request = validateDeviceUpdate(body);
    refuseReplacements(request);
    const scope = ownerScopeOf(principal);
    const { network } = await this.networks.one(scope, visibleKinds(principal.scopes), netId, ownBy(principal));
    const placements: Placement[] = [];
    for (const op of ['insert', 'delete'] as const) {
      for (const deviceId of request[op] ?? []) {
        const device = await this.sites.device(scope, deviceId);
        placements.push({ op, networkId: network.id, role: roleOf(network), networkSiteId: network.locationId, deviceId, deviceSiteId: device.location.id });
      }
    }
    checkPlacements(placements);
  }

  @Patch('devices/:deviceId/isolated-networks')
  @HttpCode(204)
  async placeOnDevice(@CurrentApiPrincipal() principal: ApiPrincipal, @Param('deviceId') deviceId: string, @Body() body: unknown): Promise<void> {
    requireAny(principal.scopes, S.DEVICES_WRITE);
    requireNetworkScope(principal);
    const request = validateNetworkUpdate(body);
    refuseReplacements(request);
    const scope = ownerScopeOf(principal);
    const device = await this.sites.device(scope, deviceId);
    const placements: Placement[] = [];
    for (const op of ['insert', 'delete'] as const) {
      for (const netId of request[op] ?? []) {
        const { network } = await this.networks.one(scope, visibleKinds(principal.scopes), netId, ownBy(principal));
        placements.push({ op, networkId: network.id, role: roleOf(network), networkSiteId: network.locationId, deviceId, deviceSiteId: device.location.id });
      }
    }
    checkPlacements(placements);
  }
}
