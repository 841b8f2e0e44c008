// A value serialised once and sent many times. A server answers get_schema with the same
// schema on every connection (366 KB for OpenSync); the simulated fleet serialised and
// UTF-8-encoded it once per device, about a sixth of its CPU at cold start
// (docs/benchmarks.md). A handler returns an EncodedJson, and the transports splice its
// bytes into the response instead of serialising the value again.

export class EncodedJson {
  private constructor(readonly bytes: Buffer) {}

  /** `value` serialised now; it must be JSON (no undefined, functions or cycles). */
  static of(value: unknown): EncodedJson {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError('EncodedJson.of: the value has no JSON text');
    return new EncodedJson(Buffer.from(text, 'utf8'));
  }

  /** What JSON.stringify writes for it anywhere else: the value itself. */
  toJSON(): unknown {
    return JSON.parse(this.bytes.toString('utf8'));
  }
}

/**
 * Pure: the wire form of a JSON-RPC message. A response whose result is an EncodedJson is
 * assembled from the result's bytes; any other message is JSON.stringify'd.
 */
export function encodeMessage(message: unknown): string | Buffer {
  const result = typeof message === 'object' && message !== null ? (message as { result?: unknown }).result : undefined;
  if (!(result instanceof EncodedJson)) return JSON.stringify(message);
  const { id, error } = message as { id: unknown; error: unknown };
  return Buffer.concat([Buffer.from(`{"id":${JSON.stringify(id)},"error":${JSON.stringify(error)},"result":`), result.bytes, Buffer.from('}')]);
}
