// Isolated networks: GET /isolated-networks, /isolated-networks/{netId} (ETag: the version),
// /devices/{deviceId}/isolated-networks, /service-sites/{siteId}/isolated-networks; PATCH and
// DELETE /isolated-networks/{netId} (If-Match, 412) for the primary and auxiliary roles.

import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiPrincipal } from '../../oauth/api-principal';
import { CurrentApiPrincipal, RequireScopes } from '../../oauth/bearer/require-scopes.decorator';
import { CPE_SCOPES as S } from '../../oauth/oauth-scopes';
import { CpeNetworksService, NetworkOnSite, visibleKinds } from './cpe-networks.service';
import { NetworkAuthorsService } from './network-authors';
import { CPE_BASE_PATH } from './cpe-paths';
import { requireAny } from './cpe-scopes';
import { CpeSitesService } from './cpe-sites.service';
import { actingPrincipal } from './reboots/cpe-reboots.service';
import { bodyValidator } from './body-validation';
import { checkIfMatch, domainCreate, domainUpdate, NETWORK_CREATE_SCHEMA, NETWORK_UPDATE_SCHEMA, NetworkCreateBody, NetworkUpdateBody } from './network-writes';
import { WifiNetworksService } from '../../wifi-networks/wifi-networks.service';
import { WifiNetworkKind } from '../../wifi-networks/wifi-network-enums';
import { WifiNetwork } from '../../wifi-networks/wifi-network.entity';
import { ApiError, ApiErrorCode } from '../../oauth/bearer/api-error';
import { networkVersion } from './network-views';
import { networkView, NetworkView } from './network-views';
import { ownerScopeOf } from './owner-scope';

const validateUpdate = bodyValidator<NetworkUpdateBody>(NETWORK_UPDATE_SCHEMA);
const validateCreate = bodyValidator<NetworkCreateBody>(NETWORK_CREATE_SCHEMA);

/** The client whose own networks the caller reaches (only-own role), if any. */
export function ownBy(principal: ApiPrincipal, write = false): string | undefined {
  return principal.scopes.has(write ? S.NETWORKS_WRITE : S.NETWORKS_READ) ? principal.apiClientId : undefined;
}

@Controller(CPE_BASE_PATH)
@RequireScopes()
export class CpeNetworksController {
  constructor(
    private readonly networks: CpeNetworksService,
    private readonly sites: CpeSitesService,
    private readonly wifiNetworks: WifiNetworksService,
    private readonly authors: NetworkAuthorsService,
  ) {}

  /** The views of `networks`, with who created and last changed each. */
  private async views(networks: NetworkOnSite[], withDevices: boolean): Promise<NetworkView[]> {
    const authors = await this.authors.of(networks.map((n) => n.network.id));
    return networks.map((n) => networkView(n, withDevices, authors.get(n.network.id)));
  }

  private async view(network: NetworkOnSite, withDevices: boolean): Promise<NetworkView> {
    return (await this.views([network], withDevices))[0];
  }

  /** Roles that may change a network of this kind (the contract's write scopes). */
  private writableKinds(scopes: ReadonlySet<string>): WifiNetworkKind[] {
    return [...(scopes.has(S.PRIMARY_WRITE) ? [WifiNetworkKind.PRIMARY] : []), ...(scopes.has(S.AUXILIARY_WRITE) ? [WifiNetworkKind.GUEST, WifiNetworkKind.IOT] : [])];
  }

  @Post('isolated-networks')
  @HttpCode(201)
  async create(@CurrentApiPrincipal() principal: ApiPrincipal, @Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply): Promise<NetworkView> {
    requireAny(principal.scopes, S.NETWORKS_WRITE);
    const request = validateCreate(body);
    const scope = ownerScopeOf(principal);
    const input = domainCreate(request);
    let locationId: string;
    if (request.devices === undefined) {
      await this.networks.requireDefaultDevice(scope);
      locationId = (await this.sites.sites(scope, {}, true)).items[0].location.id;
    } else {
      requireAny(principal.scopes, S.DEVICES_WRITE);
      if (request.devices.some((d) => d.role === 'primary')) throw ApiError.invalidArgument('a site has exactly one primary network: change it with PATCH');
      if (request.devices.length > 1) throw new ApiError(501, ApiErrorCode.NOT_IMPLEMENTED, 'one network on several devices is not supported yet');
      const found = await this.sites.device(scope, request.devices[0].device).catch(() => undefined);
      if (found === undefined) throw ApiError.invalidArgument(`unknown device: ${request.devices[0].device}`);
      locationId = found.location.id;
    }
    const created = await this.wifiNetworks.create(actingPrincipal(principal), locationId, { kind: WifiNetworkKind.GUEST, ...input });
    await this.networks.recordOwner(created.id, principal.apiClientId);
    const site = await this.sites.site(scope, locationId);
    const view = await this.view({ network: created, site }, principal.scopes.has(S.DEVICES_READ));
    void reply.header('etag', `"${view.version}"`);
    return view;
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
    const current = await this.networks.one(scope, this.writableKinds(principal.scopes), netId, ownBy(principal, true));
    const unchanged = (network: WifiNetwork): void => checkIfMatch(ifMatch, networkVersion(network));
    unchanged(current.network);
    const input = domainUpdate(change, current.network);
    // Checked again in the change's transaction: a change landing meanwhile is a 412 too.
    const updated = Object.keys(input).length === 0 ? current.network : await this.wifiNetworks.update(actingPrincipal(principal), netId, input, unchanged);
    const view = await this.view({ network: updated, site: current.site }, withDevices);
    void reply.header('etag', `"${view.version}"`);
    return view;
  }

  @Delete('isolated-networks/:netId')
  @HttpCode(204)
  async remove(@CurrentApiPrincipal() principal: ApiPrincipal, @Param('netId') netId: string, @Headers('if-match') ifMatch: string | undefined): Promise<void> {
    requireAny(principal.scopes, S.NETWORKS_WRITE, S.PRIMARY_WRITE);
    const scope = ownerScopeOf(principal);
    if (!principal.scopes.has(S.DEVICES_READ)) await this.networks.requireDefaultDevice(scope);
    const current = await this.networks.one(scope, this.writableKinds(principal.scopes), netId, ownBy(principal, true));
    checkIfMatch(ifMatch, networkVersion(current.network));
    if (current.network.kind === WifiNetworkKind.PRIMARY) {
      throw new ApiError(400, ApiErrorCode.NETWORK_NOT_REMOVABLE, 'the primary network is not removable');
    }
    await this.wifiNetworks.delete(actingPrincipal(principal), netId, (network) => checkIfMatch(ifMatch, networkVersion(network)));
  }

  @Get('isolated-networks')
  async list(@CurrentApiPrincipal() principal: ApiPrincipal): Promise<NetworkView[]> {
    requireAny(principal.scopes, S.NETWORKS_READ, S.PRIMARY_READ);
    const scope = ownerScopeOf(principal);
    const withDevices = principal.scopes.has(S.DEVICES_READ);
    if (!withDevices) await this.networks.requireDefaultDevice(scope);
    return this.views(await this.networks.list(scope, visibleKinds(principal.scopes), undefined, ownBy(principal)), withDevices);
  }

  @Get('isolated-networks/:netId')
  async one(@CurrentApiPrincipal() principal: ApiPrincipal, @Param('netId') netId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<NetworkView> {
    requireAny(principal.scopes, S.NETWORKS_READ, S.PRIMARY_READ);
    const scope = ownerScopeOf(principal);
    const withDevices = principal.scopes.has(S.DEVICES_READ);
    if (!withDevices) await this.networks.requireDefaultDevice(scope);
    const view = await this.view(await this.networks.one(scope, visibleKinds(principal.scopes), netId, ownBy(principal)), withDevices);
    void reply.header('etag', `"${view.version}"`);
    return view;
  }

  @Get('devices/:deviceId/isolated-networks')
  async ofDevice(@CurrentApiPrincipal() principal: ApiPrincipal, @Param('deviceId') deviceId: string): Promise<NetworkView[]> {
    requireAny(principal.scopes, S.DEVICES_READ);
    requireAny(principal.scopes, S.NETWORKS_READ, S.PRIMARY_READ);
    const scope = ownerScopeOf(principal);
    const { location } = await this.sites.device(scope, deviceId);
    // The contract's NetworkList: whole networks, each with the devices it is on.
    return this.views(await this.networks.list(scope, visibleKinds(principal.scopes), location.id, ownBy(principal)), true);
  }

  @Get('service-sites/:siteId/isolated-networks')
  async ofSite(@CurrentApiPrincipal() principal: ApiPrincipal, @Param('siteId') siteId: string): Promise<NetworkView[]> {
    requireAny(principal.scopes, S.SITES_READ);
    requireAny(principal.scopes, S.DEVICES_READ);
    requireAny(principal.scopes, S.NETWORKS_READ, S.PRIMARY_READ);
    return this.views(await this.networks.list(ownerScopeOf(principal), visibleKinds(principal.scopes), siteId, ownBy(principal)), true);
  }
}
