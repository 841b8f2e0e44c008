// GET /service-sites, /service-sites/{siteId}, /service-sites/{siteId}/devices, /devices,
// /devices/{deviceId} of the CPE Management API: thin, the owner and the output shaped by
// the token's scopes (cpe-scopes.ts, cpe-views.ts).

import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiPrincipal } from '../../oauth/api-principal';
import { CurrentApiPrincipal, RequireScopes } from '../../oauth/bearer/require-scopes.decorator';
import { CPE_SCOPES as S } from '../../oauth/oauth-scopes';
import { CPE_BASE_PATH } from './cpe-paths';
import { requireAny, scopeView } from './cpe-scopes';
import { CpeSitesService } from './cpe-sites.service';
import { DeviceView, serviceSiteView, ServiceSiteView } from './cpe-views';
import { CpeDeviceViews } from './device-views.service';
import { ownerScopeOf } from './owner-scope';
import { nextLink, pageRequest } from './pagination';

function pathOf(request: FastifyRequest): string {
  return request.url.split('?')[0];
}

@Controller(CPE_BASE_PATH)
@RequireScopes()
export class CpeSitesController {
  constructor(
    private readonly sites: CpeSitesService,
    private readonly devices: CpeDeviceViews,
  ) {}

  @Get('service-sites')
  async listSites(
    @CurrentApiPrincipal() principal: ApiPrincipal,
    @Query() query: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ServiceSiteView[]> {
    requireAny(principal.scopes, S.SITES_READ);
    const page = pageRequest(query);
    const { items, more } = await this.sites.sites(ownerScopeOf(principal), page);
    const link = nextLink(pathOf(request), page.limit, items.at(-1)?.location.id, more);
    if (link !== undefined) void reply.header('link', link);
    const view = scopeView(principal.scopes);
    return items.map((s) => serviceSiteView(s.location, s.gateway, view));
  }

  @Get('service-sites/:siteId')
  async getSite(@CurrentApiPrincipal() principal: ApiPrincipal, @Param('siteId') siteId: string): Promise<ServiceSiteView> {
    requireAny(principal.scopes, S.SITES_READ);
    const site = await this.sites.site(ownerScopeOf(principal), siteId);
    return serviceSiteView(site.location, site.gateway, scopeView(principal.scopes));
  }

  @Get('service-sites/:siteId/devices')
  async siteDevices(@CurrentApiPrincipal() principal: ApiPrincipal, @Param('siteId') siteId: string): Promise<DeviceView[]> {
    requireAny(principal.scopes, S.SITES_READ);
    requireAny(principal.scopes, S.DEVICES_READ);
    return this.devices.of(principal, [await this.sites.site(ownerScopeOf(principal), siteId)]);
  }

  @Get('devices')
  async listDevices(
    @CurrentApiPrincipal() principal: ApiPrincipal,
    @Query() query: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DeviceView[]> {
    requireAny(principal.scopes, S.DEVICES_READ);
    const page = pageRequest(query);
    const { items, more } = await this.sites.sites(ownerScopeOf(principal), page, true);
    const link = nextLink(pathOf(request), page.limit, items.at(-1)?.location.id, more);
    if (link !== undefined) void reply.header('link', link);
    return this.devices.of(principal, items);
  }

  @Get('devices/:deviceId')
  async getDevice(@CurrentApiPrincipal() principal: ApiPrincipal, @Param('deviceId') deviceId: string): Promise<DeviceView> {
    requireAny(principal.scopes, S.DEVICES_READ);
    return (await this.devices.of(principal, [await this.sites.device(ownerScopeOf(principal), deviceId)]))[0];
  }
}
