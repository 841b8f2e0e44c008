// RFC 7047 section 4.1.5 (monitor) and 4.1.6 (update), plus OVS's monitor_cond extension
// (update2 notation with row diffs, ovsdb-server(5)). monitor_cond is tried first because
// its diffs are smaller; a server too old for it answers "unknown method" and gets monitor.
// The initial reply and every later notification for this monitor feed one DatabaseCache.

import type { DatabaseCache } from '../cache/database-cache';
import type { UpdateNotation } from '../cache/update-planner';
import { OvsdbError } from '../errors';
import type { RpcConnection } from '../rpc/rpc-connection';
import type { RpcNotification } from '../rpc/rpc-message';
import { rpcErrorName, rpcIdKey } from '../rpc/rpc-message';
import { closeReason } from '../transport/close-reason';

export interface MonitorSelect {
  initial?: boolean;
  insert?: boolean;
  delete?: boolean;
  modify?: boolean;
}

export interface MonitorTableRequest {
  /** Columns to monitor; the columns the cache was built for when absent. */
  columns?: readonly string[];
  select?: MonitorSelect;
}

/** Table name -> what to monitor in it. Every table must be one the cache holds. */
export type MonitorRequests = Readonly<Record<string, MonitorTableRequest>>;

export type MonitorMethod = 'monitor_cond' | 'monitor';

export interface Monitor {
  readonly id: string;
  readonly method: MonitorMethod;
  /** Stops the notifications (monitor_cancel) and detaches the cache. */
  cancel(): Promise<void>;
}

const NOTIFICATION_FOR: Record<MonitorMethod, { method: string; notation: UpdateNotation }> = {
  monitor_cond: { method: 'update2', notation: 'update2' },
  monitor: { method: 'update', notation: 'update' },
};

/** Requests for every table the cache holds, with the cache's columns. */
export function monitorEveryCachedTable(cache: DatabaseCache): MonitorRequests {
  return Object.fromEntries(cache.tableNames.map((name) => [name, {}]));
}

export function wireMonitorRequests(requests: MonitorRequests, cache: DatabaseCache): Record<string, object> {
  const out: Record<string, object> = {};
  for (const [table, request] of Object.entries(requests)) {
    const cached = cache.table(table);
    if (!cached) throw new OvsdbError('OP_INVALID', `monitor: table ${table} is not held by the cache`);
    const wire: { columns: string[]; select?: MonitorSelect } = { columns: [...(request.columns ?? cached.columns)] };
    if (request.select) wire.select = { ...request.select };
    out[table] = wire;
  }
  return out;
}

function isUnknownMethod(err: unknown): boolean {
  return err instanceof OvsdbError && err.code === 'RPC_ERROR' && rpcErrorName(err.details) === 'unknown method';
}

/**
 * Starts a monitor and applies its initial contents. A cache that already holds rows (a
 * previous session's) is cleared first: after a reconnect only a full resync is correct.
 */
export async function startMonitor(
  rpc: RpcConnection,
  db: string,
  id: string,
  requests: MonitorRequests,
  cache: DatabaseCache,
  timeoutMs: number | undefined,
): Promise<Monitor> {
  const wire = wireMonitorRequests(requests, cache);
  const idKey = rpcIdKey(id);
  // Notifications may in principle overtake nothing, but buffering until the initial reply
  // is applied keeps the order right whatever the server does.
  let buffered: RpcNotification[] | undefined = [];
  let notation: UpdateNotation = 'update2';
  const apply = (n: RpcNotification): void => {
    try {
      cache.applyTableUpdates(n.params[1], notation);
    } catch (err) {
      const e = err instanceof OvsdbError ? err : new OvsdbError('CACHE_UPDATE_INVALID', String(err));
      rpc.close(closeReason(e.code, `${n.method} for monitor ${id}: ${e.message}`));
    }
  };
  const stopListening = rpc.onNotification((n) => {
    if ((n.method !== 'update' && n.method !== 'update2') || n.params.length < 2) return;
    if (n.params[0] === null || rpcIdKey(n.params[0] as string) !== idKey) return;
    if (buffered) buffered.push(n);
    else apply(n);
  });

  let method: MonitorMethod = 'monitor_cond';
  let initial: unknown;
  try {
    try {
      initial = await rpc.request(method, [db, id, wire], { timeoutMs });
    } catch (err) {
      if (!isUnknownMethod(err)) throw err;
      method = 'monitor';
      initial = await rpc.request(method, [db, id, wire], { timeoutMs });
    }
    notation = NOTIFICATION_FOR[method].notation;
    if (cache.size > 0) cache.clear();
    cache.applyTableUpdates(initial, notation);
  } catch (err) {
    stopListening();
    throw err;
  }
  const early = buffered;
  buffered = undefined;
  for (const n of early) if (n.method === NOTIFICATION_FOR[method].method) apply(n);

  return {
    id,
    method,
    cancel: async () => {
      stopListening();
      if (!rpc.closeReason) await rpc.request('monitor_cancel', [id], { timeoutMs });
    },
  };
}
