// RFC 7047 section 2: JSON-RPC messages back to back on a byte stream (tcp or ssl), split by
// the JsonStreamDecoder. Input that is not JSON, too large or too deep ends the session: a
// stream cannot be resynchronised once framing is lost.

import type { Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import { encodeMessage } from '../codec/encoded-json';
import { JsonStreamDecoder } from '../codec/json-stream-decoder';
import type { DecoderLimits } from '../codec/json-stream-decoder';
import { OvsdbError } from '../errors';
import { closeReason } from './close-reason';
import type { CloseReason } from './close-reason';
import type { PeerInfo } from './message-transport';
import { TransportBase } from './transport-base';
import { peerCommonName } from './peer-certificate';

export interface StreamTransportOptions {
  limits?: Partial<DecoderLimits>;
  /**
   * Output a peer may leave unread before it is dropped. A device that stops reading would
   * otherwise make the controller buffer every update we send it without bound.
   */
  maxWriteBufferBytes?: number;
}

const DEFAULT_MAX_WRITE_BUFFER = 16 * 1024 * 1024;

export class StreamTransport extends TransportBase {
  readonly peer: PeerInfo;
  private readonly decoder: JsonStreamDecoder;
  private readonly maxWriteBuffer: number;
  private drainWaiters: Array<() => void> = [];

  constructor(
    private readonly socket: Socket,
    options: StreamTransportOptions = {},
  ) {
    super();
    this.decoder = new JsonStreamDecoder(options.limits);
    this.maxWriteBuffer = options.maxWriteBufferBytes ?? DEFAULT_MAX_WRITE_BUFFER;
    const tls = socket instanceof TLSSocket;
    this.peer = {
      kind: tls ? 'ssl' : 'tcp',
      remoteAddress: socket.remoteAddress,
      remotePort: socket.remotePort,
      commonName: tls ? peerCommonName(socket) : undefined,
    };
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('drain', () => this.releaseDrainWaiters());
    socket.on('error', (err) => this.close(closeReason('SOCKET_ERROR', err.message)));
    socket.on('close', () => this.close(closeReason('PEER_DISCONNECTED', 'connection closed by peer')));
    socket.on('end', () => this.close(closeReason('PEER_DISCONNECTED', 'peer ended the connection')));
  }

  send(message: unknown): void {
    if (this.closeReason) return;
    this.socket.write(encodeMessage(message));
    if (this.socket.writableLength > this.maxWriteBuffer) {
      this.close(
        closeReason('WRITE_BUFFER_FULL', `peer left more than ${this.maxWriteBuffer} bytes unread`),
      );
    }
  }

  setMaxMessageBytes(maxMessageBytes: number): void {
    this.decoder.setMaxMessageBytes(maxMessageBytes);
  }

  whenWritable(): Promise<void> {
    if (this.closeReason || !this.socket.writableNeedDrain) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  protected shutdown(reason: CloseReason): void {
    this.releaseDrainWaiters();
    if (reason.code === 'PEER_DISCONNECTED' || reason.code === 'SOCKET_ERROR') {
      this.socket.destroy();
      return;
    }
    // Let already queued output (an error reply, say) reach the peer, but do not wait on a
    // peer that does not read.
    this.socket.end();
    const timer = setTimeout(() => this.socket.destroy(), 2000);
    timer.unref();
    this.socket.once('close', () => clearTimeout(timer));
  }

  private onData(chunk: Buffer): void {
    let messages: unknown[];
    try {
      messages = this.decoder.push(chunk);
    } catch (err) {
      const e = err instanceof OvsdbError ? err : new OvsdbError('CODEC_INVALID_JSON', String(err));
      this.close(closeReason(e.code, e.message));
      return;
    }
    for (const m of messages) this.deliver(m);
  }

  private releaseDrainWaiters(): void {
    const waiters = this.drainWaiters;
    this.drainWaiters = [];
    for (const w of waiters) w();
  }
}
