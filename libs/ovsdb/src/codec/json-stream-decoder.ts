// RFC 7047 section 2 (and RFC 4627): over a stream transport OVSDB sends JSON-RPC messages
// back to back with no delimiter. This decoder splits the byte stream into complete
// top-level JSON texts incrementally, without re-scanning bytes it has already seen.
//
// It works on raw bytes: every byte >= 0x80 of a UTF-8 sequence can only occur inside a
// JSON string, so a chunk boundary in the middle of a multi-byte character is harmless;
// the bytes of one message are decoded as UTF-8 only once the message is complete.
//
// With a memo, a message that begins like a remembered one (the schema every device sends)
// is compared with it as its bytes arrive (memcmp) instead of being framed byte by byte;
// on the first difference the bytes matched so far are framed the ordinary way and framing
// goes on from there, so the outcome is always what framing alone would give.

import { OvsdbError } from '../errors';
import { processMessageMemo } from './repeated-message-memo';
import type { RememberedMessage, RepeatedMessageMemo } from './repeated-message-memo';

export interface DecoderLimits {
  /** Largest accepted message in bytes (a full initial monitor can be several MB). */
  maxMessageBytes: number;
  /** Deepest accepted nesting of arrays and objects. OVSDB needs about 8. */
  maxDepth: number;
}

export const DEFAULT_DECODER_LIMITS: DecoderLimits = {
  maxMessageBytes: 64 * 1024 * 1024,
  maxDepth: 64,
};

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isWhitespace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

export class JsonStreamDecoder {
  private limits: DecoderLimits;
  private chunks: Buffer[] = [];
  /** Bytes held in `chunks` that belong to the message being scanned. */
  private held = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private failed: OvsdbError | undefined;
  /** The remembered message the incoming one has equalled so far, and for how many bytes. */
  private matching: { message: RememberedMessage; matched: number } | undefined;

  /**
   * `memo` recognises large messages seen before (the schema every device sends) and
   * returns their earlier, frozen parse; null parses every message.
   */
  constructor(
    limits: Partial<DecoderLimits> = {},
    private readonly memo: RepeatedMessageMemo | null = processMessageMemo,
  ) {
    this.limits = { ...DEFAULT_DECODER_LIMITS, ...limits };
  }

  get maxMessageBytes(): number {
    return this.limits.maxMessageBytes;
  }

  /**
   * Changes the size limit for messages from now on (e.g. small until the peer is trusted,
   * larger after). Bytes already held for the message in progress count against the new limit.
   */
  setMaxMessageBytes(maxMessageBytes: number): void {
    if (!(maxMessageBytes > 0)) throw new RangeError(`message limit must be positive (got ${maxMessageBytes})`);
    this.limits = { ...this.limits, maxMessageBytes };
  }

  /**
   * Feeds bytes and returns every message completed by them, parsed. After an error
   * the stream cannot be resynchronised: the decoder keeps throwing the same error.
   */
  push(chunk: Buffer): unknown[] {
    if (this.failed) throw this.failed;
    try {
      return this.scan(chunk);
    } catch (err) {
      this.failed = err instanceof OvsdbError ? err : new OvsdbError('CODEC_INVALID_JSON', String(err));
      this.chunks = [];
      this.matching = undefined;
      throw this.failed;
    }
  }

  /** Bytes received but not yet part of a complete message. */
  get pendingBytes(): number {
    return this.held + (this.matching?.matched ?? 0);
  }

  private scan(chunk: Buffer): unknown[] {
    const out: unknown[] = [];
    const from = this.matching === undefined ? 0 : this.match(chunk, 0, out);
    this.frame(chunk, from, out, true);
    if (this.held > this.limits.maxMessageBytes) {
      throw new OvsdbError('CODEC_MESSAGE_TOO_LARGE', `message exceeds ${this.limits.maxMessageBytes} bytes`);
    }
    return out;
  }

  /**
   * Compares `chunk` from `at` with the rest of the remembered message being matched.
   * Returns where framing goes on in `chunk`: after the message when it is complete, at
   * the chunk's end while it still matches, or at `at` once it differs (the bytes matched
   * so far are framed first).
   */
  private match(chunk: Buffer, at: number, out: unknown[]): number {
    const m = this.matching as { message: RememberedMessage; matched: number };
    const bytes = m.message.bytes;
    const n = Math.min(chunk.length - at, bytes.length - m.matched);
    if (chunk.compare(bytes, m.matched, m.matched + n, at, at + n) !== 0) {
      this.matching = undefined;
      this.frame(bytes.subarray(0, m.matched), 0, out, false);
      return at;
    }
    m.matched += n;
    if (m.matched === bytes.length) {
      this.matching = undefined;
      out.push((this.memo as RepeatedMessageMemo).matched(m.message));
    }
    return at + n;
  }

  /** Frames `chunk` from `from`; `useMemo` false while re-framing the bytes of a failed match. */
  private frame(chunk: Buffer, from: number, out: unknown[], useMemo: boolean): void {
    let start = from; // first byte of `chunk` not yet handed to a finished message
    for (let i = from; i < chunk.length; i++) {
      if (this.inString) {
        // OVSDB messages are mostly string bytes: skip to the closing quote natively.
        i = this.skipString(chunk, i);
        continue;
      }
      const b = chunk[i];
      if (this.depth === 0) {
        if (isWhitespace(b)) {
          if (this.held === 0) start = i + 1;
          continue;
        }
        if (b !== OPEN_BRACE && b !== OPEN_BRACKET) {
          throw new OvsdbError(
            'CODEC_INVALID_JSON',
            `unexpected byte 0x${b.toString(16)} between messages (a message must be a JSON object or array)`,
          );
        }
        if (useMemo && this.held === 0 && this.memo !== null) {
          const message = this.memo.startingWith(chunk, i, this.limits.maxMessageBytes, this.limits.maxDepth);
          if (message !== undefined) {
            this.matching = { message, matched: 0 };
            const next = this.match(chunk, i, out);
            if (this.matching !== undefined) return; // the chunk ended inside the message
            if (next > i) {
              start = next;
              i = next - 1;
              continue;
            }
          }
        }
      }
      if (b === QUOTE) this.inString = true;
      else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
        if (++this.depth > this.limits.maxDepth) {
          throw new OvsdbError('CODEC_NESTING_TOO_DEEP', `message nests deeper than ${this.limits.maxDepth} levels`);
        }
      } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
        if (--this.depth === 0) {
          out.push(this.finish(chunk, start, i + 1));
          start = i + 1;
        }
      }
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start);
      this.held += rest.length;
      this.chunks.push(rest);
    }
  }

  /**
   * Inside a string at `from`: returns the index of the closing quote, having left the
   * string, or the last index of the chunk with the escape state carried over.
   */
  private skipString(chunk: Buffer, from: number): number {
    let i = from;
    if (this.escaped) {
      this.escaped = false;
      i++;
    }
    for (;;) {
      const quote = chunk.indexOf(QUOTE, i);
      const end = quote === -1 ? chunk.length : quote;
      // Backslashes just before `end` (none of them escaped by a byte before `i`): an odd
      // run escapes the quote, or the first byte of the next chunk.
      let run = 0;
      while (end - run - 1 >= i && chunk[end - run - 1] === BACKSLASH) run++;
      if (quote === -1) {
        this.escaped = run % 2 === 1;
        return chunk.length - 1;
      }
      if (run % 2 === 0) {
        this.inString = false;
        return quote;
      }
      i = quote + 1;
    }
  }

  private finish(chunk: Buffer, start: number, end: number): unknown {
    const size = this.held + (end - start);
    if (size > this.limits.maxMessageBytes) {
      throw new OvsdbError('CODEC_MESSAGE_TOO_LARGE', `message of ${size} bytes exceeds ${this.limits.maxMessageBytes}`);
    }
    let bytes: Buffer;
    if (this.held === 0) {
      bytes = chunk.subarray(start, end);
    } else {
      this.chunks.push(chunk.subarray(start, end));
      bytes = Buffer.concat(this.chunks, size);
      this.chunks = [];
      this.held = 0;
    }
    return this.memo?.covers(size) ? this.memo.decode(bytes, parseJson) : parseJson(bytes);
  }
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    throw new OvsdbError('CODEC_INVALID_JSON', `invalid JSON: ${(err as Error).message}`);
  }
}
