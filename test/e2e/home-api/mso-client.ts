// A test MSO client written from API 2.0's rules alone (sections 5.6.4 to 5.6.6), not from
// the server's code: it writes `XXXX|ACTION|TYPE|name=value|...|\n` with XXXX counted from
// the first pipe through the newline, and reads answers the same way.

import { connect, Socket } from 'node:net';

export function frame(body: string): string {
  return `${String(Buffer.byteLength(body, 'latin1')).padStart(4, '0')}${body}`;
}

/** `|ACTION|TYPE|n1=v1|n2=v2|\n` from positional values and pairs, in order. */
export function transaction(action: string, type: string, fields: [string, string][]): string {
  return `|${action}|${type}|${fields.map(([n, v]) => `${n}=${v}|`).join('')}\n`;
}

export class MsoClient {
  private buffer = Buffer.alloc(0);
  private waiters: (() => void)[] = [];
  closed = false;

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => undefined);
  }

  static open(port: number, localAddress?: string): Promise<MsoClient> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port, localAddress }, () => resolve(new MsoClient(socket)));
      socket.once('error', reject);
    });
  }

  /** Sends one transaction (body without its length) and returns the whole answer, prefix included. */
  async send(body: string): Promise<string> {
    this.socket.write(frame(body), 'latin1');
    return this.read();
  }

  writeRaw(bytes: string | Buffer): void {
    this.socket.write(bytes);
  }

  /** One answer: four length digits, then that many bytes. */
  async read(): Promise<string> {
    const prefix = await this.take(4);
    if (!/^\d{4}$/.test(prefix)) throw new Error(`bad length prefix ${JSON.stringify(prefix)}`);
    return prefix + (await this.take(Number(prefix)));
  }

  /** Resolves when the server has closed the connection. */
  async closedByServer(): Promise<void> {
    while (!this.closed) await new Promise<void>((r) => this.waiters.push(r));
  }

  close(): void {
    this.socket.destroy();
  }

  private async take(n: number): Promise<string> {
    while (this.buffer.length < n) {
      if (this.closed) throw new Error(`connection closed with ${this.buffer.length} of ${n} bytes read`);
      await new Promise<void>((r) => this.waiters.push(r));
    }
    const out = this.buffer.subarray(0, n).toString('latin1');
    this.buffer = this.buffer.subarray(n);
    return out;
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }
}

/** The answer the document's rules predict: completion_code=1 with Attachment H's code and text. */
export function expectedError(action: string, type: string, code: number, reason: string): string {
  return frame(`|${action}|${type}|completion_code=1|error_code=${code}|error_reason=${reason}|\n`);
}

export function expectedSuccess(action: string, type: string, outputs: [string, string][] = []): string {
  return frame(transaction(action, type, [['completion_code', '0'], ...outputs]));
}
