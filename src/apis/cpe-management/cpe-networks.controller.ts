// GET of isolated networks: /isolated-networks, /isolated-networks/{netId} (ETag: the
// version), /devices/{deviceId}/isolated-networks, /service-sites/{siteId}/isolated-networks.

import { Controller, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiPrincipal } from '../../oauth/api-principal';
import { CurrentApiPrincipal, RequireScopes } from '../../oauth/bearer/require-scopes.decorator';
import { CPE_SCOPES as S } from '../../oauth/oauth-scopes';
import { CpeNetworksService, visibleKinds } from './cpe-networks.service';
import { CPE_BASE_PATH } from './cpe-paths';
import { requireAny } from './cpe-scopes';
import { CpeSitesService } from './cpe-sites.service';
import { deviceNetworkView, networkView, NetworkView } from './network-views';
import { ownerScopeOf } from './owner-scope';

@Controller(CPE_BASE_PATH)
@RequireScopes()
export class CpeNetworksController {
  constructor(
    private readonly networks: CpeNetworksService,
    private readonly sites: CpeSitesService,
  ) {}

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
