// Which nodes an operation covers: the union of its bulk forms (node ids, locations, a whole
// group) narrowed by the filter, checked before anything is written. Unknown or invisible
// ids are named in one NOT_FOUND; the nodes must be of one group and claimed.

import { DataSource, In } from 'typeorm';
import { canReadGroup, isPlatformAdmin, Principal } from '../common/auth/principal';
import { AppError } from '../common/errors/app-error';
import { Location } from '../locations/location.entity';
import { Node } from '../nodes/node.entity';
import { OperationTargetsInput } from './dto/create-reboot.input';

/** Ids per IN (...) list: far below every driver's bound on parameters. */
const CHUNK = 500;

export interface ResolvedTargets {
  groupId: string;
  nodes: Node[];
  /** Bulk forms were used (locations, group, filter, or more than one node). */
  bulk: boolean;
}

async function chunked<T>(ids: readonly string[], load: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await load(ids.slice(i, i + CHUNK))));
  return out;
}

function visible(principal: Principal, groupId: string | null): boolean {
  return groupId !== null && canReadGroup(principal, groupId);
}

function missing(what: string, ids: string[]): AppError {
  return AppError.notFound(`${what}${ids.length > 1 ? 's' : ''}`, ids.slice(0, 20).join(', ') + (ids.length > 20 ? ` and ${ids.length - 20} more` : ''));
}

export async function resolveTargets(dataSource: DataSource, principal: Principal, input: OperationTargetsInput): Promise<ResolvedTargets> {
  const manager = dataSource.manager;
  const found = new Map<string, Node>();
  const nodeIds = [...new Set(input.nodeIds ?? [])];
  if (nodeIds.length > 0) {
    const nodes = await chunked(nodeIds, (chunk) => manager.findBy(Node, { id: In(chunk) }));
    const ok = nodes.filter((n) => visible(principal, n.groupId));
    const unknown = nodeIds.filter((id) => !ok.some((n) => n.id === id));
    if (unknown.length > 0) throw missing('node', unknown);
    for (const node of ok) found.set(node.id, node);
  }
  const locationIds = [...new Set(input.locationIds ?? [])];
  if (locationIds.length > 0) {
    const locations = (await chunked(locationIds, (chunk) => manager.findBy(Location, { id: In(chunk) }))).filter((l) => visible(principal, l.groupId));
    const unknown = locationIds.filter((id) => !locations.some((l) => l.id === id));
    if (unknown.length > 0) throw missing('location', unknown);
    for (const node of await chunked(locationIds, (chunk) => manager.findBy(Node, { locationId: In(chunk) }))) found.set(node.id, node);
  }
  if (input.groupId !== undefined) {
    if (!isPlatformAdmin(principal) && !principal.groupIds.includes(input.groupId)) throw AppError.notFound('group', input.groupId);
    for (const node of await manager.findBy(Node, { groupId: input.groupId })) found.set(node.id, node);
  }
  if (nodeIds.length === 0 && locationIds.length === 0 && input.groupId === undefined) {
    throw AppError.validation([{ field: 'targets', message: 'name nodeIds, locationIds or groupId' }]);
  }
  const filter = input.filter;
  const nodes = [...found.values()].filter(
    (n) =>
      n.groupId !== null &&
      (filter?.model === undefined || n.model === filter.model) &&
      (filter?.firmwareVersion === undefined || n.firmwareVersion === filter.firmwareVersion) &&
      (filter?.connected === undefined || n.connected === filter.connected),
  );
  if (nodes.length === 0) throw AppError.validation([{ field: 'targets', message: 'no claimed node matches' }]);
  const groups = new Set(nodes.map((n) => n.groupId));
  if (groups.size > 1) throw AppError.validation([{ field: 'targets', message: 'the nodes belong to several groups; one operation covers one group' }]);
  nodes.sort((a, b) => a.serialNumber.localeCompare(b.serialNumber));
  const bulk = nodes.length > 1 || locationIds.length > 0 || input.groupId !== undefined || filter !== undefined;
  return { groupId: nodes[0].groupId as string, nodes, bulk };
}
