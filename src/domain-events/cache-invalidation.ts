// In-memory copies that are not tied to a location, and what a change to one of them names:
// the group whose telemetry settings changed, the API client whose EBL provider settings
// changed, the EBL registrations (MACs, vendor ids) a provider added or removed. The
// service that changed the copy refreshes its own at once and says so here; in a cluster the
// relay carries it to the other instances, whose services then drop (or read again) the
// entry it names. Single process: nobody else listens.

export type CacheInvalidation =
  | { cache: 'telemetry-settings'; groupId: string }
  | { cache: 'ebl-provider'; apiClientId: string }
  | { cache: 'ebl-registrations'; apiClientId: string; macs: string[]; vendorIds: string[] };

export type InvalidatedCache = CacheInvalidation['cache'];

export const INVALIDATED_CACHES: ReadonlySet<InvalidatedCache> = new Set<InvalidatedCache>(['telemetry-settings', 'ebl-provider', 'ebl-registrations']);
