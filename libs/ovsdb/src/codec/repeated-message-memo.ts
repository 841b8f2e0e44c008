// Devices running one firmware send byte-identical large messages. The one that matters is
// the reply to get_schema: the full OpenSync schema (366 KB) on every connection, with the
// same request id because get_schema is each session's first request. Parsing it once per
// device was most of the controller's CPU at cold start (docs/benchmarks.md).
//
// The memo recognises a large message it has seen before from its bytes alone: the length
// and a sampled fingerprint find the candidate, then a full byte comparison (memcmp, tens of
// microseconds for the schema) proves it identical. The value parsed the first time is
// returned, deep-frozen because every session now shares it. A message is remembered only
// the second time its fingerprint is seen, so large messages that never repeat (initial
// monitor replies, which carry each device's own uuids) cost a map entry, not a copy.
//
// The decoder also asks the memo, when a message starts, for a remembered message that
// begins with the same bytes (`startingWith`). It then compares the incoming bytes with it
// as they arrive instead of framing them byte by byte, which had become the largest cost
// left at cold start; any difference sends it back to framing from the message's start.

export interface RepeatedMessageMemoOptions {
  /** Messages smaller than this are parsed every time; parsing them is cheap. */
  minBytes: number;
  /** Larger messages are never remembered. */
  maxBytes: number;
  /** Fingerprints tracked (remembered or seen once), least recently used dropped first. */
  capacity: number;
  /** Bound on the bytes of all remembered messages together. */
  maxRetainedBytes: number;
}

export const DEFAULT_MEMO_OPTIONS: RepeatedMessageMemoOptions = {
  minBytes: 32 * 1024,
  maxBytes: 4 * 1024 * 1024,
  capacity: 64,
  maxRetainedBytes: 16 * 1024 * 1024,
};

interface Entry {
  bytes?: Buffer;
  value?: unknown;
  /** Deepest nesting of arrays and objects in `bytes`. */
  depth?: number;
}

/** A remembered message: its bytes, its frozen value and how deep it nests. */
export interface RememberedMessage {
  readonly bytes: Buffer;
  readonly value: unknown;
  readonly depth: number;
}

const SAMPLES = 256;
/** Bytes a message must share with a remembered one before the decoder compares the rest. */
export const MEMO_PREFIX_BYTES = 64;

export class RepeatedMessageMemo {
  private readonly options: RepeatedMessageMemoOptions;
  private readonly entries = new Map<string, Entry>();
  /** The entries holding bytes, for startingWith (a handful at most: one per firmware). */
  private readonly remembered = new Set<Entry>();
  private retainedBytes = 0;
  private hitCount = 0;

  constructor(options: Partial<RepeatedMessageMemoOptions> = {}) {
    this.options = { ...DEFAULT_MEMO_OPTIONS, ...options };
  }

  /** True if `size` bytes are worth fingerprinting. */
  covers(size: number): boolean {
    return size >= this.options.minBytes && size <= this.options.maxBytes;
  }

  /**
   * Returns the value of `bytes`, parsing with `parse` unless an identical message was
   * remembered. The returned value must be treated as immutable (it is frozen).
   */
  decode(bytes: Buffer, parse: (bytes: Buffer) => unknown): unknown {
    const key = fingerprint(bytes);
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      if (entry.bytes?.equals(bytes)) {
        this.hitCount++;
        return entry.value;
      }
    }
    const value = parse(bytes);
    if (!entry) {
      this.entries.set(key, {});
    } else {
      this.release(entry);
      entry.bytes = Buffer.from(bytes);
      entry.value = deepFreeze(value);
      entry.depth = nestingDepth(bytes);
      this.retainedBytes += bytes.length;
      this.remembered.add(entry);
    }
    this.evict(key);
    return value;
  }

  /**
   * A remembered message whose first MEMO_PREFIX_BYTES equal `chunk` from `at`, no larger
   * than `maxBytes` and nesting no deeper than `maxDepth` (the asking decoder's limits).
   */
  startingWith(chunk: Buffer, at: number, maxBytes: number, maxDepth: number): RememberedMessage | undefined {
    if (this.remembered.size === 0 || chunk.length - at < MEMO_PREFIX_BYTES) return undefined;
    for (const entry of this.remembered) {
      const { bytes, depth } = entry;
      if (bytes === undefined || depth === undefined || bytes.length > maxBytes || depth > maxDepth) continue;
      if (chunk.compare(bytes, 0, MEMO_PREFIX_BYTES, at, at + MEMO_PREFIX_BYTES) === 0) {
        return { bytes, value: entry.value, depth };
      }
    }
    return undefined;
  }

  /** Counts a message the decoder matched byte for byte with `startingWith`'s answer. */
  matched(message: RememberedMessage): unknown {
    this.hitCount++;
    return message.value;
  }

  /** Messages answered from the memo so far. */
  get hits(): number {
    return this.hitCount;
  }

  get size(): number {
    return this.entries.size;
  }

  private evict(keep: string): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.options.capacity && this.retainedBytes <= this.options.maxRetainedBytes) return;
      if (key === keep) continue;
      this.release(entry);
      this.entries.delete(key);
    }
  }

  private release(entry: Entry): void {
    if (entry.bytes) this.retainedBytes -= entry.bytes.length;
    entry.bytes = undefined;
    entry.value = undefined;
    entry.depth = undefined;
    this.remembered.delete(entry);
  }
}

/** Length plus an FNV-1a hash of bytes sampled evenly across the message. */
function fingerprint(bytes: Buffer): string {
  const step = Math.max(1, Math.floor(bytes.length / SAMPLES));
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i += step) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193);
  }
  return `${bytes.length}:${(h >>> 0).toString(16)}`;
}

/** Deepest nesting of arrays and objects in a complete JSON text, ignoring string contents. */
function nestingDepth(bytes: Buffer): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === 0x5c) i++;
      else if (b === 0x22) inString = false;
    } else if (b === 0x22) inString = true;
    else if (b === 0x7b || b === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (b === 0x7d || b === 0x5d) depth--;
  }
  return deepest;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
}

/** One memo for the process, so every session of every listener shares what it learned. */
export const processMessageMemo = new RepeatedMessageMemo();
