// RFC 7047 section 2 transports, carried over WebSocket (RFC 6455): one JSON-RPC message per
// text frame, so no stream decoder is needed. A binary frame or a frame that is not one JSON
// object or array breaks that contract and ends the session.

import type { IncomingMessage } from 'node:http';
import { TLSSocket } from 'node:tls';
import type { RawData, WebSocket } from 'ws';
import { closeReason } from './close-reason';
import type { CloseReason } from './close-reason';
import type { PeerInfo } from './message-transport';
import { peerCommonName } from './peer-certificate';
import { TransportBase } from './transport-base';

export interface WebSocketTransportOptions {
  maxMessageBytes?: number;
  maxWriteBufferBytes?: number;
}

const DEFAULT_MAX_WRITE_BUFFER = 16 * 1024 * 1024;
/** RFC 6455 close codes: 1003 unsupported data, 1009 too big, 1001 going away. */
const WS_UNSUPPORTED = 1003;
const WS_TOO_BIG = 1009;
const WS_NORMAL = 1000;

export class WebSocketTransport extends TransportBase {
  readonly peer: PeerInfo;
  private readonly maxMessageBytes: number;
  private readonly maxWriteBuffer: number;

  constructor(
    private readonly ws: WebSocket,
    request: IncomingMessage,
    options: WebSocketTransportOptions = {},
  ) {
    super();
    this.maxMessageBytes = options.maxMessageBytes ?? Number.POSITIVE_INFINITY;
    this.maxWriteBuffer = options.maxWriteBufferBytes ?? DEFAULT_MAX_WRITE_BUFFER;
    const socket = request.socket;
    const tls = socket instanceof TLSSocket;
    this.peer = {
      kind: tls ? 'wss' : 'ws',
      remoteAddress: socket.remoteAddress,
      remotePort: socket.remotePort,
      commonName: tls ? peerCommonName(socket) : undefined,
    };
    ws.on('message', (data: RawData, isBinary: boolean) => this.onMessage(data, isBinary));
    ws.on('error', (err) => this.close(closeReason('SOCKET_ERROR', err.message)));
    ws.on('close', (code: number) =>
      this.close(closeReason('PEER_DISCONNECTED', `websocket closed by peer (code ${code})`)),
    );
  }

  send(message: unknown): void {
    if (this.closeReason) return;
    this.ws.send(JSON.stringify(message));
    if (this.ws.bufferedAmount > this.maxWriteBuffer) {
      this.close(closeReason('WRITE_BUFFER_FULL', `peer left more than ${this.maxWriteBuffer} bytes unread`));
    }
  }

  async whenWritable(): Promise<void> {
    // ws exposes no drain event; poll the buffered amount, which only shrinks as the peer reads.
    while (!this.closeReason && this.ws.bufferedAmount > this.maxWriteBuffer / 2) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  protected shutdown(reason: CloseReason): void {
    if (reason.code === 'PEER_DISCONNECTED' || reason.code === 'SOCKET_ERROR') {
      this.ws.terminate();
      return;
    }
    const code =
      reason.code === 'WS_INVALID_FRAME' || reason.code === 'CODEC_INVALID_JSON'
        ? WS_UNSUPPORTED
        : reason.code === 'CODEC_MESSAGE_TOO_LARGE'
          ? WS_TOO_BIG
          : WS_NORMAL;
    // Close frames carry at most 123 bytes of reason.
    this.ws.close(code, reason.code.slice(0, 120));
    const timer = setTimeout(() => this.ws.terminate(), 2000);
    timer.unref();
    this.ws.once('close', () => clearTimeout(timer));
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (isBinary) {
      this.close(closeReason('WS_INVALID_FRAME', 'binary frame (OVSDB messages are text frames)'));
      return;
    }
    const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
    if (Buffer.byteLength(text) > this.maxMessageBytes) {
      this.close(closeReason('CODEC_MESSAGE_TOO_LARGE', `message exceeds ${this.maxMessageBytes} bytes`));
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      this.close(closeReason('CODEC_INVALID_JSON', `invalid JSON frame: ${(err as Error).message}`));
      return;
    }
    if (value === null || typeof value !== 'object') {
      this.close(closeReason('CODEC_INVALID_JSON', 'frame is not a JSON object or array'));
      return;
    }
    this.deliver(value);
  }
}
