// RFC 7047 section 2, passive side: the controller listens and devices dial in (OpenSync's
// Manager.target). Every accepted connection, whatever its transport, becomes the same
// OvsdbSession. Admission is bounded twice: a token bucket on the accept rate (a fleet
// reconnecting after an outage) and a ceiling on concurrent connections. With `admission`,
// a session starts on admission terms (OvsdbSession) until the application establishes it;
// such sessions are capped in total and per source address and closed if not established
// in time, so peers that never identify cannot hold the door shut for those that do.

import type { AddressInfo, Socket } from 'node:net';
import type { Observable } from 'rxjs';
import { Subject } from 'rxjs';
import type { OvsdbLogger } from '../logger';
import { SILENT_LOGGER } from '../logger';
import type { SchemaRegistry } from '../schema/schema-registry';
import { InactivityProbe } from '../session/inactivity-probe';
import { OvsdbSession } from '../session/ovsdb-session';
import type { SessionAdmission } from '../session/ovsdb-session';
import { closeReason } from '../transport/close-reason';
import { describePeer } from '../transport/message-transport';
import type { MessageTransport } from '../transport/message-transport';
import { parseListenSpecs } from './listen-spec';
import type { ListenSpec } from './listen-spec';
import { BoundedLog } from './bounded-log';
import { createListeningServer } from './listener-servers';
import type { ListeningServer, TlsMaterial } from './listener-servers';
import { TokenBucket } from './token-bucket';

export interface OvsdbListenerOptions {
  /** Listen specs, as text (`tcp:0.0.0.0:6640,ssl:...`) or parsed. */
  listen: string | readonly ListenSpec[];
  tls?: TlsMaterial;
  maxSessions?: number;
  acceptPerSecond?: number;
  /** Connections accepted at once after a quiet period; defaults to one second's worth. */
  acceptBurst?: number;
  /**
   * Kernel accept queue length (capped by net.core.somaxconn). Node's 511 overflowed when
   * 10,000 devices dialled within seconds while the event loop parsed their schemas: the
   * kernel then answers with SYN cookies and drops the final ACK, and a device that waits
   * for the controller to speak first sits on a connection the controller never saw.
   */
  backlog?: number;
  /** Echo a silent peer after this long and drop it after twice this; 0 disables. */
  probeIntervalMs?: number;
  maxMessageBytes?: number;
  maxDepth?: number;
  handshakeTimeoutMs?: number;
  requestTimeoutMs?: number;
  schemaRegistry?: SchemaRegistry;
  logger?: OvsdbLogger;
  /** Terms and bounds for sessions not yet established; none: established from the start. */
  admission?: ListenerAdmission;
  /** Counters the listener increments; defaults to an object of its own. */
  stats?: ListenerStats;
}

export interface ListenerAdmission {
  /** Largest message before establishment (e.g. what a get_schema reply needs). */
  maxMessageBytes: number;
  /** Largest echo request answered before establishment. */
  maxEchoBytes: number;
  /** A session not established within this is closed (HANDSHAKE_TIMEOUT). */
  timeoutMs: number;
  /** Sessions not yet established, in total and per source address; more are refused. */
  maxPending: number;
  maxPendingPerAddress: number;
}

/** Plain counters, cumulative since start. */
export interface ListenerStats {
  /** Connections refused because too many sessions were not yet established. */
  refusedPending: number;
  /** Connections refused because their address had too many sessions not yet established. */
  refusedPendingPerAddress: number;
  /** Sessions closed for not being established in time. */
  handshakeTimeouts: number;
}

export function emptyListenerStats(): ListenerStats {
  return { refusedPending: 0, refusedPendingPerAddress: 0, handshakeTimeouts: 0 };
}

interface PendingSession {
  readonly address: string;
  readonly timer: NodeJS.Timeout;
}

/** Refusal lines written per second at most (the counters in `stats` count every one). */
export const REFUSAL_LINES_PER_SECOND = 20;

export interface BoundAddress {
  readonly spec: ListenSpec;
  readonly host: string;
  /** The real port, also when the spec asked for port 0. */
  readonly port: number;
}

const DEFAULTS = {
  maxSessions: 10_000,
  acceptPerSecond: 200,
  probeIntervalMs: 30_000,
  maxMessageBytes: 64 * 1024 * 1024,
  maxDepth: 64,
  handshakeTimeoutMs: 10_000,
  backlog: 4096,
};

export class OvsdbListener {
  readonly specs: readonly ListenSpec[];
  private readonly sessionSubject = new Subject<OvsdbSession>();
  private readonly live = new Set<OvsdbSession>();
  private readonly sockets = new Set<Socket>();
  private readonly servers: Array<{ spec: ListenSpec; server: ListeningServer }> = [];
  private readonly bucket: TokenBucket;
  private readonly probe: InactivityProbe | undefined;
  private readonly logger: OvsdbLogger;
  private readonly maxSessions: number;
  private readonly sessionAdmission: SessionAdmission | undefined;
  private readonly pending = new Map<OvsdbSession, PendingSession>();
  private readonly pendingByAddress = new Map<string, number>();
  private readonly onEstablished = (session: OvsdbSession): void => this.settle(session);
  readonly stats: ListenerStats;
  /** Refusals come at the rate a peer chooses: their log lines are bounded. */
  private readonly refusals: BoundedLog;
  private closing = false;
  private accepting = true;
  private serversClosed: Promise<void> | undefined;

  constructor(private readonly options: OvsdbListenerOptions) {
    this.specs = typeof options.listen === 'string' ? parseListenSpecs(options.listen) : options.listen;
    this.logger = options.logger ?? SILENT_LOGGER;
    this.maxSessions = options.maxSessions ?? DEFAULTS.maxSessions;
    const rate = options.acceptPerSecond ?? DEFAULTS.acceptPerSecond;
    this.bucket = new TokenBucket(rate, options.acceptBurst ?? Math.max(1, rate));
    const probeMs = options.probeIntervalMs ?? DEFAULTS.probeIntervalMs;
    this.probe = probeMs > 0 ? new InactivityProbe(probeMs) : undefined;
    this.stats = options.stats ?? emptyListenerStats();
    this.refusals = new BoundedLog(REFUSAL_LINES_PER_SECOND, (line) => this.logger.warn(line));
    const admission = options.admission;
    this.sessionAdmission = admission && {
      maxMessageBytes: Math.min(admission.maxMessageBytes, options.maxMessageBytes ?? DEFAULTS.maxMessageBytes),
      establishedMaxMessageBytes: options.maxMessageBytes ?? DEFAULTS.maxMessageBytes,
      maxEchoBytes: admission.maxEchoBytes,
    };
  }

  /** Sessions open but not yet established. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** Every new session, from every listen spec. */
  get sessions(): Observable<OvsdbSession> {
    return this.sessionSubject.asObservable();
  }

  get sessionCount(): number {
    return this.live.size;
  }

  /** Sessions open right now, identified by the application or not (read by metrics). */
  get openSessions(): ReadonlySet<OvsdbSession> {
    return this.live;
  }

  get addresses(): BoundAddress[] {
    return this.servers.map(({ spec, server }) => {
      const a = server.address() as AddressInfo;
      return { spec, host: a.address, port: a.port };
    });
  }

  /** Starts every server; if one cannot listen, the others are closed again and it throws. */
  async start(): Promise<BoundAddress[]> {
    const limits = {
      maxMessageBytes: this.options.maxMessageBytes ?? DEFAULTS.maxMessageBytes,
      maxDepth: this.options.maxDepth ?? DEFAULTS.maxDepth,
      handshakeTimeoutMs: this.options.handshakeTimeoutMs ?? DEFAULTS.handshakeTimeoutMs,
    };
    const hooks = {
      admit: (socket: Socket, spec: ListenSpec) => this.admit(socket, spec),
      open: (transport: MessageTransport) => this.open(transport),
      warn: (message: string) => this.logger.warn(message),
    };
    try {
      for (const spec of this.specs) {
        const server = createListeningServer(spec, this.options.tls, limits, hooks);
        this.servers.push({ spec, server });
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen({ port: spec.port, host: spec.host, backlog: this.options.backlog ?? DEFAULTS.backlog }, () => {
            server.off('error', reject);
            resolve();
          });
        });
        server.on('error', (err) => this.logger.warn(`${spec.text}: ${err.message}`));
      }
    } catch (err) {
      await this.close();
      throw err;
    }
    for (const a of this.addresses) this.logger.log(`listening on ${a.spec.kind}:${a.host}:${a.port}`);
    return this.addresses;
  }

  /**
   * Stops listening for new connections and refuses any still arriving; open sessions carry
   * on (a graceful shutdown lets their work finish, then calls close()).
   */
  stopAccepting(): void {
    void this.closeServers();
  }

  /** Stops listening at once; resolves when every server has closed (its connections ended). */
  private closeServers(): Promise<void> {
    this.accepting = false;
    this.serversClosed ??= Promise.all(
      this.servers.map(({ server }) => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()))),
    ).then(() => undefined);
    return this.serversClosed;
  }

  /** Stops listening and closes every session and half-open connection. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    const stopped = this.closeServers();
    for (const s of [...this.live]) s.close(closeReason('LISTENER_CLOSED', 'listener shut down'));
    for (const socket of [...this.sockets]) socket.destroy();
    await Promise.all([...this.live].map((s) => s.closed));
    await stopped;
    this.probe?.stop();
    this.sessionSubject.complete();
  }

  private admit(socket: Socket, spec: ListenSpec): boolean {
    const from = `${socket.remoteAddress}:${socket.remotePort}`;
    const refuse = (why: string): boolean => {
      this.refusals.line(`${spec.text}: refused connection from ${from}: LISTENER_LIMIT: ${why}`);
      return false;
    };
    if (this.closing || !this.accepting) return false;
    if (this.sockets.size >= this.maxSessions) return refuse(`${this.maxSessions} sessions already open`);
    if (!this.bucket.tryTake()) return refuse('accept rate exceeded');
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    return true;
  }

  private open(transport: MessageTransport): void {
    if (this.closing || !this.accepting) {
      transport.close(closeReason('LISTENER_CLOSED', 'listener shut down'));
      return;
    }
    const admission = this.options.admission;
    if (admission && !this.admitPending(transport, admission)) return;
    const session = new OvsdbSession(transport, {
      probe: this.probe,
      schemaRegistry: this.options.schemaRegistry,
      requestTimeoutMs: this.options.requestTimeoutMs,
      logger: this.logger,
      admission: this.sessionAdmission,
      onEstablished: this.onEstablished,
    });
    this.live.add(session);
    if (admission) this.track(session, admission.timeoutMs);
    void session.closed.then(() => {
      this.live.delete(session);
      this.settle(session);
    });
    this.logger.debug?.(`[${session.label}] session opened`);
    this.sessionSubject.next(session);
  }

  private admitPending(transport: MessageTransport, admission: ListenerAdmission): boolean {
    const address = transport.peer.remoteAddress ?? '';
    const refuse = (why: string): boolean => {
      this.refusals.line(`refused connection from ${describePeer(transport.peer)}: LISTENER_LIMIT: ${why}`);
      transport.close(closeReason('LISTENER_LIMIT', why));
      return false;
    };
    if (this.pending.size >= admission.maxPending) {
      this.stats.refusedPending++;
      return refuse(`${admission.maxPending} sessions not yet established`);
    }
    if ((this.pendingByAddress.get(address) ?? 0) >= admission.maxPendingPerAddress) {
      this.stats.refusedPendingPerAddress++;
      return refuse(`${admission.maxPendingPerAddress} sessions from this address not yet established`);
    }
    return true;
  }

  private track(session: OvsdbSession, timeoutMs: number): void {
    const address = session.peer.remoteAddress ?? '';
    const timer = setTimeout(() => {
      if (!this.pending.has(session)) return;
      this.stats.handshakeTimeouts++;
      session.close(closeReason('HANDSHAKE_TIMEOUT', `not established within ${timeoutMs} ms`));
    }, timeoutMs);
    timer.unref();
    this.pending.set(session, { address, timer });
    this.pendingByAddress.set(address, (this.pendingByAddress.get(address) ?? 0) + 1);
  }

  /** The session left the pending set: established, or closed. */
  private settle(session: OvsdbSession): void {
    const entry = this.pending.get(session);
    if (entry === undefined) return;
    this.pending.delete(session);
    clearTimeout(entry.timer);
    const left = (this.pendingByAddress.get(entry.address) ?? 1) - 1;
    if (left > 0) this.pendingByAddress.set(entry.address, left);
    else this.pendingByAddress.delete(entry.address);
  }
}
