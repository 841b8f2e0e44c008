// What instances tell each other over NATS, and how it is checked on arrival (a message is
// input like any other: malformed ones are dropped with a log line, never applied).
// Convergence results carry OVSDB values, whose maps are encoded as {"$map": [[k, v], ...]}.

import { INVALIDATED_CACHES } from '../domain-events/cache-invalidation';
import type { CacheInvalidation, InvalidatedCache } from '../domain-events/cache-invalidation';
import { CACHED_INDEXES } from '../domain-events/domain-event';
import type { CachedIndex, DomainEvent, DomainEventType } from '../domain-events/domain-event';
import type { ClientEvent } from '../clients/live/client-event';
import type { OperationNotice } from '../operations/runner/target-placement';
import type { NodeNetworkStatus } from '../reconciler/status/node-network-statuses';
import type { VifAudience } from '../reconciler/status/vif-row-visibility';

export const EVENTS_SUBJECT = 'events';
export const STATUS_SUBJECT = 'status';
/** An instance that starts asks the others for the results they hold ({ from }). */
export const STATUS_REQUEST_SUBJECT = 'status-request';

/** Device operations started, cancelled or progressed on one instance ({ from, notices }). */
export const OPERATIONS_SUBJECT = 'operations';

export interface OperationsMessage {
  from: string;
  notices: OperationNotice[];
}

const NOTICE_KINDS: ReadonlySet<OperationNotice['kind']> = new Set(['started', 'cancelled', 'progress']);

export function parseOperationsMessage(value: unknown): OperationsMessage {
  if (!isObject(value) || typeof value.from !== 'string' || !Array.isArray(value.notices)) throw new Error('not an operations message');
  const notices = value.notices.map((n): OperationNotice => {
    if (!isObject(n) || typeof n.operationId !== 'string' || !NOTICE_KINDS.has(n.kind as OperationNotice['kind'])) throw new Error('malformed operation notice');
    return { operationId: n.operationId, kind: n.kind as OperationNotice['kind'] };
  });
  return { from: value.from, notices };
}

/** Client connects and disconnects on the devices an instance holds ({ from, events }), for the others' subscribers. */
export const CLIENTS_SUBJECT = 'clients';

export interface ClientsMessage {
  from: string;
  events: ClientEvent[];
}

const CLIENT_EVENT_KINDS: ReadonlySet<ClientEvent['kind']> = new Set(['connected', 'disconnected']);

function isNullableString(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

export function parseClientsMessage(value: unknown): ClientsMessage {
  if (!isObject(value) || typeof value.from !== 'string' || !Array.isArray(value.events)) throw new Error('not a clients message');
  const events = value.events.map((e): ClientEvent => {
    if (!isObject(e) || !CLIENT_EVENT_KINDS.has(e.kind as ClientEvent['kind'])) throw new Error('malformed client event');
    const { nodeId, serial, mac, ifName, locationId, groupId, keyId, networkId, band } = e;
    if (typeof nodeId !== 'string' || typeof serial !== 'string' || typeof mac !== 'string' || typeof ifName !== 'string') throw new Error('malformed client event');
    if (![locationId, groupId, keyId, networkId, band].every(isNullableString)) throw new Error('malformed client event');
    const at = typeof e.at === 'string' ? new Date(e.at) : new Date(NaN);
    if (Number.isNaN(at.getTime())) throw new Error('malformed client event time');
    return {
      kind: e.kind as ClientEvent['kind'],
      nodeId,
      serial,
      locationId: locationId as string | null,
      groupId: groupId as string | null,
      mac,
      ifName,
      keyId: keyId as string | null,
      networkId: networkId as string | null,
      band: band as string | null,
      at,
    };
  });
  return { from: value.from, events };
}

/** Cached copies changed on one instance ({ from, invalidations }): telemetry settings of a group, an EBL provider, its registrations. */
export const INVALIDATIONS_SUBJECT = 'invalidations';

export interface InvalidationsMessage {
  from: string;
  invalidations: CacheInvalidation[];
}

export function parseInvalidationsMessage(value: unknown): InvalidationsMessage {
  if (!isObject(value) || typeof value.from !== 'string' || !Array.isArray(value.invalidations)) throw new Error('not an invalidations message');
  const invalidations = value.invalidations.map((i): CacheInvalidation => {
    if (!isObject(i) || !INVALIDATED_CACHES.has(i.cache as InvalidatedCache)) throw new Error('malformed invalidation');
    if (i.cache === 'telemetry-settings' && typeof i.groupId === 'string') return { cache: 'telemetry-settings', groupId: i.groupId };
    if (i.cache === 'ebl-provider' && typeof i.apiClientId === 'string') return { cache: 'ebl-provider', apiClientId: i.apiClientId };
    if (i.cache === 'ebl-registrations' && typeof i.apiClientId === 'string' && isStringArray(i.macs) && isStringArray(i.vendorIds)) {
      return { cache: 'ebl-registrations', apiClientId: i.apiClientId, macs: i.macs, vendorIds: i.vendorIds };
    }
    throw new Error('malformed invalidation');
  });
  return { from: value.from, invalidations };
}

/** Live device views asked of the instance holding the device: `views.<instance id>`, request/reply. */
export const VIEWS_SUBJECT = 'views';

export type ViewRequest = { view: 'vifs'; nodeId: string; audience: VifAudience } | { view: 'radios'; nodeId: string };

export type ViewReply = { ok: true; value: unknown[] } | { ok: false; code: string; message: string };

const AUDIENCES: ReadonlySet<VifAudience> = new Set(['PLATFORM_ADMIN', 'GROUP_ADMIN', 'GROUP_SUPPORT']);

export function parseViewRequest(value: unknown): ViewRequest {
  if (!isObject(value) || typeof value.nodeId !== 'string') throw new Error('not a view request');
  if (value.view === 'radios') return { view: 'radios', nodeId: value.nodeId };
  if (value.view === 'vifs' && AUDIENCES.has(value.audience as VifAudience)) return { view: 'vifs', nodeId: value.nodeId, audience: value.audience as VifAudience };
  throw new Error('malformed view request');
}

export interface EventsMessage {
  from: string;
  events: DomainEvent[];
}

export interface StatusMessage {
  from: string;
  nodeId: string;
  serial: string;
  /** Encoded results, or 'offline' when the node's session here ended. */
  statuses: unknown;
}

const EVENT_TYPES: ReadonlySet<DomainEventType> = new Set(['location-changed', 'node-claimed', 'node-unclaimed', 'wifi-network-changed']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

export function parseEventsMessage(value: unknown): EventsMessage {
  if (!isObject(value) || typeof value.from !== 'string' || !Array.isArray(value.events)) throw new Error('not an events message');
  const events = value.events.map((e): DomainEvent => {
    if (!isObject(e) || !EVENT_TYPES.has(e.type as DomainEventType) || typeof e.locationId !== 'string') throw new Error('malformed domain event');
    if (e.nodeIds !== undefined && !isStringArray(e.nodeIds)) throw new Error('malformed nodeIds');
    if (e.caches !== undefined && !(isStringArray(e.caches) && e.caches.every((c) => CACHED_INDEXES.has(c as CachedIndex)))) throw new Error('malformed caches');
    return {
      type: e.type as DomainEventType,
      locationId: e.locationId,
      ...(e.nodeIds !== undefined ? { nodeIds: e.nodeIds as string[] } : {}),
      ...(e.caches !== undefined ? { caches: e.caches as CachedIndex[] } : {}),
    };
  });
  return { from: value.from, events };
}

export function parseStatusMessage(value: unknown): StatusMessage {
  if (!isObject(value) || typeof value.from !== 'string' || typeof value.nodeId !== 'string' || typeof value.serial !== 'string') throw new Error('not a status message');
  return { from: value.from, nodeId: value.nodeId, serial: value.serial, statuses: value.statuses };
}

export function encodeStatuses(statuses: readonly NodeNetworkStatus[] | 'offline'): unknown {
  if (statuses === 'offline') return 'offline';
  return JSON.parse(JSON.stringify(statuses, (_key, value: unknown) => (value instanceof Map ? { $map: [...value.entries()] } : value))) as unknown;
}

export function decodeStatuses(encoded: unknown): NodeNetworkStatus[] | 'offline' {
  if (encoded === 'offline') return 'offline';
  if (!Array.isArray(encoded)) throw new Error('malformed statuses');
  return encoded.map((s): NodeNetworkStatus => {
    if (!isObject(s) || typeof s.networkId !== 'string' || typeof s.status !== 'string' || !Array.isArray(s.mismatches)) throw new Error('malformed status');
    const failsAt = typeof s.failsAt === 'string' ? new Date(s.failsAt) : undefined;
    return {
      networkId: s.networkId,
      status: s.status as NodeNetworkStatus['status'],
      mismatches: reviveMaps(s.mismatches) as NodeNetworkStatus['mismatches'],
      ...(failsAt !== undefined ? { failsAt } : {}),
      ...(typeof s.version === 'number' ? { version: s.version } : {}),
    };
  });
}

function reviveMaps(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reviveMaps);
  if (!isObject(value)) return value;
  if (Array.isArray(value.$map) && Object.keys(value).length === 1) {
    return new Map((value.$map as unknown[]).map((entry) => (Array.isArray(entry) ? [reviveMaps(entry[0]), reviveMaps(entry[1])] : [entry, undefined])));
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reviveMaps(v)]));
}
