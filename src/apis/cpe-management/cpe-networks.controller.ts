// Isolated networks: GET /isolated-networks, /isolated-networks/{netId} (ETag: the version),
// /devices/{deviceId}/isolated-networks, /service-sites/{siteId}/isolated-networks; PATCH and
// DELETE /isolated-networks/{netId} (If-Match, 412) for the primary and auxiliary roles.

import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiPrincipal } from '../../oauth/api-principal';
import { CurrentApiPrincipal, RequireScopes } from '../../oauth/bearer/require-scopes.decorator';
import { CPE_SCOPES as S } from '../../oauth/oauth-scopes';
import { CpeNetworksService, visibleKinds } from './cpe-networks.service';
import { CPE_BASE_PATH } from './cpe-paths';
import { requireAny } from './cpe-scopes';
import { CpeSitesService } from './cpe-sites.service';
import { actingPrincipal } from './reboots/cpe-reboots.service';
import { bodyValidator } from './body-validation';
import { checkIfMatch, domainUpdate, NETWORK_UPDATE_SCHEMA, NetworkUpdateBody } from './network-writes';
import { WifiNetworksService } from '../../wifi-networks/wifi-networks.service';
import { WifiNetworkKind } from '../../wifi-networks/wifi-network-enums';
import { ApiError, ApiErrorCode } from '../../oauth/bearer/api-error';
import { networkVersion } from './network-views';
import { deviceNetworkView, networkView, NetworkView } from './network-views';
import { ownerScopeOf } from './owner-scope';

const validateUpdate = bodyValidator<NetworkUpdateBody>(NETWORK_UPDATE_SCHEMA);

@Controller(CPE_BASE_PATH)
@RequireScopes()
export class CpeNetworksController {
  constructor(
    private readonly networks: CpeNetworksService,
    private readonly sites: CpeSitesService,
    private readonly wifiNetworks: WifiNetworksService,
  ) {}

  /** Roles that may change a network of this kind (the contract's write scopes). */
  private writableKinds(scopes: ReadonlySet<string>): WifiNetworkKind[] {
    return [...(scopes.has(S.PRIMARY_WRITE) ? [WifiNetworkKind.PRIMARY] : []), ...(scopes.has(S.AUXILIARY_WRITE) ? [WifiNetworkKind.GUEST, WifiNetworkKind.IOT] : [])];
  }

  @Patch('isolated-networks/:netId')
  async update(
    @CurrentApiPrincipal() principal: ApiPrincipal,
    @Param('netId') netId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<NetworkView> {
    requireAny(principal.scopes, S.NETWORKS_WRITE, S.PRIMARY_WRITE);
    const change = validateUpdate(body);
    const scope = ownerScopeOf(principal);
    const withDevices = principal.scopes.has(S.DEVICES_READ);
    if (!withDevices) await this.networks.requireDefaultDevice(scope);
    const current = await this.networks.one(scope, this.writableKinds(principal.scopes), netId);
    checkIfMatch(ifMatch, networkVersion(current.network));
    const input = domainUpdate(change, current.network);
    const updated = Object.keys(input).length === 0 ? current.network : await this.wifiNetworks.update(actingPrincipal(principal), netId, input);
    const view = networkView({ network: updated, site: current.site }, withDevices);
    void reply.header('etag', `"${view.version}"`);
    return view;
  }

  @Delete('isolated-networks/:netId')
  @HttpCode(204)
  async remove(@CurrentApiPrincipal() principal: ApiPrincipal, @Param('netId') netId: string, @Headers('if-match') ifMatch: string | undefined): Promise<void> {
    requireAny(principal.scopes, S.NETWORKS_WRITE, S.PRIMARY_WRITE);
    const scope = ownerScopeOf(principal);
    if (!principal.scopes.has(S.DEVICES_READ)) await this.networks.requireDefaultDevice(scope);
    const current = await this.networks.one(scope, this.writableKinds(principal.scopes), netId);
    checkIfMatch(ifMatch, networkVersion(current.network));
    if (current.network.kind === WifiNetworkKind.PRIMARY) {
      throw new ApiError(400, ApiErrorCode.NETWORK_NOT_REMOVABLE, 'the primary network is not removable');
    }
    await this.wifiNetworks.delete(actingPrincipal(principal), netId);
  }

  @Get('isolated-networks')
  async list(@CurrentApiPrincipal() principal: ApiPrincipal): Promise<NetworkView[]> {
    requireAny(principal.scopes, S.NETWORKS_READ, S.PRIMARY_READ);
    const scope = ownerScopeOf(principal);
    const withDevices = principal.scopes.has(S.DEVICES_READ);
    if (!withDevices) await this.networks.requireDefaultDevice(scope);
    return (await this.networks.list(scope, visibleKinds(principal.scopes))).map((n) => networkView(n, withDevices));
  }

  @Get('isolated-networks/:netId')
  async one(@CurrentApiPrincipal() principal: ApiPrincipal, @Param('netId') netId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<NetworkView> {
    requireAny(principal.scopes, S.NETWORKS_READ, S.PRIMARY_READ);
    const scope = ownerScopeOf(principal);
    const withDevices = principal.scopes.has(S.DEVICES_READ);
    if (!withDevices) await this.networks.requireDefaultDevice(scope);
    const view = networkView(await this.networks.one(scope, visibleKinds(principal.scopes), netId), withDevices);
    void reply.header('etag', `"${view.version}"`);
    return view;
  }

  @Get('devices/:deviceId/isolated-networks')
  async ofDevice(@CurrentApiPrincipal() principal: ApiPrincipal, @Param('deviceId') deviceId: string): Promise<ReturnType<typeof deviceNetworkView>[]> {
    requireAny(principal.scopes, S.DEVICES_READ);
    requireAny(principal.scopes, S.NETWORKS_READ, S.PRIMARY_READ);
    const scope = ownerScopeOf(principal);
    const { location } = await this.sites.device(scope, deviceId);
    return (await this.networks.list(scope, visibleKinds(principal.scopes), location.id)).map((n) => deviceNetworkView(n.network));
  }

  @Get('service-sites/:siteId/isolated-networks')
  async ofSite(@CurrentApiPrincipal() principal: ApiPrincipal, @Param('siteId') siteId: string): Promise<NetworkView[]> {
    requireAny(principal.scopes, S.SITES_READ);
    requireAny(principal.scopes, S.DEVICES_READ);
    requireAny(principal.scopes, S.NETWORKS_READ, S.PRIMARY_READ);
    return (await this.networks.list(ownerScopeOf(principal), visibleKinds(principal.scopes), siteId)).map((n) => networkView(n, true));
  }
}
