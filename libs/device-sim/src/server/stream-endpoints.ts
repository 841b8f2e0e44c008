// RFC 7047 s2 and ovsdb-server(1) "--remote": where an OVSDB server meets its clients.
// Passive specs (punix:PATH, ptcp:PORT[:IP]) accept connections; active specs (unix:PATH,
// tcp:IP:PORT, ssl:IP:PORT) dial out, which is how a device reaches its controller.
import { connect as netConnect, createServer, isIP, Server, Socket } from 'node:net';
import { connect as tlsConnect, ConnectionOptions } from 'node:tls';
import { OvsdbError, RpcConnection, StreamTransport } from '@lib/ovsdb';

export type EndpointSpec =
  | { readonly kind: 'punix'; readonly path: string }
  | { readonly kind: 'ptcp'; readonly port: number; readonly host: string }
  | { readonly kind: 'unix'; readonly path: string }
  | { readonly kind: 'tcp' | 'ssl'; readonly host: string; readonly port: number };

export function parseEndpoint(spec: string): EndpointSpec {
  const [kind, ...rest] = spec.split(':');
  const tail = rest.join(':');
  const bad = (): never => {
    throw new OvsdbError('LISTENER_INVALID_SPEC', `invalid OVSDB endpoint "${spec}"`);
  };
  switch (kind) {
    case 'punix':
    case 'unix':
      if (!tail) bad();
      return { kind, path: tail };
    case 'ptcp': {
      const [port, host] = [rest[0], rest.slice(1).join(':') || '0.0.0.0'];
      if (!/^\d+$/.test(port ?? '')) bad();
      return { kind, port: Number(port), host };
    }
    case 'tcp':
    case 'ssl': {
      const idx = tail.lastIndexOf(':');
      const port = tail.slice(idx + 1);
      if (idx <= 0 || !/^\d+$/.test(port)) bad();
      return { kind, host: tail.slice(0, idx).replace(/^\[|\]$/g, ''), port: Number(port) };
    }
    default:
      return bad();
  }
}

export interface DialOptions {
  /** Client certificate and trust for ssl: (the certificate's CN names the device). */
  readonly tls?: Pick<ConnectionOptions, 'key' | 'cert' | 'ca' | 'rejectUnauthorized' | 'servername'>;
  /** Source address for tcp/ssl, to spread many simulated devices over 127.0.0.x. */
  readonly localAddress?: string;
}

/** Dials an active endpoint; resolves once connected (TLS handshake included). */
export function dial(spec: EndpointSpec, options: DialOptions = {}): Promise<RpcConnection> {
  return new Promise((resolve, reject) => {
    let socket: Socket;
    const ready = (): void => {
      socket.off('error', reject);
      resolve(new RpcConnection(new StreamTransport(socket)));
    };
    if (spec.kind === 'unix') socket = netConnect(spec.path, ready);
    else if (spec.kind === 'tcp') socket = netConnect({ host: spec.host, port: spec.port, localAddress: options.localAddress }, ready);
    else if (spec.kind === 'ssl') {
      // TLS over a plain socket we opened, so that the source address can be chosen.
      const raw = netConnect({ host: spec.host, port: spec.port, localAddress: options.localAddress });
      raw.once('error', reject);
      socket = tlsConnect({ socket: raw, servername: isIP(spec.host) ? undefined : spec.host, ...options.tls }, ready);
    } else {
      reject(new OvsdbError('LISTENER_INVALID_SPEC', `${spec.kind}: is passive and cannot be dialled`));
      return;
    }
    socket.once('error', reject);
  });
}

/** Listens on a passive endpoint; each accepted connection is handed over as an RpcConnection. */
export function listen(spec: EndpointSpec, onConnection: (rpc: RpcConnection) => void): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer((socket) => onConnection(new RpcConnection(new StreamTransport(socket))));
    server.once('error', reject);
    const done = (): void => {
      server.off('error', reject);
      resolve(server);
    };
    if (spec.kind === 'punix') server.listen(spec.path, done);
    else if (spec.kind === 'ptcp') server.listen(spec.port, spec.host, done);
    else reject(new OvsdbError('LISTENER_INVALID_SPEC', `${spec.kind}: is active and cannot be listened on`));
  });
}
