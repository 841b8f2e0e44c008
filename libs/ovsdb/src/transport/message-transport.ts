// RFC 7047 section 2: OVSDB runs JSON-RPC over a reliable stream (tcp, ssl, unix) and, in
// this project, also over WebSocket. A MessageTransport hides which one: it carries whole
// JSON values both ways and reports how and why it ended.

import type { Observable } from 'rxjs';
import type { CloseReason } from './close-reason';

export type TransportKind = 'tcp' | 'ssl' | 'ws' | 'wss' | 'memory';

export interface PeerInfo {
  readonly kind: TransportKind;
  readonly remoteAddress?: string;
  readonly remotePort?: number;
  /** Subject CN of the verified TLS client certificate (ssl, wss); on OpenSync the serial. */
  readonly commonName?: string;
}

export interface MessageTransport {
  readonly peer: PeerInfo;
  /** Every received JSON value, in order. Completes when the transport closes. */
  readonly messages: Observable<unknown>;
  /** The same as a plain listener, for per-session wiring; returns its removal. */
  onMessage(listener: (message: unknown) => void): () => void;
  /** Resolves once, with the first reason the transport ended for. */
  readonly closed: Promise<CloseReason>;
  readonly closeReason: CloseReason | undefined;
  /** Serialises and queues one message; ignored once closed. */
  send(message: unknown): void;
  /** Resolves when queued output has drained below the transport's high-water mark. */
  whenWritable(): Promise<void>;
  close(reason: CloseReason | string): void;
  /** Changes the largest message accepted from the peer from now on (RFC 7047 s2 framing limits). */
  setMaxMessageBytes(maxMessageBytes: number): void;
}

export function describePeer(peer: PeerInfo): string {
  const address = peer.remoteAddress === undefined ? '' : `${peer.remoteAddress}:${peer.remotePort ?? ''}`;
  const cn = peer.commonName === undefined ? '' : ` cn=${peer.commonName}`;
  return `${peer.kind}:${address}${cn}`;
}
