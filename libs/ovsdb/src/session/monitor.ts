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
import type { CloseCode } from '../transport/close-reason';
import { monitorResyncStats, resyncMonitorId } from './monitor-resync';
import type { MonitorHost } from './monitor-resync';

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
  /** The monitor id on the wire; a resync replaces it. */
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
 * An update the cache cannot apply (CACHE_UPDATE_INVALID: a modify or delete of a row it
 * does not hold...) resyncs the monitor when `host` allows it (monitor-resync.ts): the
 * cache is marked stale, the monitor is cancelled and started again under a new id, and
 * its initial contents replace the replica (one `cleared` batch, then the rows). Any other
 * failure, or a resync refused or failed, closes the session.
 */
export async function startMonitor(
  rpc: RpcConnection,
  db: string,
  id: string,
  requests: MonitorRequests,
  cache: DatabaseCache,
  timeoutMs: number | undefined,
  host?: MonitorHost,
): Promise<Monitor> {
  const feed = new MonitorFeed(rpc, db, id, requests, cache, timeoutMs, host);
  await feed.start();
  return feed;
}

/**
 * One monitor feeding one cache. A class rather than closures: state in fields, behaviour
 * on the prototype, so a session pays for one object and one listener (10,000 sessions).
 */
class MonitorFeed implements Monitor {
  method: MonitorMethod = 'monitor_cond';
  private idKey: string;
  /** Notifications that arrived before the initial reply was applied; none afterwards. */
  private buffered: RpcNotification[] | undefined = [];
  private stopped = false;
  private readonly stopListening: () => void;

  constructor(
    private readonly rpc: RpcConnection,
    private readonly db: string,
    public id: string,
    private readonly requests: MonitorRequests,
    private readonly cache: DatabaseCache,
    private readonly timeoutMs: number | undefined,
    private readonly host: MonitorHost | undefined,
  ) {
    this.idKey = rpcIdKey(id);
    this.stopListening = rpc.onNotification((n) => this.onNotification(n));
  }

  async start(): Promise<void> {
    const wire = wireMonitorRequests(this.requests, this.cache);
    let initial: unknown;
    try {
      try {
        initial = await this.rpc.request(this.method, [this.db, this.id, wire], { timeoutMs: this.timeoutMs });
      } catch (err) {
        if (!isUnknownMethod(err)) throw err;
        this.method = 'monitor';
        initial = await this.rpc.request(this.method, [this.db, this.id, wire], { timeoutMs: this.timeoutMs });
      }
      if (this.cache.size > 0) this.cache.clear();
      this.cache.applyTableUpdates(initial, NOTIFICATION_FOR[this.method].notation);
    } catch (err) {
      this.stopListening();
      throw err;
    }
    this.flush();
  }

  async cancel(): Promise<void> {
    this.stopped = true;
    this.stopListening();
    if (!this.rpc.closeReason) await this.rpc.request('monitor_cancel', [this.id], { timeoutMs: this.timeoutMs });
  }

  private onNotification(n: RpcNotification): void {
    if ((n.method !== 'update' && n.method !== 'update2') || n.params.length < 2) return;
    if (n.params[0] === null || rpcIdKey(n.params[0] as string) !== this.idKey) return;
    if (this.buffered) this.buffered.push(n);
    else this.apply(n);
  }

  private apply(n: RpcNotification): void {
    try {
      this.cache.applyTableUpdates(n.params[1], NOTIFICATION_FOR[this.method].notation);
    } catch (err) {
      const e = err instanceof OvsdbError ? err : new OvsdbError('CACHE_UPDATE_INVALID', String(err));
      const message = `${n.method} for monitor ${this.id}: ${e.message}`;
      if (e.code === 'CACHE_UPDATE_INVALID' && this.host?.monitorInconsistent(this.id, message)) void this.resync();
      else this.fail(e.code, message);
    }
  }

  /** Applies what arrived for the current id while its initial reply was awaited. */
  private flush(): void {
    const early = this.buffered ?? [];
    this.buffered = undefined;
    const expected = NOTIFICATION_FOR[this.method].method;
    for (const n of early) {
      // An earlier one may have started a resync: the rest belong to the replaced monitor.
      if (this.buffered !== undefined || rpcIdKey(n.params[0] as string) !== this.idKey) return;
      if (n.method === expected) this.apply(n);
    }
  }

  private async resync(): Promise<void> {
    const replaced = this.id;
    this.id = resyncMonitorId(this.id.replace(/~\d+$/, ''));
    this.idKey = rpcIdKey(this.id);
    this.buffered = [];
    this.cache.markStale();
    try {
      // Sent back to back: the server answers in order; nothing of the old id is applied.
      const wire = wireMonitorRequests(this.requests, this.cache);
      const [, initial] = await Promise.all([
        this.rpc.request('monitor_cancel', [replaced], { timeoutMs: this.timeoutMs }).catch(() => undefined),
        this.rpc.request(this.method, [this.db, this.id, wire], { timeoutMs: this.timeoutMs }),
      ]);
      if (this.stopped) return;
      this.cache.replaceAll(initial, NOTIFICATION_FOR[this.method].notation);
    } catch (err) {
      // A session that ended meanwhile is no failed resync.
      if (this.rpc.closeReason || this.stopped) return;
      monitorResyncStats.resyncFailures++;
      this.fail('CACHE_UPDATE_INVALID', `resync of monitor ${replaced} failed: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    this.flush();
  }

  private fail(code: CloseCode, message: string): void {
    if (!this.rpc.closeReason) this.rpc.close(closeReason(code, message));
  }
}
