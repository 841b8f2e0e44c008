// One MSO connection: frames in, transactions answered one at a time in arrival order
// (section 5.6.9: sent singly; reading pauses while one is processed), closed after the
// idle time of section 5.7.2. A frame that can be delimited but not understood is answered
// with an error; a stream that cannot be delimited any more is closed, and only this one.

import { Logger } from '@nestjs/common';
import { Socket } from 'node:net';
import { HomeApiError, HomeErrorCode } from './wire/error-catalogue';
import { DecodedFrame, FrameDecoder, UndelimitableStreamError } from './wire/frame-decoder';
import { encodeResponse, errorResponse, HomeRequest, HomeResponse, parseTransaction, TransactionError, UNREADABLE } from './wire/transaction-codec';

export type TransactionHandler = (request: HomeRequest) => Promise<HomeResponse>;

export interface ConnectionOptions {
  maxTransactionBytes: number;
  idleTimeoutMs: number;
  /** Names the peer in logs (MSO and address); never transaction contents. */
  label: string;
}

export class HomeApiConnection {
  private readonly logger = new Logger('HomeApiConnection');
  private readonly decoder: FrameDecoder;
  private readonly queue: DecodedFrame[] = [];
  private busy = false;

  constructor(
    private readonly socket: Socket,
    private readonly handle: TransactionHandler,
    private readonly options: ConnectionOptions,
  ) {
    this.decoder = new FrameDecoder(options.maxTransactionBytes);
    socket.setTimeout(options.idleTimeoutMs);
    socket.on('timeout', () => {
      // A transaction still running is no idleness; count again from now.
      if (this.busy) return void socket.setTimeout(options.idleTimeoutMs);
      this.logger.log(`${options.label}: idle for ${options.idleTimeoutMs / 1000} s, closing`);
      socket.destroy();
    });
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error) => this.logger.debug(`${options.label}: ${error.message}`));
  }

  private onData(chunk: Buffer): void {
    try {
      this.queue.push(...this.decoder.push(chunk));
    } catch (error) {
      if (!(error instanceof UndelimitableStreamError)) throw error;
      this.logger.warn(`${this.options.label}: ${error.message}; closing the connection`);
      this.queue.length = 0;
      this.socket.destroy();
      return;
    }
    void this.drain();
  }

  private async drain(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.socket.pause();
    try {
      for (let frame = this.queue.shift(); frame !== undefined && !this.socket.destroyed; frame = this.queue.shift()) {
        const response = await this.answer(frame);
        if (!this.socket.destroyed) this.socket.write(encodeResponse(response), 'ascii');
      }
    } finally {
      this.busy = false;
      if (!this.socket.destroyed) this.socket.resume();
    }
  }

  private async answer(frame: DecodedFrame): Promise<HomeResponse> {
    if (frame.kind === 'rejected') {
      this.logger.warn(`${this.options.label}: transaction rejected (${frame.why})`);
      const parts = frame.head.startsWith('|') ? frame.head.slice(1).split('|') : [];
      const echo = (t: string | undefined) => (t !== undefined && /^[A-Za-z]{1,10}$/.test(t) ? t.toUpperCase() : UNREADABLE);
      return errorResponse(echo(parts[0]), echo(parts[1]), new HomeApiError(HomeErrorCode.BAD_REQUEST));
    }
    let request: HomeRequest;
    try {
      request = parseTransaction(frame.text);
    } catch (error) {
      if (!(error instanceof TransactionError)) throw error;
      return errorResponse(error.action, error.type, error.error);
    }
    try {
      return await this.handle(request);
    } catch (error) {
      if (error instanceof HomeApiError) return errorResponse(request.action, request.type, error);
      this.logger.error(`${this.options.label}: ${request.action} ${request.type} failed: ${error instanceof Error ? error.message : String(error)}`);
      return errorResponse(request.action, request.type, new HomeApiError(HomeErrorCode.UNEXPECTED_FAILURE, { 'actual error': 'internal error' }));
    }
  }
}
