// RFC 7047 section 2 asks only for a reliable ordered channel of JSON values. An in-process
// pair gives one without sockets: used to wire a client to an in-process peer (tests, the
// device simulator). Messages cross as JSON text, so nothing is shared by reference.

import { encodeMessage } from '../codec/encoded-json';
import { closeReason } from './close-reason';
import type { PeerInfo } from './message-transport';
import { TransportBase } from './transport-base';

export class MemoryTransport extends TransportBase {
  private other: MemoryTransport | undefined;
  private maxMessageBytes: number | undefined;

  constructor(readonly peer: PeerInfo) {
    super();
  }

  /** Two connected ends; what one sends, the other receives on a later tick. */
  static pair(peerA: Partial<PeerInfo> = {}, peerB: Partial<PeerInfo> = {}): [MemoryTransport, MemoryTransport] {
    const a = new MemoryTransport({ kind: 'memory', ...peerA });
    const b = new MemoryTransport({ kind: 'memory', ...peerB });
    a.other = b;
    b.other = a;
    return [a, b];
  }

  send(message: unknown): void {
    const other = this.other;
    if (this.closeReason || !other) return;
    const text = encodeMessage(message).toString();
    setImmediate(() => other.receiveText(text));
  }

  /** Delivers raw text as if it had arrived on a wire (lets tests send malformed input). */
  receiveText(text: string): void {
    if (this.maxMessageBytes !== undefined && Buffer.byteLength(text) > this.maxMessageBytes) {
      this.close(closeReason('CODEC_MESSAGE_TOO_LARGE', `message exceeds ${this.maxMessageBytes} bytes`));
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      this.close(closeReason('CODEC_INVALID_JSON', `invalid JSON: ${(err as Error).message}`));
      return;
    }
    this.deliver(value);
  }

  setMaxMessageBytes(maxMessageBytes: number): void {
    this.maxMessageBytes = maxMessageBytes;
  }

  whenWritable(): Promise<void> {
    return Promise.resolve();
  }

  protected shutdown(): void {
    const other = this.other;
    this.other = undefined;
    if (other) setImmediate(() => other.close(closeReason('PEER_DISCONNECTED', 'connection closed by peer')));
  }
}
