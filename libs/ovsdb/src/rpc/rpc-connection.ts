// RFC 7047 section 4: JSON-RPC 1.0, symmetric. Either side sends requests and notifications;
// the controller is the OVSDB client yet must answer the server's "echo" requests. This
// class correlates responses with requests by id and dispatches the peer's requests to
// registered handlers. Why not the json-rpc-2.0 package: docs/decisions/json-rpc.md.

import type { Observable } from 'rxjs';
import { EventStream } from '../events/event-stream';
import { OvsdbError } from '../errors';
import { closeReason, formatCloseReason } from '../transport/close-reason';
import type { CloseReason } from '../transport/close-reason';
import type { MessageTransport } from '../transport/message-transport';
import {
  errorMessage,
  notificationMessage,
  parseRpcMessage,
  requestMessage,
  resultMessage,
  rpcErrorName,
  rpcIdKey,
} from './rpc-message';
import { RpcErrorReply } from './rpc-error-reply';
import type { RpcMessage, RpcNotification, RpcRequest, RpcResponse } from './rpc-message';

export type RpcRequestHandler = (params: unknown[]) => unknown;

export interface RpcRequestOptions {
  /** Fails the request with TIMEOUT if no answer comes in time. No limit when absent. */
  timeoutMs?: number;
}

interface Pending {
  readonly method: string;
  readonly resolve: (result: unknown) => void;
  readonly reject: (err: OvsdbError) => void;
  timer?: NodeJS.Timeout;
}

/** Late answers to timed-out requests are tolerated, not treated as unknown ids. */
const REMEMBERED_TIMEOUTS = 64;

export class RpcConnection {
  /** Time (Date.now) the last message of any kind arrived; read by the inactivity probe. */
  lastReceivedAt = Date.now();
  /** Time (Date.now) the last answer to one of OUR requests arrived: proof the peer listens. */
  lastAnsweredAt = this.lastReceivedAt;
  private nextId = 1;
  private readonly pending = new Map<string, Pending>();
  private readonly timedOut: string[] = [];
  private readonly handlers = new Map<string, RpcRequestHandler>();
  private readonly notificationStream = new EventStream<RpcNotification>();

  constructor(readonly transport: MessageTransport) {
    transport.onMessage((raw) => this.onMessage(raw));
    void transport.closed.then((reason) => this.onClosed(reason));
  }

  get notifications(): Observable<RpcNotification> {
    return this.notificationStream.asObservable();
  }

  /** The peer's notifications, to a plain listener (a monitor's); returns its removal. */
  onNotification(listener: (notification: RpcNotification) => void): () => void {
    return this.notificationStream.listen(listener);
  }

  get closed(): Promise<CloseReason> {
    return this.transport.closed;
  }

  get closeReason(): CloseReason | undefined {
    return this.transport.closeReason;
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  /**
   * Answers the peer's requests for `method` with the handler's (awaited) return value. A
   * handler that throws RpcErrorReply has its value sent verbatim as the response's error;
   * an OvsdbError is sent as {error: code, details: message}.
   */
  handle(method: string, handler: RpcRequestHandler): void {
    this.handlers.set(method, handler);
  }

  request(method: string, params: unknown[], options: RpcRequestOptions = {}): Promise<unknown> {
    const reason = this.transport.closeReason;
    if (reason) return Promise.reject(this.closedError(method, reason));
    const id = this.nextId++;
    const key = rpcIdKey(id);
    return new Promise<unknown>((resolve, reject) => {
      const entry: Pending = { method, resolve, reject };
      if (options.timeoutMs !== undefined) {
        entry.timer = setTimeout(() => this.onTimeout(key, entry, options.timeoutMs ?? 0), options.timeoutMs);
      }
      this.pending.set(key, entry);
      this.transport.send(requestMessage(method, params, id));
    });
  }

  notify(method: string, params: unknown[]): void {
    this.transport.send(notificationMessage(method, params));
  }

  close(reason: CloseReason | string): void {
    this.transport.close(reason);
  }

  private onMessage(raw: unknown): void {
    this.lastReceivedAt = Date.now();
    let message: RpcMessage;
    try {
      message = parseRpcMessage(raw);
    } catch (err) {
      this.close(closeReason('RPC_INVALID_MESSAGE', (err as Error).message));
      return;
    }
    if (message.kind === 'response') this.onResponse(message);
    else if (message.kind === 'request') void this.onRequest(message);
    else this.notificationStream.emit(message);
  }

  private onResponse(message: RpcResponse): void {
    const key = rpcIdKey(message.id);
    const entry = this.pending.get(key);
    if (!entry) {
      if (this.timedOut.includes(key)) return;
      this.close(closeReason('RPC_UNKNOWN_ID', `response to unknown request id ${key}`));
      return;
    }
    this.pending.delete(key);
    this.lastAnsweredAt = this.lastReceivedAt;
    if (entry.timer) clearTimeout(entry.timer);
    if (message.error === null) entry.resolve(message.result);
    else {
      const name = rpcErrorName(message.error);
      entry.reject(new OvsdbError('RPC_ERROR', `${entry.method} failed: ${name}`, message.error));
    }
  }

  private async onRequest(message: RpcRequest): Promise<void> {
    const handler = this.handlers.get(message.method);
    if (!handler) {
      // The same answer ovsdb-server gives, so peers can detect it the same way.
      this.transport.send(errorMessage(message.id, 'unknown method'));
      return;
    }
    try {
      const result = await handler(message.params);
      this.transport.send(resultMessage(message.id, result));
    } catch (err) {
      const error =
        err instanceof RpcErrorReply
          ? err.error
          : err instanceof OvsdbError
            ? { error: err.code, details: err.message }
            : { error: 'internal error', details: String(err) };
      this.transport.send(errorMessage(message.id, error));
    }
  }

  private onTimeout(key: string, entry: Pending, timeoutMs: number): void {
    if (this.pending.get(key) !== entry) return;
    this.pending.delete(key);
    this.timedOut.push(key);
    if (this.timedOut.length > REMEMBERED_TIMEOUTS) this.timedOut.shift();
    entry.reject(new OvsdbError('TIMEOUT', `${entry.method} not answered within ${timeoutMs} ms`));
  }

  private onClosed(reason: CloseReason): void {
    const entries = [...this.pending.values()];
    this.pending.clear();
    for (const entry of entries) {
      if (entry.timer) clearTimeout(entry.timer);
      entry.reject(this.closedError(entry.method, reason));
    }
    this.notificationStream.end();
  }

  private closedError(method: string, reason: CloseReason): OvsdbError {
    return new OvsdbError('SESSION_CLOSED', `${method}: session closed (${formatCloseReason(reason)})`, reason);
  }
}
