// Reads of isolated networks: the WiFi networks of the owner's locations, grouped into
// networks (cpe-network.ts: one member per device). Which ones a caller sees follows its
// roles: primary-read a network with a PRIMARY member, auxiliary-read one with a GUEST/IoT
// member, networks-read (only-own) those its client created through this API.

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Location } from '../../locations/location.entity';
import { ApiError, ApiErrorCode } from '../../oauth/bearer/api-error';
import { CPE_SCOPES as S } from '../../oauth/oauth-scopes';
import { WifiNetworkKind } from '../../wifi-networks/wifi-network-enums';
import { WifiNetwork } from '../../wifi-networks/wifi-network.entity';
import { CpeNetwork, groupMembers, NetworkMember, networkIdOf } from './cpe-network';
import { CpeSitesService } from './cpe-sites.service';
import { CpeNetworkMember } from './network-member.entity';
import { CpeNetworkOwner } from './network-owner.entity';
import { OwnerScope } from './owner-scope';

/** A device's networks as Device.networks shows them, with its auxiliary networks counted. */
export interface DeviceNetworks {
  networks: { id: string; kind: WifiNetworkKind }[];
  auxiliaryInUse: number;
  /** Auxiliary networks on it that the caller's client created (only-own). */
  ownAuxiliary: number;
}

/** Ids per query: far below every driver's bound on parameters. */
const IDS_PER_QUERY = 500;

/** The network kinds the caller's roles reach. */
export function visibleKinds(scopes: ReadonlySet<string>): WifiNetworkKind[] {
  return [...(scopes.has(S.PRIMARY_READ) ? [WifiNetworkKind.PRIMARY] : []), ...(scopes.has(S.AUXILIARY_READ) ? [WifiNetworkKind.GUEST, WifiNetworkKind.IOT] : [])];
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += IDS_PER_QUERY) out.push(items.slice(i, i + IDS_PER_QUERY));
  return out;
}

@Injectable()
export class CpeNetworksService {
  constructor(
    @InjectRepository(WifiNetwork) private readonly networks: Repository<WifiNetwork>,
    @InjectRepository(Location) private readonly locations: Repository<Location>,
    private readonly sites: CpeSitesService,
    @InjectRepository(CpeNetworkOwner) private readonly owners: Repository<CpeNetworkOwner>,
    @InjectRepository(CpeNetworkMember) private readonly links: Repository<CpeNetworkMember>,
  ) {}

  /** Ids of the networks this client created (only-own). */
  async ownIds(apiClientId: string | undefined): Promise<Set<string>> {
    if (apiClientId === undefined) return new Set();
    const single = (await this.owners.findBy({ apiClientId })).map((o) => o.networkId);
    const several = (await this.links.find({ select: { networkId: true }, where: { apiClientId } })).map((l) => l.networkId);
    return new Set([...single, ...several]);
  }

  async recordOwner(networkId: string, apiClientId: string): Promise<void> {
    await this.owners.insert({ networkId, apiClientId, createdAt: new Date() });
  }

  /** The client that created the network (only-own), if one did. */
  async ownerOf(networkId: string): Promise<string | undefined> {
    const single = await this.owners.findOneBy({ networkId });
    if (single !== null) return single.apiClientId;
    return (await this.links.findOne({ where: { networkId } }))?.apiClientId ?? undefined;
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
    const locations = await this.locations.find({ select: { id: true }, where: { groupId: scope.groupId, customerId: scope.customerId }, take: 2 });
    if (locations.length !== 1) refuse();
    const site = await this.sites.site(scope, locations[0].id);
    if (site.gateway === undefined) refuse();
  }

  /** The owner's networks with a member at these sites (all sites: undefined) that the caller's roles reach. */
  async list(scope: OwnerScope, kinds: WifiNetworkKind[], siteId?: string, ownBy?: string): Promise<CpeNetwork[]> {
    const own = await this.ownIds(ownBy);
    if (kinds.length === 0 && own.size === 0) return [];
    const sites = siteId !== undefined ? [await this.sites.site(scope, siteId)] : (await this.sites.sites(scope, {})).items;
    const rows: WifiNetwork[] = [];
    for (const ids of chunks(sites.map((s) => s.location.id))) rows.push(...(await this.networks.find({ where: { locationId: In(ids) } })));
    const links = await this.linksOf(rows.map((r) => r.id));
    // Members of these networks at other sites (a network on devices of several sites).
    const seen = new Set(rows.map((r) => r.id));
    const linked = [...new Set(links.values())];
    const others: string[] = [];
    for (const ids of chunks(linked)) {
      for (const l of await this.links.findBy({ networkId: In(ids) })) {
        if (seen.has(l.wifiNetworkId)) continue;
        others.push(l.wifiNetworkId);
        links.set(l.wifiNetworkId, l.networkId);
      }
    }
    const extra: WifiNetwork[] = [];
    for (const ids of chunks(others)) extra.push(...(await this.networks.find({ where: { id: In(ids), groupId: scope.groupId } })));
    const bySite = new Map(sites.map((s) => [s.location.id, s]));
    for (const site of await this.sites.sitesByIds(scope, [...new Set(extra.map((n) => n.locationId).filter((id) => !bySite.has(id)))])) bySite.set(site.location.id, site);
    const members: NetworkMember[] = [...rows, ...extra].filter((n) => bySite.has(n.locationId)).map((network) => ({ network, site: bySite.get(network.locationId)! }));
    return groupMembers(members, links).filter((n) => visible(n, kinds, own));
  }

  async one(scope: OwnerScope, kinds: WifiNetworkKind[], id: string, ownBy?: string): Promise<CpeNetwork> {
    const network = /^[0-9a-f-]{36}$/i.test(id) ? await this.resolve(scope, id) : undefined;
    if (network === undefined || !visible(network, kinds, await this.ownIds(ownBy))) throw ApiError.notFound(`network ${id} not found`);
    return network;
  }

  /** The network `id` of the owner with every member, or undefined. */
  async resolve(scope: OwnerScope, id: string): Promise<CpeNetwork | undefined> {
    const linked = (await this.links.findBy({ networkId: id })).map((l) => l.wifiNetworkId);
    let rows: WifiNetwork[];
    if (linked.length > 0) {
      rows = await this.networks.find({ where: { id: In(linked), groupId: scope.groupId } });
    } else {
      // A WiFi network linked to another network is not a network of its own.
      const own = await this.networks.findOneBy({ id, groupId: scope.groupId });
      rows = own !== null && (await this.links.findOneBy({ wifiNetworkId: id })) === null ? [own] : [];
    }
    const sites = new Map((await this.sites.sitesByIds(scope, [...new Set(rows.map((r) => r.locationId))])).map((s) => [s.location.id, s]));
    const members = rows.filter((r) => sites.has(r.locationId)).map((network) => ({ network, site: sites.get(network.locationId)! }));
    if (members.length === 0) return undefined;
    const network = groupMembers(members, new Map(members.map((m) => [m.network.id, id])))[0];
    return members.length < rows.length ? { ...network, elsewhere: true } : network;
  }

  /** Per location, the networks (by network id) the caller's roles reach, for Device.networks, and how many auxiliary ones it carries. */
  async byLocation(locationIds: readonly string[], kinds: WifiNetworkKind[], ownBy?: string): Promise<Map<string, DeviceNetworks>> {
    const result = new Map<string, DeviceNetworks>();
    const own = await this.ownIds(ownBy);
    for (const ids of chunks(locationIds)) {
      const rows = await this.networks.find({ select: { id: true, locationId: true, kind: true }, where: { locationId: In(ids) }, order: { id: 'ASC' } });
      const links = await this.linksOf(rows.map((r) => r.id));
      for (const n of rows) {
        const entry = result.get(n.locationId) ?? { networks: [], auxiliaryInUse: 0, ownAuxiliary: 0 };
        result.set(n.locationId, entry);
        const id = networkIdOf(n.id, links);
        const auxiliary = n.kind !== WifiNetworkKind.PRIMARY;
        if (auxiliary) entry.auxiliaryInUse++;
        if (auxiliary && own.has(id)) entry.ownAuxiliary++;
        if (kinds.includes(n.kind) || own.has(id)) entry.networks.push({ id, kind: n.kind });
      }
    }
    return result;
  }

  /** wifi network id -> network id, for those of `ids` that are members of a network on several devices. */
  private async linksOf(ids: readonly string[]): Promise<Map<string, string>> {
    const links = new Map<string, string>();
    for (const chunk of chunks(ids)) for (const l of await this.links.findBy({ wifiNetworkId: In(chunk) })) links.set(l.wifiNetworkId, l.networkId);
    return links;
  }
}

/** A network is reached by a role that reaches one of its members' kinds, or by its creator (only-own). */
function visible(network: CpeNetwork, kinds: readonly WifiNetworkKind[], own: ReadonlySet<string>): boolean {
  return own.has(network.id) || network.members.some((m) => kinds.includes(m.network.kind));
}

