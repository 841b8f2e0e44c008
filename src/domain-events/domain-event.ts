// What the provisioning domain tells the rest of the application after a change has
// committed: which location (and which nodes) must be reconciled with the devices.

export type DomainEventType = 'location-changed' | 'node-claimed' | 'node-unclaimed' | 'wifi-network-changed';

/**
 * In-memory indexes a change made stale (which networks belong to a key pool, which carry a
 * MAC list, the client nicknames of the event's location). The service that changed them drops its own before publishing; every other
 * holder of such an index (another controller instance, when events are relayed) drops it
 * on seeing the event.
 */
export type CachedIndex = 'key-pools' | 'mac-lists' | 'client-nicknames';

/**
 * Such an index is read again at least this often: a relayed event that never arrived (the
 * cluster's messages are at most once) leaves another instance's copy stale a minute at most.
 */
export const INDEX_MAX_AGE_MS = 60_000;

export const CACHED_INDEXES: ReadonlySet<CachedIndex> = new Set<CachedIndex>(['key-pools', 'mac-lists', 'client-nicknames']);

export interface DomainEvent {
  type: DomainEventType;
  locationId: string;
  /** Nodes directly concerned (claimed, unclaimed); absent when every node of the location is. */
  nodeIds?: string[];
  /** Indexes this change made stale (see CachedIndex). */
  caches?: CachedIndex[];
}
