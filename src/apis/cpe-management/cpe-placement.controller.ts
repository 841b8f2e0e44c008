// Networks on devices: GET /isolated-networks/{netId}/devices, PATCH
// /isolated-networks/{netId}/devices (BulkDeviceUpdate) and PATCH
// /devices/{deviceId}/isolated-networks (BulkNetworkUpdate): insert, delete and replace,
// planned and checked as a whole before anything is written (network-placement.ts).
// Replacing a device's primary network needs the primary-write role.

import { Body, Controller, Get, HttpCode, Param, Patch } from '@nestjs/common';
import { ApiPrincipal } from '../../oauth/api-principal';
import { CurrentApiPrincipal, RequireScopes } from '../../oauth/bearer/require-scopes.decorator';
import { CPE_SCOPES as S } from '../../oauth/oauth-scopes';
import { ApiError } from '../../oauth/bearer/api-error';
import { bodyValidator } from './body-validation';
import { CpeNetwork } from './cpe-network';
import { ownBy } from './cpe-networks.controller';
import { CpeNetworksService, visibleKinds } from './cpe-networks.service';
import { CPE_BASE_PATH } from './cpe-paths';
import { requireAny } from './cpe-scopes';
import { CpeSitesService, SiteWithGateway } from './cpe-sites.service';
import { DeviceView } from './cpe-views';
import { CpeDeviceViews } from './device-views.service';
import { BULK_DEVICE_UPDATE_SCHEMA, BULK_NETWORK_UPDATE_SCHEMA, BulkUpdateBody, PlacementRequest, PlacementStep, planPlacements } from './network-placement';
import { NetworkPlacementService } from './network-placement.service';
import { ownerScopeOf } from './owner-scope';

interface DeviceReplacement {
  device: string;
  replace: string;
}
interface NetworkReplacement {
  replace: string;
  with: string;
}

const validateDeviceUpdate = bodyValidator<Omit<BulkUpdateBody, 'replace'> & { replace?: DeviceReplacement[] }>(BULK_DEVICE_UPDATE_SCHEMA);
const validateNetworkUpdate = bodyValidator<Omit<BulkUpdateBody, 'replace'> & { replace?: NetworkReplacement[] }>(BULK_NETWORK_UPDATE_SCHEMA);

/** The spec's network scopes of these endpoints: any read (the write scopes inherit them). */
function requireNetworkScope(principal: ApiPrincipal): void {
  requireAny(principal.scopes, S.NETWORKS_READ, S.PRIMARY_READ);
}

/** Replacing a device's primary network changes the home network: the primary-write role. */
function allowedSteps(principal: ApiPrincipal, steps: PlacementStep[]): PlacementStep[] {
  if (steps.some((s) => s.kind === 'adopt')) requireAny(principal.scopes, S.PRIMARY_WRITE);
  return steps;
}

/** Looks every id up first, so that one 404 names every missing one (the contract's "ID(s) do not exist"). */
class Lookups {
  private readonly devices = new Map<string, { id: string; site: SiteWithGateway } | undefined>();
  private readonly networks = new Map<string, CpeNetwork | undefined>();

  constructor(
    private readonly principal: ApiPrincipal,
    private readonly sitesService: CpeSitesService,
    private readonly networksService: CpeNetworksService,
  ) {}

  async load(deviceIds: readonly string[], networkIds: readonly string[]): Promise<void> {
    const scope = ownerScopeOf(this.principal);
    for (const id of deviceIds) {
      if (!this.devices.has(id)) this.devices.set(id, await this.sitesService.device(scope, id).then((site) => ({ id, site }), () => undefined));
    }
    for (const id of networkIds) {
      if (this.networks.has(id)) continue;
      this.networks.set(id, await this.networksService.one(scope, visibleKinds(this.principal.scopes), id, ownBy(this.principal)).catch(() => undefined));
    }
    const missing = (map: Map<string, unknown>) => [...map.entries()].filter(([, v]) => v === undefined).map(([id]) => id);
    const parts = [
      ...(missing(this.devices).length > 0 ? [`Device ID(s) do not exist: [${missing(this.devices).join(', ')}]`] : []),
      ...(missing(this.networks).length > 0 ? [`Network ID(s) do not exist: [${missing(this.networks).join(', ')}]`] : []),
    ];
    if (parts.length > 0) throw ApiError.notFound(parts.join('; '));
  }

  device(id: string): { id: string; site: SiteWithGateway } {
    return this.devices.get(id)!;
  }

  network(id: string): CpeNetwork {
    return this.networks.get(id)!;
  }
}

@Controller(CPE_BASE_PATH)
@RequireScopes()
export class CpePlacementController {
  constructor(
    private readonly networks: CpeNetworksService,
    private readonly sites: CpeSitesService,
    private readonly devices: CpeDeviceViews,
    private readonly placements: NetworkPlacementService,
  ) {}

  @Get('isolated-networks/:netId/devices')
  async devicesOf(@CurrentApiPrincipal() principal: ApiPrincipal, @Param('netId') netId: string): Promise<DeviceView[]> {
    requireAny(principal.scopes, S.DEVICES_READ);
    requireNetworkScope(principal);
    const network = await this.networks.one(ownerScopeOf(principal), visibleKinds(principal.scopes), netId, ownBy(principal));
    return this.devices.of(principal, network.members.map((m) => m.site));
  }

  @Patch('isolated-networks/:netId/devices')
  @HttpCode(204)
  async placeNetwork(@CurrentApiPrincipal() principal: ApiPrincipal, @Param('netId') netId: string, @Body() body: unknown): Promise<void> {
    requireAny(principal.scopes, S.DEVICES_WRITE);
    requireNetworkScope(principal);
    const request = validateDeviceUpdate(body);
    const lookups = new Lookups(principal, this.sites, this.networks);
    const replaced = (request.replace ?? []).map((r) => r.replace);
    await lookups.load([...(request.insert ?? []), ...(request.delete ?? []), ...(request.replace ?? []).map((r) => r.device)], [netId, ...replaced]);
    const network = lookups.network(netId);
    const requests: PlacementRequest[] = [
      ...(request.insert ?? []).map((id) => ({ device: lookups.device(id), on: network })),
      ...(request.delete ?? []).map((id) => ({ device: lookups.device(id), off: network })),
      ...(request.replace ?? []).map((r) => ({ device: lookups.device(r.device), on: network, off: lookups.network(r.replace), replacement: true })),
    ];
    await this.placements.apply(principal, allowedSteps(principal, planPlacements(requests)));
  }

  @Patch('devices/:deviceId/isolated-networks')
  @HttpCode(204)
  async placeOnDevice(@CurrentApiPrincipal() principal: ApiPrincipal, @Param('deviceId') deviceId: string, @Body() body: unknown): Promise<void> {
    requireAny(principal.scopes, S.DEVICES_WRITE);
    requireNetworkScope(principal);
    const request = validateNetworkUpdate(body);
    const lookups = new Lookups(principal, this.sites, this.networks);
    const replacements = (request.replace ?? []).flatMap((r) => [r.replace, r.with]);
    await lookups.load([deviceId], [...(request.insert ?? []), ...(request.delete ?? []), ...replacements]);
    const device = lookups.device(deviceId);
    const requests: PlacementRequest[] = [
      ...(request.insert ?? []).map((id) => ({ device, on: lookups.network(id) })),
      ...(request.delete ?? []).map((id) => ({ device, off: lookups.network(id) })),
      ...(request.replace ?? []).map((r) => ({ device, off: lookups.network(r.replace), on: lookups.network(r.with), replacement: true })),
    ];
    await this.placements.apply(principal, allowedSteps(principal, planPlacements(requests)));
  }
}
