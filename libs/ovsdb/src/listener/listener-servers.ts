// RFC 7047 section 2, passive side: one Node server per listen spec. ssl and wss demand a
// client certificate signed by the configured CA (mutual TLS, as OpenSync devices use);
// ws and wss carry one JSON-RPC message per WebSocket text frame.

import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer } from 'node:net';
import type { Server as NetServer, Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import type { TLSSocket } from 'node:tls';
import { WebSocketServer } from 'ws';
import { OvsdbError } from '../errors';
import type { MessageTransport } from '../transport/message-transport';
import { StreamTransport } from '../transport/stream-transport';
import { WebSocketTransport } from '../transport/websocket-transport';
import { clientCertificateProblem, verificationOf } from './client-certificate';
import type { ListenSpec } from './listen-spec';

export interface TlsMaterial {
  /** PEM texts (not file names): the listener's certificate chain, key, and the CA for peers. */
  readonly cert: string | Buffer;
  readonly key: string | Buffer;
  readonly ca: string | Buffer;
}

export interface ServerHooks {
  /** Every raw connection, before any handshake; false means refused (already destroyed). */
  admit(socket: Socket, spec: ListenSpec): boolean;
  /** A transport ready for a session. */
  open(transport: MessageTransport, spec: ListenSpec): void;
  /** Something the operator should hear about (failed handshake, bad upgrade). */
  warn(message: string): void;
}

export interface ServerLimits {
  maxMessageBytes: number;
  maxDepth: number;
  handshakeTimeoutMs: number;
}

export type ListeningServer = NetServer | HttpServer;

function requireTls(spec: ListenSpec, tls: TlsMaterial | undefined): TlsMaterial {
  if (!tls) throw new OvsdbError('LISTENER_INVALID_SPEC', `${spec.text} needs a certificate, a key and a CA`);
  return tls;
}

function tlsOptions(tls: TlsMaterial, handshakeTimeoutMs: number) {
  return {
    cert: tls.cert,
    key: tls.key,
    ca: tls.ca,
    requestCert: true,
    // Verified after the handshake (client-certificate.ts), before anything is read.
    rejectUnauthorized: false,
    handshakeTimeout: handshakeTimeoutMs,
  };
}

function refuseHttp(_req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(426, { 'content-type': 'text/plain', upgrade: 'websocket' });
  res.end('OVSDB over WebSocket: upgrade required\n');
}

export function createListeningServer(
  spec: ListenSpec,
  tls: TlsMaterial | undefined,
  limits: ServerLimits,
  hooks: ServerHooks,
): ListeningServer {
  const streamOptions = { limits: { maxMessageBytes: limits.maxMessageBytes, maxDepth: limits.maxDepth } };
  const tlsError = (err: Error, socket: { remoteAddress?: string; remotePort?: number }): void =>
    hooks.warn(`${spec.text}: TLS handshake with ${socket.remoteAddress ?? 'a peer that already left'}:${socket.remotePort ?? ''} failed: ${err.message}`);
  /** True when the peer's certificate is verified; otherwise logs why and destroys the socket. */
  const verified = (socket: TLSSocket): boolean => {
    const problem = clientCertificateProblem(verificationOf(socket));
    if (problem === undefined) return true;
    hooks.warn(`${spec.text}: TLS handshake with ${socket.remoteAddress}:${socket.remotePort} refused: ${problem}`);
    socket.destroy();
    return false;
  };
  let server: ListeningServer;
  switch (spec.kind) {
    case 'tcp':
      server = createTcpServer((socket) => {
        // The admission listener below runs first and may have refused the socket already.
        if (!socket.destroyed) hooks.open(new StreamTransport(socket, streamOptions), spec);
      });
      break;
    case 'ssl': {
      const tlsServer = createTlsServer(tlsOptions(requireTls(spec, tls), limits.handshakeTimeoutMs), (socket: TLSSocket) => {
        if (verified(socket)) hooks.open(new StreamTransport(socket, streamOptions), spec);
      });
      tlsServer.on('tlsClientError', tlsError);
      server = tlsServer;
      break;
    }
    case 'ws':
    case 'wss': {
      const http =
        spec.kind === 'ws'
          ? createHttpServer(refuseHttp)
          : createHttpsServer(tlsOptions(requireTls(spec, tls), limits.handshakeTimeoutMs), refuseHttp);
      if (spec.kind === 'wss') {
        http.on('tlsClientError', tlsError);
        // Ahead of the HTTP parser: an unverified peer never gets a request read.
        http.prependListener('secureConnection', (socket: TLSSocket) => void verified(socket));
      }
      const wss = new WebSocketServer({ server: http, path: spec.path, maxPayload: limits.maxMessageBytes });
      wss.on('connection', (ws, req) =>
        hooks.open(new WebSocketTransport(ws, req, streamOptions), spec),
      );
      wss.on('wsClientError', (err, socket) => {
        const from = (socket as Socket).remoteAddress ?? 'unknown address';
        hooks.warn(`${spec.text}: bad WebSocket upgrade from ${from}: ${err.message}`);
      });
      http.on('close', () => wss.close());
      server = http;
      break;
    }
  }
  // Admission runs on the raw connection so refused peers cost no TLS handshake. For tls
  // and https servers 'connection' carries the raw TCP socket, ahead of the handshake.
  server.prependListener('connection', (socket: Socket) => {
    if (!hooks.admit(socket, spec)) socket.destroy();
  });
  return server;
}
