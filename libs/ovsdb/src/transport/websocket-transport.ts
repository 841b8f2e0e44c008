// RFC 7047 section 2 transports, carried over WebSocket (RFC 6455): one JSON-RPC message per
// text frame. A binary frame or a frame that is not exactly one JSON object or array breaks
// that contract and ends the session. Frames go through the same decoder as byte streams so
// the size and nesting limits are the same on every transport.

import type { IncomingMessage } from 'node:http';
import { TLSSocket } from 'node:tls';
import type { RawData, WebSocket } from 'ws';
import { encodeMessage } from '../codec/encoded-json';
import { JsonStreamDecoder } from '../codec/json-stream-decoder';
import type { DecoderLimits } from '../codec/json-stream-decoder';
import { OvsdbError } from '../errors';
import { closeReason } from './close-reason';
import type { CloseReason } from './close-reason';
import type { PeerInfo } from './message-transport';
import { peerCommonName } from './peer-certificate';
import { TransportBase } from './transport-base';

export interface WebSocketTransportOptions {
  limits?: Partial<DecoderLimits>;
  maxWriteBufferBytes?: number;
}

const DEFAULT_MAX_WRITE_BUFFER = 16 * 1024 * 1024;
/** RFC 6455 close codes: 1003 unsupported data, 1009 too big, 1001 going away. */
const WS_UNSUPPORTED = 1003;
const WS_TOO_BIG = 1009;
const WS_NORMAL = 1000;

export class WebSocketTransport extends TransportBase {
  readonly peer: PeerInfo;
  private limits: Partial<DecoderLimits>;
  private readonly maxWriteBuffer: number;

  constructor(
    private readonly ws: WebSocket,
    request: IncomingMessage,
    options: WebSocketTransportOptions = {},
  ) {
    super();
    this.limits = options.limits ?? {};
    this.maxWriteBuffer = options.maxWriteBufferBytes ?? DEFAULT_MAX_WRITE_BUFFER;
    const socket = request.socket;
    const tls = socket instanceof TLSSocket;
    this.peer = {
      kind: tls ? 'wss' : 'ws',
      remoteAddress: socket.remoteAddress,
      remotePort: socket.remotePort,
      commonName: tls ? peerCommonName(socket) : undefined,
    };
    ws.on('message', (data: RawData, isBinary: boolean) => this.onFrame(data, isBinary));
    ws.on('error', (err: Error & { code?: string }) => {
      // ws enforces maxPayload and frame validity itself and reports them as errors.
      if (err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') this.close(closeReason('CODEC_MESSAGE_TOO_LARGE', err.message));
      else if (err.code?.startsWith('WS_ERR_')) this.close(closeReason('WS_INVALID_FRAME', err.message));
      else this.close(closeReason('SOCKET_ERROR', err.message));
    });
    ws.on('close', (code: number) =>
      this.close(closeReason('PEER_DISCONNECTED', `websocket closed by peer (code ${code})`)),
    );
  }

  /** ws itself still buffers frames up to the server's maxPayload; larger ones never get here. */
  setMaxMessageBytes(maxMessageBytes: number): void {
    if (!(maxMessageBytes > 0)) throw new RangeError(`message limit must be positive (got ${maxMessageBytes})`);
    this.limits = { ...this.limits, maxMessageBytes };
  }

  send(message: unknown): void {
    if (this.closeReason) return;
    // A text frame either way: OVSDB over WebSocket is JSON text.
    this.ws.send(encodeMessage(message), { binary: false });
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

  private onFrame(data: RawData, isBinary: boolean): void {
    if (isBinary) {
      this.close(closeReason('WS_INVALID_FRAME', 'binary frame (OVSDB messages are text frames)'));
      return;
    }
    const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
    let messages: unknown[];
    try {
      const decoder = new JsonStreamDecoder(this.limits);
      messages = decoder.push(bytes);
      if (messages.length !== 1 || decoder.pendingBytes > 0) {
        throw new OvsdbError('CODEC_INVALID_JSON', 'a text frame must hold exactly one JSON object or array');
      }
    } catch (err) {
      const e = err instanceof OvsdbError ? err : new OvsdbError('CODEC_INVALID_JSON', String(err));
      this.close(closeReason(e.code, e.message));
      return;
    }
    this.deliver(messages[0]);
  }
}
