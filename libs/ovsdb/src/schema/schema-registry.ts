// RFC 7047 section 4.1.2 (get_schema): every device connection starts by fetching the
// schema, and a fleet runs a handful of firmware versions, so the parsed form is shared
// between sessions. The key is a digest of the canonical JSON text rather than the
// schema's own cksum, which vendors do not always update when they edit a schema. A value
// interned before is recognised by identity: the codec hands every session the same frozen
// value for a byte-identical get_schema reply (codec/repeated-message-memo.ts).

import { createHash } from 'node:crypto';
import { DatabaseSchema } from './database-schema';
import { invalid } from './schema-json';

export class SchemaRegistry {
  private readonly byDigest = new Map<string, DatabaseSchema>();
  private readonly byValue = new WeakMap<object, DatabaseSchema>();

  /** `capacity` bounds memory should peers send many distinct schemas. */
  constructor(private readonly capacity = 32) {}

  /**
   * Returns the parsed schema, reusing an earlier parse of the same JSON (given parsed,
   * or as text). Hashing the text costs a fraction of a parse.
   */
  intern(json: unknown): DatabaseSchema {
    const seen = json !== null && typeof json === 'object' ? this.byValue.get(json) : undefined;
    if (seen) return seen;
    const schema = this.internByDigest(json);
    if (json !== null && typeof json === 'object' && Object.isFrozen(json)) this.byValue.set(json, schema);
    return schema;
  }

  private internByDigest(json: unknown): DatabaseSchema {
    const value = typeof json === 'string' ? parseText(json) : json;
    const text = JSON.stringify(value);
    const digest = createHash('sha256').update(text).digest('hex');
    const known = this.byDigest.get(digest);
    if (known) {
      // Re-insert to keep the map in least-recently-used order.
      this.byDigest.delete(digest);
      this.byDigest.set(digest, known);
      return known;
    }
    const parsed = DatabaseSchema.parse(value);
    this.byDigest.set(digest, parsed);
    if (this.byDigest.size > this.capacity) {
      const oldest = this.byDigest.keys().next().value;
      if (oldest !== undefined) this.byDigest.delete(oldest);
    }
    return parsed;
  }

  get size(): number {
    return this.byDigest.size;
  }
}

function parseText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw invalid('<root>', `is not valid JSON: ${(err as Error).message}`);
  }
}
