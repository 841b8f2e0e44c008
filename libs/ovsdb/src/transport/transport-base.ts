// RFC 7047 section 2: common life cycle of every transport, so each concrete one only moves
// bytes. The first close reason wins; later ones (the socket's own 'close' after we ended it)
// are ignored.

import type { Observable } from 'rxjs';
import { EventStream } from '../events/event-stream';
import { toCloseReason } from './close-reason';
import type { CloseReason } from './close-reason';
import type { MessageTransport, PeerInfo } from './message-transport';

export abstract class TransportBase implements MessageTransport {
  abstract readonly peer: PeerInfo;
  readonly closed: Promise<CloseReason>;
  private readonly incoming = new EventStream<unknown>();
  private resolveClosed!: (reason: CloseReason) => void;
  private reason: CloseReason | undefined;

  constructor() {
    this.closed = new Promise((resolve) => (this.resolveClosed = resolve));
  }

  get messages(): Observable<unknown> {
    return this.incoming.asObservable();
  }

  onMessage(listener: (message: unknown) => void): () => void {
    return this.incoming.listen(listener);
  }

  get closeReason(): CloseReason | undefined {
    return this.reason;
  }

  abstract send(message: unknown): void;
  abstract whenWritable(): Promise<void>;
  abstract setMaxMessageBytes(maxMessageBytes: number): void;

  close(reason: CloseReason | string): void {
    if (this.reason) return;
    this.reason = toCloseReason(reason);
    this.shutdown(this.reason);
    this.incoming.end();
    this.resolveClosed(this.reason);
  }

  /** Releases the underlying socket; called once. */
  protected abstract shutdown(reason: CloseReason): void;

  protected deliver(message: unknown): void {
    if (!this.reason) this.incoming.emit(message);
  }
}
