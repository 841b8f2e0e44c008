// Cuts API 2.0 transactions out of a TCP byte stream: a 4-character decimal length, then
// that many bytes counted from the first pipe through the newline (section 5.6.6). A frame
// over the size limit is skipped as it streams (never buffered) and reported as oversized,
// since its end is known; a prefix that is not four digits leaves the stream undelimitable.

export type DecodedFrame =
  | { kind: 'transaction'; text: string }
  /** Delimited but unusable: too long, or bytes outside ASCII. The answer is an error. */
  | { kind: 'rejected'; why: 'oversized' | 'non-ascii' | 'empty'; head: string };

export class UndelimitableStreamError extends Error {
  constructor(readonly prefix: string) {
    super(`length prefix ${JSON.stringify(prefix)} is not four decimal digits`);
    this.name = 'UndelimitableStreamError';
  }
}

const PREFIX = 4;
/** Bytes kept from an oversized frame so its answer can echo the action and type. */
const HEAD_BYTES = 64;

export class FrameDecoder {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Length of the frame being read; undefined while reading a prefix. */
  private expected: number | undefined;
  /** Bytes of an oversized frame still to discard. */
  private skipping = 0;
  private skippedHead = '';

  constructor(private readonly maxBytes: number) {}

  /** Frames completed by `chunk`; throws UndelimitableStreamError on a bad prefix. */
  push(chunk: Buffer): DecodedFrame[] {
    const out: DecodedFrame[] = [];
    let rest = chunk;
    while (rest.length > 0) {
      if (this.skipping > 0) {
        const taken = Math.min(this.skipping, rest.length);
        if (this.skippedHead.length < HEAD_BYTES) this.skippedHead += rest.subarray(0, Math.min(taken, HEAD_BYTES - this.skippedHead.length)).toString('latin1');
        this.skipping -= taken;
        rest = rest.subarray(taken);
        if (this.skipping === 0) out.push({ kind: 'rejected', why: 'oversized', head: this.skippedHead });
        continue;
      }
      const need = this.expected ?? PREFIX;
      const taken = Math.min(need - this.pendingBytes, rest.length);
      this.pending.push(rest.subarray(0, taken));
      this.pendingBytes += taken;
      rest = rest.subarray(taken);
      if (this.pendingBytes < need) break;
      const bytes = Buffer.concat(this.pending, this.pendingBytes);
      this.pending = [];
      this.pendingBytes = 0;
      if (this.expected === undefined) {
        const prefix = bytes.toString('latin1');
        if (!/^\d{4}$/.test(prefix)) throw new UndelimitableStreamError(prefix);
        const length = Number(prefix);
        if (length === 0) out.push({ kind: 'rejected', why: 'empty', head: '' });
        else if (length > this.maxBytes) {
          this.skipping = length;
          this.skippedHead = '';
        } else this.expected = length;
        continue;
      }
      this.expected = undefined;
      const frame = decodeAscii(bytes);
      out.push(frame === undefined ? { kind: 'rejected', why: 'non-ascii', head: bytes.subarray(0, HEAD_BYTES).toString('latin1') } : { kind: 'transaction', text: frame });
    }
    return out;
  }

  /** True while a frame has begun but not ended (a peer that stops here is mid-transaction). */
  get midFrame(): boolean {
    return this.pendingBytes > 0 || this.expected !== undefined || this.skipping > 0;
  }
}

function decodeAscii(bytes: Buffer): string | undefined {
  for (const byte of bytes) if (byte > 0x7e || (byte < 0x20 && byte !== 0x0a)) return undefined;
  return bytes.toString('ascii');
}
