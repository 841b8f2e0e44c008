// Isolated networks: GET /isolated-networks, /isolated-networks/{netId} (ETag: the version),
// /devices/{deviceId}/isolated-networks, /service-sites/{siteId}/isolated-networks; POST
// /isolated-networks (on the default device or on devices); PATCH and DELETE
// /isolated-networks/{netId} (If-Match, 412), applied to every device the network is on.

import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiPrincipal } from '../../oauth/api-principal';
import { CurrentApiPrincipal, RequireScopes } from '../../oauth/bearer/require-scopes.decorator';
import { CPE_SCOPES as S } from '../../oauth/oauth-scopes';
import { CpeNetworksService, visibleKinds } from './cpe-networks.service';
import { CpeNetwork, networkVersion, representative } from './cpe-network';
import { NetworkPlacementService } from './network-placement.service';
import { planPlacements } from './network-placement';
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
import { SiteWithGateway } from './cpe-sites.service';
import { ApiError, ApiErrorCode } from '../../oauth/bearer/api-error';
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
    private readonly placements: NetworkPlacementService,
  ) {}

  /** The views of `networks`, with who created and last changed each. */
  private async views(networks: CpeNetwork[], withDevices: boolean): Promise<NetworkView[]> {
    const authors = await this.authors.of(networks.map((n) => representative(n).id));
    return networks.map((n) => networkView(n, withDevices, authors.get(representative(n).id)));
  }

  private async view(network: CpeNetwork, withDevices: boolean): Promise<NetworkView> {
    return (await this.views([network], withDevices))[0];
  }

  /** Roles that may change a network of this kind (the contract's write scopes). */
  private writableKinds(scopes: ReadonlySet<string>): WifiNetworkKind[] {
    return [...(scopes.has(S.PRIMARY_WRITE) ? [WifiNetworkKind.PRIMARY] : []), ...(scopes.has(S.AUXILIARY_WRITE) ? [WifiNetworkKind.GUEST, WifiNetworkKind.IOT] : [])];
  }

  /** The network to change: reached by a write role on one member, and every member writable (or the client's own). */
  private async writable(principal: ApiPrincipal, netId: string): Promise<CpeNetwork> {
    const kinds = this.writableKinds(principal.scopes);
    const network = await this.networks.one(ownerScopeOf(principal), kinds, netId, ownBy(principal, true));
    if (network.elsewhere === true) throw ApiError.permissionDenied(`network ${netId} is also on devices of other service owners: change it with a client that reaches them all`);
    const own = (await this.networks.ownIds(ownBy(principal, true))).has(network.id);
    if (!own && network.members.some((m) => !kinds.includes(m.network.kind))) {
      throw ApiError.permissionDenied(`network ${netId} is also a primary network: changing it requires ${S.PRIMARY_WRITE}`);
    }
    return network;
  }

  @Post('isolated-networks')
  @HttpCode(201)
  async create(@CurrentApiPrincipal() principal: ApiPrincipal, @Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply): Promise<NetworkView> {
    requireAny(principal.scopes, S.NETWORKS_WRITE);
    const request = validateCreate(body);
    const scope = ownerScopeOf(principal);
    const input = domainCreate(request);
    const devices: { id: string; site: SiteWithGateway }[] = [];
    if (request.devices === undefined) {
      await this.networks.requireDefaultDevice(scope);
      const site = (await this.sites.sites(scope, {}, true)).items[0];
      devices.push({ id: site.gateway!.id, site });
    } else {
      requireAny(principal.scopes, S.DEVICES_WRITE);
      if (request.devices.some((d) => d.role === 'primary')) throw ApiError.invalidArgument('a site has exactly one primary network: change it with PATCH, or replace it on a device');
      const ids = request.devices.map((d) => d.device);
      if (new Set(ids).size !== ids.length) throw ApiError.invalidArgument('a device is named twice');
      const missing: string[] = [];
      for (const id of ids) {
        const found = await this.sites.device(scope, id).catch(() => undefined);
        if (found === undefined) missing.push(id);
        else devices.push({ id, site: found });
      }
      if (missing.length > 0) throw ApiError.invalidArgument(`unknown devices: ${missing.join(', ')}`);
    }
    const acting = actingPrincipal(principal);
    const created = await this.wifiNetworks.create(acting, devices[0].site.location.id, { kind: WifiNetworkKind.GUEST, ...input });
    await this.networks.recordOwner(created.id, principal.apiClientId);
    let network: CpeNetwork = { id: created.id, members: [{ network: created, site: devices[0].site }] };
    if (devices.length > 1) {
      try {
        await this.placements.apply(principal, planPlacements(devices.slice(1).map((device) => ({ device, on: network }))));
      } catch (error) {
        await this.wifiNetworks.delete(acting, created.id).catch(() => undefined);
        throw error;
      }
      network = (await this.networks.resolve(scope, created.id))!;
    }
    const view = await this.view(network, principal.scopes.has(S.DEVICES_READ));
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
    const current = await this.writable(principal, netId);
    checkIfMatch(ifMatch, networkVersion(current));
    const input = domainUpdate(change, representative(current));
    let updated = current;
    if (Object.keys(input).length > 0) {
      // Every member in one transaction; each checked again there: a change landing meanwhile is a 412.
      const unchanged = unchangedSince(current, ifMatch);
      const members = await this.wifiNetworks.updateAll(actingPrincipal(principal), current.members.map((m) => ({ id: m.network.id, input, precondition: unchanged })));
      const byId = new Map(members.map((n) => [n.id, n]));
      updated = { id: current.id, members: current.members.map((m) => ({ network: byId.get(m.network.id) ?? m.network, site: m.site })) };
    }
    const view = await this.view(updated, withDevices);
    void reply.header('etag', `"${view.version}"`);
    return view;
  }

  @Delete('isolated-networks/:netId')
  @HttpCode(204)
  async remove(@CurrentApiPrincipal() principal: ApiPrincipal, @Param('netId') netId: string, @Headers('if-match') ifMatch: string | undefined): Promise<void> {
    requireAny(principal.scopes, S.NETWORKS_WRITE, S.PRIMARY_WRITE);
    const scope = ownerScopeOf(principal);
    if (!principal.scopes.has(S.DEVICES_READ)) await this.networks.requireDefaultDevice(scope);
    const current = await this.writable(principal, netId);
    checkIfMatch(ifMatch, networkVersion(current));
    if (current.members.some((m) => m.network.kind === WifiNetworkKind.PRIMARY)) {
      throw new ApiError(400, ApiErrorCode.NETWORK_NOT_REMOVABLE, 'the network is a primary network on a device: not removable');
    }
    const unchanged = unchangedSince(current, ifMatch);
    for (const member of current.members) await this.wifiNetworks.delete(actingPrincipal(principal), member.network.id, unchanged);
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

/** With If-Match, a precondition that refuses (412) a member changed since `network` was read. */
function unchangedSince(network: CpeNetwork, ifMatch: string | undefined): ((current: WifiNetwork) => void) | undefined {
  if (ifMatch === undefined || ifMatch.trim() === '*') return undefined;
  const seen = new Map(network.members.map((m) => [m.network.id, m.network.updatedAt.getTime()]));
  return (current) => {
    if (seen.get(current.id) !== current.updatedAt.getTime()) throw new ApiError(412, ApiErrorCode.PRECONDITION_FAILED, 'the network has changed since that version (If-Match)');
  };
}
