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

const validateDeviceUpdate = bodyValidator<BulkUpdateBody & { replace?: DeviceReplacement[] }>(BULK_DEVICE_UPDATE_SCHEMA);
const validateNetworkUpdate = bodyValidator<BulkUpdateBody & { replace?: NetworkReplacement[] }>(BULK_NETWORK_UPDATE_SCHEMA);

/** The spec's network scopes of these endpoints: any read (the write scopes inherit them). */
function requireNetworkScope(principal: ApiPrincipal): void {
  requireAny(principal.scopes, S.NETWORKS_READ, S.PRIMARY_READ);
}

/** Replacing a device's primary network changes the home network: the primary-write role. */
function allowedSteps(principal: ApiPrincipal, steps: PlacementStep[]): PlacementStep[] {
  if (steps.some((s) => s.kind === 'adopt')) requireAny(principal.scopes, S.PRIMARY_WRITE);
  return steps;
}

/** Looks every id up, collecting the missing ones into one 404 (the contract's "ID(s) do not exist"). */
class Lookups {
  private readonly missingDevices: string[] = [];
  private readonly missingNetworks: string[] = [];

  constructor(
    private readonly principal: ApiPrincipal,
    private readonly sites: CpeSitesService,
    private readonly networks: CpeNetworksService,
  ) {}

  async device(id: string): Promise<{ id: string; site: SiteWithGateway }> {
    const site = await this.sites.device(ownerScopeOf(this.principal), id).catch(() => undefined);
    if (site === undefined) this.missingDevices.push(id);
    return { id, site: site ?? { location: { id: '', name: '', street: null, city: null, postalCode: null, country: null } } };
  }

  async network(id: string): Promise<CpeNetwork> {
    const network = await this.networks.one(ownerScopeOf(this.principal), visibleKinds(this.principal.scopes), id, ownBy(this.principal)).catch(() => undefined);
    if (network === undefined) this.missingNetworks.push(id);
    return network ?? { id, members: [] };
  }

  /** 404 naming every missing id, if any. */
  check(): void {
    const parts = [
      ...(this.missingDevices.length > 0 ? [`Device ID(s) do not exist: [${this.missingDevices.join(', ')}]`] : []),
      ...(this.missingNetworks.length > 0 ? [`Network ID(s) do not exist: [${this.missingNetworks.join(', ')}]`] : []),
    ];
    if (parts.length > 0) throw ApiError.notFound(parts.join('; '));
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
    const network = await lookups.network(netId);
    const requests: PlacementRequest[] = [];
    for (const id of request.insert ?? []) requests.push({ device: await lookups.device(id), on: network });
    for (const id of request.delete ?? []) requests.push({ device: await lookups.device(id), off: network });
    for (const r of request.replace ?? []) requests.push({ device: await lookups.device(r.device), on: network, off: await lookups.network(r.replace), replacement: true });
    lookups.check();
    await this.placements.apply(principal, allowedSteps(principal, planPlacements(requests)));
  }

  @Patch('devices/:deviceId/isolated-networks')
  @HttpCode(204)
  async placeOnDevice(@CurrentApiPrincipal() principal: ApiPrincipal, @Param('deviceId') deviceId: string, @Body() body: unknown): Promise<void> {
    requireAny(principal.scopes, S.DEVICES_WRITE);
    requireNetworkScope(principal);
    const request = validateNetworkUpdate(body);
    const lookups = new Lookups(principal, this.sites, this.networks);
    const device = await lookups.device(deviceId);
    const requests: PlacementRequest[] = [];
    for (const id of request.insert ?? []) requests.push({ device, on: await lookups.network(id) });
    for (const id of request.delete ?? []) requests.push({ device, off: await lookups.network(id) });
    for (const r of request.replace ?? []) requests.push({ device, off: await lookups.network(r.replace), on: await lookups.network(r.with), replacement: true });
    lookups.check();
    await this.placements.apply(principal, allowedSteps(principal, planPlacements(requests)));
  }
}
