// Reads of the CPE Management API's service sites and devices, scoped to the owner: a site
// is a location of the owner, its device is the location's nodes shown as one, named by
// the gateway (the node claimed first). Another owner's site is reported as missing.
// One query reads a page of sites with their gateways, and only the columns the answers
// use (10,000 sites in one plain answer: docs/benchmarks.md).

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { Location } from '../../locations/location.entity';
import { Node } from '../../nodes/node.entity';
import { ApiError } from '../../oauth/bearer/api-error';
import { OwnerScope } from './owner-scope';
import { PageRequest } from './pagination';

/** What the answers read of a location. */
export type SiteRow = Pick<Location, 'id' | 'name' | 'street' | 'city' | 'postalCode' | 'country'>;
/** What the answers read of a gateway node. */
export type GatewayRow = Pick<Node, 'id' | 'macAddress' | 'description'>;

export interface SiteWithGateway {
  location: SiteRow;
  /** Undefined when no node is placed at the location yet. */
  gateway?: GatewayRow;
}

export interface Page<T> {
  items: T[];
  more: boolean;
}

interface RawSite {
  id: string;
  name: string;
  street: string | null;
  city: string | null;
  postal_code: string | null;
  country: string | null;
  gateway_id: string | null;
  gateway_mac: string | null;
  gateway_description: string | null;
}

/** The gateway of location `l`: its node claimed first (ties broken by id). */
const GATEWAY_OF_L = 'g.id = (SELECT n.id FROM nodes n WHERE n.location_id = l.id ORDER BY n.claimed_at ASC, n.id ASC LIMIT 1)';

function siteOf(row: RawSite): SiteWithGateway {
  const location: SiteRow = { id: row.id, name: row.name, street: row.street, city: row.city, postalCode: row.postal_code, country: row.country };
  return row.gateway_id === null ? { location } : { location, gateway: { id: row.gateway_id, macAddress: row.gateway_mac, description: row.gateway_description } };
}

@Injectable()
export class CpeSitesService {
  constructor(
    @InjectRepository(Location) private readonly locations: Repository<Location>,
    @InjectRepository(Node) private readonly nodes: Repository<Node>,
  ) {}

  async sites(scope: OwnerScope, page: PageRequest, withDevicesOnly = false): Promise<Page<SiteWithGateway>> {
    const query = this.ownerSites(scope).orderBy('l.id', 'ASC');
    if (page.after !== undefined) query.andWhere('l.id > :after', { after: page.after });
    // Devices: only the sites where a node is placed.
    if (withDevicesOnly) query.andWhere('g.id IS NOT NULL');
    if (page.limit !== undefined) query.limit(page.limit + 1);
    const rows = await query.getRawMany<RawSite>();
    const more = page.limit !== undefined && rows.length > page.limit;
    return { items: (more ? rows.slice(0, page.limit) : rows).map(siteOf), more };
  }

  async site(scope: OwnerScope, id: string): Promise<SiteWithGateway> {
    const row = isUuid(id) ? await this.ownerSites(scope).andWhere('l.id = :id', { id }).getRawOne<RawSite>() : undefined;
    if (row === undefined) throw ApiError.notFound(`service site ${id} not found`);
    return siteOf(row);
  }

  /** The owner's sites among `ids` (others are left out). */
  async sitesByIds(scope: OwnerScope, ids: readonly string[]): Promise<SiteWithGateway[]> {
    const sites: SiteWithGateway[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      sites.push(...(await this.ownerSites(scope).andWhere('l.id IN (:...ids)', { ids: ids.slice(i, i + 500) }).getRawMany<RawSite>()).map(siteOf));
    }
    return sites;
  }

  /** The device `id` (a gateway's node id) of the owner. */
  async device(scope: OwnerScope, id: string): Promise<Required<SiteWithGateway>> {
    const node = isUuid(id) ? await this.nodes.findOne({ select: { id: true, locationId: true }, where: { id, groupId: scope.groupId } }) : null;
    const site = node?.locationId ? await this.site(scope, node.locationId).catch(() => undefined) : undefined;
    if (site?.gateway === undefined || site.gateway.id !== id) throw ApiError.notFound(`device ${id} not found`);
    return { location: site.location, gateway: site.gateway };
  }

  /** The owner's locations joined with their gateways, selecting the columns of RawSite. */
  private ownerSites(scope: OwnerScope): SelectQueryBuilder<Location> {
    const query = this.locations
      .createQueryBuilder('l')
      .select('l.id', 'id')
      .addSelect('l.name', 'name')
      .addSelect('l.address_street', 'street')
      .addSelect('l.address_city', 'city')
      .addSelect('l.address_postal_code', 'postal_code')
      .addSelect('l.address_country', 'country')
      .leftJoin(Node, 'g', GATEWAY_OF_L)
      .addSelect('g.id', 'gateway_id')
      .addSelect('g.mac_address', 'gateway_mac')
      .addSelect('g.description', 'gateway_description')
      .where('l.group_id = :groupId', { groupId: scope.groupId });
    if (scope.customerId !== undefined) query.andWhere('l.customer_id = :customerId', { customerId: scope.customerId });
    return query;
  }
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
