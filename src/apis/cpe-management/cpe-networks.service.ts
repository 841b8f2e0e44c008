// Reads of isolated networks: a WiFi network of a location of the owner is an isolated
// network on that location's device, role primary (PRIMARY) or auxiliary (GUEST, IOT).
// Which ones a caller sees follows its roles: primary-read the primary, auxiliary-read the
// auxiliary ones, networks-read (only-own) those its client created through this API.

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Location } from '../../locations/location.entity';
import { ApiError, ApiErrorCode } from '../../oauth/bearer/api-error';
import { CPE_SCOPES as S } from '../../oauth/oauth-scopes';
import { WifiNetworkKind } from '../../wifi-networks/wifi-network-enums';
import { WifiNetwork } from '../../wifi-networks/wifi-network.entity';
import { CpeSitesService, SiteWithGateway } from './cpe-sites.service';
import { CpeNetworkOwner } from './network-owner.entity';
import { OwnerScope } from './owner-scope';

/** Ids per query: far below every driver's bound on parameters. */
const IDS_PER_QUERY = 500;

export interface NetworkOnSite {
  network: WifiNetwork;
  site: SiteWithGateway;
}

/** The network kinds the caller's roles reach. */
export function visibleKinds(scopes: ReadonlySet<string>): WifiNetworkKind[] {
  return [...(scopes.has(S.PRIMARY_READ) ? [WifiNetworkKind.PRIMARY] : []), ...(scopes.has(S.AUXILIARY_READ) ? [WifiNetworkKind.GUEST, WifiNetworkKind.IOT] : [])];
}

@Injectable()
export class CpeNetworksService {
  constructor(
    @InjectRepository(WifiNetwork) private readonly networks: Repository<WifiNetwork>,
    @InjectRepository(Location) private readonly locations: Repository<Location>,
    private readonly sites: CpeSitesService,
    @InjectRepository(CpeNetworkOwner) private readonly owners: Repository<CpeNetworkOwner>,
  ) {}

  /** Ids of the networks this client created (only-own). */
  async ownIds(apiClientId: string | undefined): Promise<Set<string>> {
    if (apiClientId === undefined) return new Set();
    return new Set((await this.owners.findBy({ apiClientId })).map((o) => o.networkId));
  }

  async recordOwner(networkId: string, apiClientId: string): Promise<void> {
    await this.owners.insert({ networkId, apiClientId, createdAt: new Date() });
  }

  /**
   * Without a device scope the owner must have a default device (one site with one
   * device); otherwise 403 DEFAULT_DEVICE_NOT_SUPPORTED, as the contract says.
   */
  async requireDefaultDevice(scope: OwnerScope): Promise<void> {
    const refuse = (): never => {
      throw new ApiError(403, ApiErrorCode.DEFAULT_DEVICE_NOT_SUPPORTED, 'the service owner has no default device: a devices scope is required');
    };
    if (scope.customerId === undefined) refuse();
    const locations = await this.locations.find({ where: { groupId: scope.groupId, customerId: scope.customerId }, take: 2 });
    if (locations.length !== 1) refuse();
    const site = await this.sites.site(scope, locations[0].id);
    if (site.gateway === undefined) refuse();
  }

  /** The owner's networks of these kinds, plus those created by `ownBy` (only-own). */
  async list(scope: OwnerScope, kinds: WifiNetworkKind[], siteId?: string, ownBy?: string): Promise<NetworkOnSite[]> {
    const own = await this.ownIds(ownBy);
    if (kinds.length === 0 && own.size === 0) return [];
    const sites = siteId !== undefined ? [await this.sites.site(scope, siteId)] : (await this.sites.sites(scope, {})).items;
    if (sites.length === 0) return [];
    const bySite = new Map(sites.map((s) => [s.location.id, s]));
    const rows = await this.networks.find({ where: { locationId: In([...bySite.keys()]) }, order: { id: 'ASC' } });
    return rows.filter((n) => kinds.includes(n.kind) || own.has(n.id)).map((network) => ({ network, site: bySite.get(network.locationId)! }));
  }

  /** Per location, the networks of these kinds plus those created by `ownBy`, for Device.networks. */
  async byLocation(locationIds: readonly string[], kinds: WifiNetworkKind[], ownBy?: string): Promise<Map<string, WifiNetwork[]>> {
    const result = new Map<string, WifiNetwork[]>();
    const own = await this.ownIds(ownBy);
    if (locationIds.length === 0 || (kinds.length === 0 && own.size === 0)) return result;
    for (let i = 0; i < locationIds.length; i += IDS_PER_QUERY) {
      const rows = await this.networks.find({
        select: { id: true, locationId: true, kind: true },
        where: { locationId: In(locationIds.slice(i, i + IDS_PER_QUERY)) },
        order: { id: 'ASC' },
      });
      for (const n of rows) if (kinds.includes(n.kind) || own.has(n.id)) result.set(n.locationId, [...(result.get(n.locationId) ?? []), n]);
    }
    return result;
  }

  async one(scope: OwnerScope, kinds: WifiNetworkKind[], id: string, ownBy?: string): Promise<NetworkOnSite> {
    const network = /^[0-9a-f-]{36}$/i.test(id) ? await this.networks.findOneBy({ id, groupId: scope.groupId }) : null;
    const visible = network !== null && (kinds.includes(network.kind) || (await this.ownIds(ownBy)).has(network.id));
    const site = visible ? await this.sites.site(scope, network.locationId).catch(() => undefined) : undefined;
    if (network === null || site === undefined) throw ApiError.notFound(`network ${id} not found`);
    return { network, site };
  }
}
