// In-memory copies that are not tied to a location, and what a change to one of them names:
// the group whose telemetry settings changed, the API client whose EBL provider settings
// changed. The service that changed the copy refreshes its own at once and says so here; in
// a cluster the relay carries it to the other instances, whose services then drop (or read
// again) the entry it names. Single process: nobody else listens.

export type CacheInvalidation = { cache: 'telemetry-settings'; groupId: string } | { cache: 'ebl-provider'; apiClientId: string };

export type InvalidatedCache = CacheInvalidation['cache'];

export const INVALIDATED_CACHES: ReadonlySet<InvalidatedCache> = new Set<InvalidatedCache>(['telemetry-settings', 'ebl-provider']);
