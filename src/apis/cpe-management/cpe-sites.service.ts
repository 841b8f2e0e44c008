// Reads of the CPE Management API's service sites and devices, scoped to the owner: a site
// is a location of the owner, its device is the location's nodes shown as one, named by
// the gateway (the node claimed first). Another owner's site is reported as missing.

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Location } from '../../locations/location.entity';
import { Node } from '../../nodes/node.entity';
import { ApiError } from '../../oauth/bearer/api-error';
import { OwnerScope } from './owner-scope';
import { PageRequest } from './pagination';

export interface SiteWithGateway {
  location: Location;
  /** Undefined when no node is placed at the location yet. */
  gateway?: Node;
}

export interface Page<T> {
  items: T[];
  more: boolean;
}

@Injectable()
export class CpeSitesService {
  constructor(
    @InjectRepository(Location) private readonly locations: Repository<Location>,
    @InjectRepository(Node) private readonly nodes: Repository<Node>,
  ) {}

  async sites(scope: OwnerScope, page: PageRequest, withDevicesOnly = false): Promise<Page<SiteWithGateway>> {
    const query = this.locations.createQueryBuilder('l').where('l.groupId = :groupId', { groupId: scope.groupId }).orderBy('l.id', 'ASC');
    if (scope.customerId !== undefined) query.andWhere('l.customerId = :customerId', { customerId: scope.customerId });
    if (page.after !== undefined) query.andWhere('l.id > :after', { after: page.after });
    // Devices: only the sites where a node is placed.
    if (withDevicesOnly) query.andWhere('EXISTS (SELECT 1 FROM nodes n WHERE n.location_id = l.id)');
    if (page.limit !== undefined) query.limit(page.limit + 1);
    const rows = await query.getMany();
    const more = page.limit !== undefined && rows.length > page.limit;
    return { items: await this.withGateways(more ? rows.slice(0, page.limit) : rows), more };
  }

  async site(scope: OwnerScope, id: string): Promise<SiteWithGateway> {
    const location = isUuid(id) ? await this.locations.findOneBy({ id, groupId: scope.groupId, ...(scope.customerId ? { customerId: scope.customerId } : {}) }) : null;
    if (location === null) throw ApiError.notFound(`service site ${id} not found`);
    return (await this.withGateways([location]))[0];
  }

  /** The device `id` (a gateway's node id) of the owner. */
  async device(scope: OwnerScope, id: string): Promise<Required<SiteWithGateway>> {
    const node = isUuid(id) ? await this.nodes.findOneBy({ id, groupId: scope.groupId }) : null;
    const site = node?.locationId ? await this.site(scope, node.locationId).catch(() => undefined) : undefined;
    if (site?.gateway === undefined || site.gateway.id !== id) throw ApiError.notFound(`device ${id} not found`);
    return { location: site.location, gateway: site.gateway };
  }

  private async withGateways(locations: Location[]): Promise<SiteWithGateway[]> {
    if (locations.length === 0) return [];
    const nodes = await this.nodes.find({ where: { locationId: In(locations.map((l) => l.id)) }, order: { claimedAt: 'ASC', id: 'ASC' } });
    const gateways = new Map<string, Node>();
    for (const node of nodes) if (node.locationId !== null && !gateways.has(node.locationId)) gateways.set(node.locationId, node);
    return locations.map((location) => ({ location, gateway: gateways.get(location.id) }));
  }
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
