// The gateway's TCP (or TLS) listener, started with the application when HOME_API_LISTEN is
// set. Each accepted connection is identified as one MSO or closed; its transactions then
// go to the dispatcher with that MSO's principal.

import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { AddressInfo, createServer, Server, Socket } from 'node:net';
import { createServer as createTlsServer, TLSSocket } from 'node:tls';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { HomeApiConfig } from './home-api-config';
import { HomeApiConnection } from './home-api-connection';
import { HomeApiDispatcher } from './home-api-dispatcher';
import { MsoDirectory } from './mso-directory';
import { plainAddress } from './mso-principal';

/** Connections at once, all MSOs together; legacy clients open a handful each. */
const MAX_CONNECTIONS = 256;

@Injectable()
export class HomeApiListenerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('HomeApiListener');
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly directory: MsoDirectory,
    private readonly dispatcher: HomeApiDispatcher,
  ) {}

  /** The bound port (HOME_API_LISTEN may ask for port 0); undefined while not listening. */
  get port(): number | undefined {
    const address = this.server?.address();
    return address !== null && typeof address === 'object' ? (address as AddressInfo).port : undefined;
  }

  async onApplicationBootstrap(): Promise<void> {
    const config = this.config.homeApi;
    if (config === undefined) return;
    const server = config.tlsCertFile !== undefined ? this.tlsServer(config) : createServer((socket) => this.accept(socket, undefined, config));
    server.maxConnections = MAX_CONNECTIONS;
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.logger.log(`@Home API 2.0 gateway listening on ${config.host}:${this.port}${config.tlsCertFile !== undefined ? ' (TLS)' : ''}`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private tlsServer(config: HomeApiConfig): Server {
    const server = createTlsServer({
      cert: readFileSync(config.tlsCertFile as string),
      key: readFileSync(config.tlsKeyFile as string),
      ca: readFileSync(config.tlsCaFile as string),
      requestCert: true,
      rejectUnauthorized: true,
      handshakeTimeout: 10_000,
    });
    server.on('secureConnection', (socket: TLSSocket) => {
      const cn = socket.getPeerCertificate().subject?.CN;
      this.accept(socket, typeof cn === 'string' ? cn : '', config);
    });
    server.on('tlsClientError', (error, socket) => {
      this.logger.warn(`TLS handshake from ${plainAddress(socket.remoteAddress)} failed: ${error.message}`);
    });
    return server;
  }

  private accept(socket: Socket, certificateName: string | undefined, config: HomeApiConfig): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    // A reset while the MSO is looked up must not become an unhandled 'error' event.
    socket.on('error', () => undefined);
    socket.pause();
    const address = plainAddress(socket.remoteAddress);
    this.directory.identify(socket.remoteAddress, certificateName).then(
      (found) => {
        if ('refused' in found) {
          this.logger.warn(`connection from ${address} refused: ${found.refused}`);
          socket.destroy();
          return;
        }
        const { name, principal } = found.mso;
        const label = `MSO ${name} (${address})`;
        this.logger.log(`${label} connected`);
        new HomeApiConnection(socket, (request) => this.dispatcher.dispatch(name, principal, request), {
          label,
          idleTimeoutMs: config.idleTimeoutMs,
          maxTransactionBytes: config.maxTransactionBytes,
        });
        socket.once('close', () => this.logger.log(`${label} disconnected`));
        socket.resume();
      },
      (error: unknown) => {
        this.logger.error(`connection from ${address}: ${error instanceof Error ? error.message : String(error)}`);
        socket.destroy();
      },
    );
  }
}
