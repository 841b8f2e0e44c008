// RFC 7047 section 4.1: one peer's session. The controller is the client of a device's
// ovsdb-server (get_schema 4.1.2, list_dbs 4.1.1, transact 4.1.3, monitor 4.1.5 and
// monitor_cond, echo 4.1.11) while also answering the server's own echo probes.
//
// A session may start on admission terms (a peer not yet trusted): small messages only,
// small echo requests only, and liveness proven only by answers to our own requests (a peer
// that merely sends echo requests does not count as alive). establish() lifts them.

import type { Observable } from 'rxjs';
import { from } from 'rxjs';
import { OvsdbError } from '../errors';
import type { OvsdbLogger } from '../logger';
import { SILENT_LOGGER } from '../logger';
import { RpcConnection } from '../rpc/rpc-connection';
import type { RpcNotification } from '../rpc/rpc-message';
import type { DatabaseSchema } from '../schema/database-schema';
import { SchemaRegistry } from '../schema/schema-registry';
import { closeReason, formatCloseReason } from '../transport/close-reason';
import type { CloseReason } from '../transport/close-reason';
import { describePeer } from '../transport/message-transport';
import type { MessageTransport, PeerInfo } from '../transport/message-transport';
import type { DatabaseCache } from '../cache/database-cache';
import { checkTransactResult } from '../ops/transact-result';
import type { Operation, OperationResult } from '../ops/operation';
import type { InactivityProbe, ProbeTarget } from './inactivity-probe';
import { startMonitor } from './monitor';
import type { Monitor, MonitorRequests } from './monitor';
import { DEFAULT_MAX_RESYNCS_PER_MINUTE, monitorResyncStats } from './monitor-resync';
import type { MonitorHost } from './monitor-resync';

export interface OvsdbSessionOptions {
  /** Shared probe that echoes silent peers and closes dead ones; none: no probing. */
  probe?: InactivityProbe;
  /** Where parsed schemas are interned; defaults to one registry for the process. */
  schemaRegistry?: SchemaRegistry;
  /** Default limit for requests other than transact; none when absent. */
  requestTimeoutMs?: number;
  logger?: OvsdbLogger;
  /** Inconsistent monitor updates tolerated (each resyncs its monitor) per clock minute. */
  maxMonitorResyncsPerMinute?: number;
  /** Terms until establish(); none: the session is established from the start. */
  admission?: SessionAdmission;
  /** Called once when the session is established (shared by every session of a listener). */
  onEstablished?: (session: OvsdbSession) => void;
}

/** One object shared by every session of a listener (no per-session copy). */
export interface SessionAdmission {
  /** Largest message accepted from the peer until establish(). */
  readonly maxMessageBytes: number;
  /** Largest accepted after establish(). */
  readonly establishedMaxMessageBytes: number;
  /** Largest echo request (its params as JSON text) answered until establish(); a larger one closes the session. */
  readonly maxEchoBytes: number;
}

/** Close codes that are ordinary ends of a session, not faults worth a warning. */
const ORDINARY_ENDS = new Set(['LOCAL', 'PEER_DISCONNECTED', 'LISTENER_CLOSED']);

const processSchemaRegistry = new SchemaRegistry();

export class OvsdbSession implements ProbeTarget, MonitorHost {
  readonly rpc: RpcConnection;
  readonly closed: Promise<CloseReason>;
  private readonly schemas = new Map<string, DatabaseSchema>();
  private readonly registry: SchemaRegistry;
  private readonly logger: OvsdbLogger;
  private readonly requestTimeoutMs: number | undefined;
  private identity: string | undefined;
  private monitors = 0;
  /** Resyncs in the current clock minute, and that minute (Date.now() / 60 s): small integers. */
  private resyncs = 0;
  private resyncMinute = 0;
  private admitted: boolean;

  constructor(
    readonly transport: MessageTransport,
    private readonly options: OvsdbSessionOptions = {},
  ) {
    this.rpc = new RpcConnection(transport);
    this.registry = options.schemaRegistry ?? processSchemaRegistry;
    this.logger = options.logger ?? SILENT_LOGGER;
    this.requestTimeoutMs = options.requestTimeoutMs;
    this.identity = transport.peer.commonName;
    this.admitted = options.admission === undefined;
    if (options.admission) transport.setMaxMessageBytes(options.admission.maxMessageBytes);
    // ovsdb-server's inactivity probe: answer with the same params, as RFC 7047 4.1.11 asks.
    this.rpc.handle('echo', (params) => this.answerEcho(params));
    this.closed = transport.closed.then((reason) => this.onClosed(reason));
    options.probe?.add(this);
  }

  get peer(): PeerInfo {
    return this.transport.peer;
  }

  /** The device serial: the TLS certificate CN, or what the caller learnt (AWLAN_Node). */
  get serial(): string | undefined {
    return this.identity;
  }

  set serial(serial: string | undefined) {
    this.identity = serial;
  }

  /** Serial and address, for log lines. */
  get label(): string {
    // The CN is shown only when it differs from the serial the caller settled on.
    const cn = this.peer.commonName === this.identity ? undefined : this.peer.commonName;
    const where = describePeer({ ...this.peer, commonName: cn });
    return this.identity === undefined ? where : `serial=${this.identity} ${where}`;
  }

  get closeReason(): CloseReason | undefined {
    return this.transport.closeReason;
  }

  get isClosed(): boolean {
    return this.transport.closeReason !== undefined;
  }

  get closed$(): Observable<CloseReason> {
    return from(this.closed);
  }

  /** The peer's notifications other than those consumed by monitors (update, update2...). */
  get notifications(): Observable<RpcNotification> {
    return this.rpc.notifications;
  }

  /** Liveness for the inactivity probe: before establish(), only answers to our requests count. */
  get lastReceivedAt(): number {
    return this.admitted ? this.rpc.lastReceivedAt : this.rpc.lastAnsweredAt;
  }

  get isEstablished(): boolean {
    return this.admitted;
  }

  /** Lifts the admission terms: the caller now trusts the peer (e.g. it identified itself). */
  establish(): void {
    if (this.admitted) return;
    this.admitted = true;
    const admission = this.options.admission;
    if (admission) this.transport.setMaxMessageBytes(admission.establishedMaxMessageBytes);
    this.options.onEstablished?.(this);
  }

  async listDbs(): Promise<string[]> {
    const result = await this.request('list_dbs', []);
    if (!Array.isArray(result) || !result.every((d) => typeof d === 'string')) {
      throw new OvsdbError('RPC_INVALID_MESSAGE', 'list_dbs result is not an array of strings', result);
    }
    return result;
  }

  /** Fetches and parses the schema once per session; identical schemas share one parse. */
  async getSchema(db: string): Promise<DatabaseSchema> {
    const known = this.schemas.get(db);
    if (known) return known;
    const json = await this.request('get_schema', [db]);
    const schema = this.registry.intern(json);
    this.schemas.set(db, schema);
    return schema;
  }

  /** The schema fetched earlier by getSchema, if any. */
  schema(db: string): DatabaseSchema | undefined {
    return this.schemas.get(db);
  }

  /**
   * Monitors `requests` into `cache` (monitor_cond, or monitor on servers without it).
   * Resolves once the initial contents are in the cache. A later update the cache cannot
   * apply resyncs the monitor (monitorInconsistent); a malformed one closes the session.
   */
  monitor(db: string, requests: MonitorRequests, cache: DatabaseCache): Promise<Monitor> {
    return startMonitor(this.rpc, db, `${db}#${++this.monitors}`, requests, cache, this.requestTimeoutMs, this);
  }

  /** MonitorHost: allows a resync (counted, logged once) unless this minute had too many. */
  monitorInconsistent(monitorId: string, message: string): boolean {
    const minute = Math.floor(Date.now() / 60_000);
    if (minute !== this.resyncMinute) {
      this.resyncMinute = minute;
      this.resyncs = 0;
    }
    const max = this.options.maxMonitorResyncsPerMinute ?? DEFAULT_MAX_RESYNCS_PER_MINUTE;
    if (this.resyncs >= max) {
      monitorResyncStats.sessionsClosed++;
      this.close(closeReason('CACHE_UPDATE_INVALID', `${message} (monitors already resynced ${this.resyncs} times this minute, the limit)`));
      return false;
    }
    this.resyncs++;
    monitorResyncStats.resyncs++;
    this.logger.warn(`[${this.label}] ${message}; resyncing monitor ${monitorId} (monitor_cancel, then a fresh monitor)`);
    return true;
  }

  /**
   * Runs one transaction. Resolves with the typed result of each operation, or rejects with
   * TRANSACTION_FAILED naming the failed operation and the server's error (e.g.
   * "constraint violation", "referential integrity violation").
   */
  async transact(db: string, ops: readonly Operation[], options: { timeoutMs?: number } = {}): Promise<OperationResult[]> {
    const result = await this.rpc.request('transact', [db, ...ops], { timeoutMs: options.timeoutMs ?? this.requestTimeoutMs });
    return checkTransactResult(ops, result, this.schemas.get(db));
  }

  async echo(params: unknown[] = []): Promise<unknown> {
    return this.request('echo', params);
  }

  /** A request with the session's default timeout; for methods this class does not wrap. */
  request(method: string, params: unknown[], timeoutMs = this.requestTimeoutMs): Promise<unknown> {
    return this.rpc.request(method, params, { timeoutMs });
  }

  close(reason: CloseReason | string): void {
    this.transport.close(reason);
  }

  private answerEcho(params: unknown[]): unknown {
    const admission = this.options.admission;
    if (!this.admitted && admission !== undefined && JSON.stringify(params).length > admission.maxEchoBytes) {
      this.close(closeReason('ADMISSION_LIMIT', `echo request larger than ${admission.maxEchoBytes} bytes before the session was established`));
      return null;
    }
    return params;
  }

  sendProbe(): void {
    this.rpc.request('echo', []).catch(() => undefined);
  }

  expire(silentForMs: number): void {
    this.close(closeReason('INACTIVITY', `peer silent for ${silentForMs} ms and did not answer an echo probe`));
  }

  private onClosed(reason: CloseReason): CloseReason {
    this.options.probe?.delete(this);
    const line = `[${this.label}] session closed: ${formatCloseReason(reason)}`;
    if (ORDINARY_ENDS.has(reason.code)) this.logger.log(line);
    else this.logger.warn(line);
    return reason;
  }
}
