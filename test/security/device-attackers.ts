// Raw peers that attack the device port the way the security review did: connections that
// stay silent, that only send echo requests, that send oversized messages. Each records
// what it received and whether the controller closed it.

import { connect, createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';

export interface RawPeer {
  readonly socket: Socket;
  /** Bytes received from the controller so far, as text. */
  received(): string;
  readonly closed: Promise<void>;
  isClosed(): boolean;
  destroy(): void;
}

export function openRawPeer(port: number, localAddress?: string): Promise<RawPeer> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, localAddress });
    const chunks: Buffer[] = [];
    let closed = false;
    const closedPromise = new Promise<void>((done) => socket.once('close', () => {
      closed = true;
      done();
    }));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.once('connect', () =>
      resolve({
        socket,
        received: () => Buffer.concat(chunks).toString('utf8'),
        closed: closedPromise,
        isClosed: () => closed,
        destroy: () => socket.destroy(),
      }),
    );
    socket.once('error', reject);
  });
}

/** Opens `count` silent connections from `addresses` in turn (all of 127.0.0.0/8 is loopback). */
export async function openSilentPeers(port: number, count: number, addresses: readonly string[]): Promise<RawPeer[]> {
  const peers: RawPeer[] = [];
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from({ length: Math.min(50, count - i) }, (_, j) => openRawPeer(port, addresses[(i + j) % addresses.length]));
    peers.push(...(await Promise.all(batch)));
  }
  return peers;
}

/** Sends an echo request every `everyMs` and answers nothing the controller asks. */
export function keepEchoing(peer: RawPeer, everyMs: number): void {
  let n = 0;
  const send = (): void => {
    if (peer.isClosed()) return;
    peer.socket.write(JSON.stringify({ method: 'echo', params: [], id: `attacker-${n++}` }));
    setTimeout(send, everyMs).unref();
  };
  send();
}

export function loopbackAddresses(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`);
}

export async function until<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, tries = 1500): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    await new Promise((r) => setTimeout(r, 40));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/**
 * A TCP relay between a device and the controller that can go dead without closing: what
 * the controller sees of a device that lost power (its socket stays open, nothing answers).
 */
export class DeadableRelay {
  private readonly server: Server;
  private readonly pairs: Array<[Socket, Socket]> = [];
  private dead = false;

  private constructor(target: number) {
    this.server = createServer((inbound) => {
      const outbound = connect({ host: '127.0.0.1', port: target });
      this.pairs.push([inbound, outbound]);
      for (const [from, to] of [[inbound, outbound], [outbound, inbound]] as const) {
        from.on('data', (chunk: Buffer) => {
          if (!this.dead) to.write(chunk);
        });
        from.on('error', () => undefined);
        from.on('close', () => {
          if (!this.dead) to.destroy();
        });
      }
    });
  }

  static async start(target: number): Promise<DeadableRelay> {
    const relay = new DeadableRelay(target);
    await new Promise<void>((resolve) => relay.server.listen(0, '127.0.0.1', resolve));
    return relay;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** From now on nothing passes either way and no close is forwarded. */
  goDead(): void {
    this.dead = true;
  }

  async close(): Promise<void> {
    for (const [a, b] of this.pairs) {
      a.destroy();
      b.destroy();
    }
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
