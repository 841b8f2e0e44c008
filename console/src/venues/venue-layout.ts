// Where a venue's pools and keys are, from what the API returns (units, pool networks): the
// same rule as the API's (src/venues/key-rules.ts keyLocations): a key with a unit works at
// the unit's location and at every common area of the pool; a key without a unit everywhere
// the pool is. And the small list helpers of the venue pages (filter, pages).

export interface UnitLike {
  id: string;
  name: string;
  kind: string;
  locationId: string;
}

export interface PoolNetworkLike {
  networkId: string;
  locationId: string;
}

export interface PoolPlace<N extends PoolNetworkLike = PoolNetworkLike> {
  network: N;
  /** The unit or common area at the network's location; undefined when the location is no longer one of the venue. */
  unit: UnitLike | undefined;
}

/** The pool's networks with the unit each is at, common areas first, then by unit name. */
export function poolPlaces<N extends PoolNetworkLike>(networks: readonly N[], units: readonly UnitLike[]): PoolPlace<N>[] {
  const byLocation = new Map(units.map((u) => [u.locationId, u]));
  const rank = (p: PoolPlace<N>): number => (p.unit === undefined ? 2 : p.unit.kind === 'COMMON_AREA' ? 0 : 1);
  return networks
    .map((network) => ({ network, unit: byLocation.get(network.locationId) }))
    .sort((a, b) => rank(a) - rank(b) || (a.unit?.name ?? '').localeCompare(b.unit?.name ?? '', undefined, { numeric: true }));
}

/** How many units and common areas a pool is deployed on ("3 units, 1 common area"). */
export function poolCoverage(networks: readonly PoolNetworkLike[], units: readonly UnitLike[]): { units: number; commonAreas: number; elsewhere: number } {
  const byLocation = new Map(units.map((u) => [u.locationId, u]));
  const out = { units: 0, commonAreas: 0, elsewhere: 0 };
  for (const n of networks) {
    const unit = byLocation.get(n.locationId);
    if (unit === undefined) out.elsewhere++;
    else if (unit.kind === 'COMMON_AREA') out.commonAreas++;
    else out.units++;
  }
  return out;
}

export function coverageWords(c: { units: number; commonAreas: number; elsewhere: number }): string {
  const parts = [plural(c.units, 'unit'), plural(c.commonAreas, 'common area')];
  if (c.elsewhere > 0) parts.push(`${plural(c.elsewhere, 'other location')}`);
  return parts.join(', ');
}

/** The pool networks a key works on: its unit's and the common areas', or all without a unit. */
export function keyPlaces<N extends PoolNetworkLike>(key: { unitId?: string | null }, places: readonly PoolPlace<N>[]): PoolPlace<N>[] {
  if (key.unitId == null) return [...places];
  return places.filter((p) => p.unit !== undefined && (p.unit.kind === 'COMMON_AREA' || p.unit.id === key.unitId));
}

/** Units whose name contains the text (any case), by name with numbers in order (Apt 2 before Apt 10). */
export function filterUnits<U extends UnitLike>(units: readonly U[], text: string, kind: '' | 'UNIT' | 'COMMON_AREA' = ''): U[] {
  const needle = text.trim().toLowerCase();
  return units
    .filter((u) => (kind === '' || u.kind === kind) && (needle === '' || u.name.toLowerCase().includes(needle)))
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
}

/** One page (0-based) of a list, with how many pages there are; a page past the end shows the last. */
export function pageOf<T>(items: readonly T[], page: number, size: number): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const at = Math.min(Math.max(0, page), pages - 1);
  return { items: items.slice(at * size, at * size + size), page: at, pages };
}

/** Where a list the API pages by cursor is: its first page ({}), after a page's end, or before its start. */
export type Cursor = { after?: string; before?: string };

/** The connection arguments for the page at `cursor`: backwards from a `before`, else forwards. */
export function cursorWindow(cursor: Cursor, size: number): { first: number; after?: string } | { last: number; before: string } {
  return cursor.before !== undefined ? { last: size, before: cursor.before } : { first: size, after: cursor.after };
}

/** Locations a new unit may be made of: the customer's, minus those already units of this venue. */
export function freeLocations<L extends { id: string }>(locations: readonly L[], units: readonly UnitLike[]): L[] {
  const taken = new Set(units.map((u) => u.locationId));
  return locations.filter((l) => !taken.has(l.id));
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export interface NodeConvergence {
  serial: string;
  status: string;
}

/** "applied on A, B · pending on C" from a network's per-node status; nodes in each state by serial. */
export function convergenceSummary(nodes: readonly NodeConvergence[]): string {
  if (nodes.length === 0) return 'no node at this location';
  const order = ['APPLIED', 'PENDING', 'FAILED', 'OFFLINE'];
  const words: Record<string, string> = { APPLIED: 'applied on', PENDING: 'pending on', FAILED: 'failed on', OFFLINE: 'offline:' };
  const groups = new Map<string, string[]>();
  for (const n of nodes) groups.set(n.status, [...(groups.get(n.status) ?? []), n.serial]);
  return [...groups.entries()]
    .sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]))
    .map(([status, serials]) => `${words[status] ?? status.toLowerCase()} ${serials.sort().join(', ')}`)
    .join(' · ');
}

/** What "applied" on a node means for a key in this state: on the node, or off it. */
export function appliedMeaning(state: string, validFrom: string | null | undefined, nowMs: number): string {
  if (state !== 'ACTIVE') return 'applied: the key has been taken off the node';
  if (validFrom != null && Date.parse(validFrom) > nowMs) return 'applied: the node is ready; the key goes on it when its window starts';
  return 'applied: the key is on the node';
}
