// RFC 7047 section 2, passive side: the controller listens and devices dial in (OpenSync's
// Manager.target). Every accepted connection, whatever its transport, becomes the same
// OvsdbSession. Admission is bounded twice: a token bucket on the accept rate (a fleet
// reconnecting after an outage) and a ceiling on concurrent connections.

import type { AddressInfo, Socket } from 'node:net';
import type { Observable } from 'rxjs';
import { Subject } from 'rxjs';
import type { OvsdbLogger } from '../logger';
import { SILENT_LOGGER } from '../logger';
import type { SchemaRegistry } from '../schema/schema-registry';
import { InactivityProbe } from '../session/inactivity-probe';
import { OvsdbSession } from '../session/ovsdb-session';
import { closeReason } from '../transport/close-reason';
import type { MessageTransport } from '../transport/message-transport';
import { parseListenSpecs } from './listen-spec';
import type { ListenSpec } from './listen-spec';
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
}

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
      this.logger.warn(`${spec.text}: refused connection from ${from}: LISTENER_LIMIT: ${why}`);
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
    const session = new OvsdbSession(transport, {
      probe: this.probe,
      schemaRegistry: this.options.schemaRegistry,
      requestTimeoutMs: this.options.requestTimeoutMs,
      logger: this.logger,
    });
    this.live.add(session);
    void session.closed.then(() => this.live.delete(session));
    this.logger.debug?.(`[${session.label}] session opened`);
    this.sessionSubject.next(session);
  }
}
