// RFC 7047 section 2: splitting a byte stream of back-to-back JSON texts. Real bytes from
// ovsdb-server (test/fixtures/captures, recorded by test/fixtures/capture-ovsdb.py, with
// message boundaries from an independent JSON parser) are fed in many chunkings.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { OvsdbError } from '../errors';
import { JsonStreamDecoder } from './json-stream-decoder';

const CAPTURES = path.resolve(__dirname, '../../../../test/fixtures/captures');

interface Capture {
  raw: Buffer;
  /** Each message as its own bytes, cut at the boundaries of the manifest. */
  messages: Buffer[];
}

function loadCapture(name: string): Capture {
  const manifest = JSON.parse(fs.readFileSync(path.join(CAPTURES, `${name}.json`), 'utf8')) as {
    bytes: number;
    messages: { offset: number; length: number }[];
  };
  const raw = gunzipSync(fs.readFileSync(path.join(CAPTURES, `${name}.server.bin.gz`)));
  expect(raw.length).toBe(manifest.bytes);
  return { raw, messages: manifest.messages.map((m) => raw.subarray(m.offset, m.offset + m.length)) };
}

/** mulberry32: a small seeded PRNG so that a failing chunking can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function feed(decoder: JsonStreamDecoder, data: Buffer, cuts: number[]): unknown[] {
  const out: unknown[] = [];
  let start = 0;
  for (const cut of [...cuts, data.length]) {
    out.push(...decoder.push(data.subarray(start, cut)));
    start = cut;
  }
  return out;
}

function randomCuts(length: number, random: () => number, maxChunk: number): number[] {
  const cuts: number[] = [];
  for (let at = 1 + Math.floor(random() * maxChunk); at < length; at += 1 + Math.floor(random() * maxChunk)) cuts.push(at);
  return cuts;
}

function decodeError(fn: () => unknown): OvsdbError {
  try {
    fn();
  } catch (err) {
    if (err instanceof OvsdbError) return err;
    throw err;
  }
  throw new Error('expected an OvsdbError');
}

describe('JsonStreamDecoder on a real ovsdb-server capture', () => {
  const capture = loadCapture('opensync-session');
  const expected = capture.messages.map((m) => JSON.parse(m.toString('utf8')) as unknown);

  it('holds the messages the capture script recorded', () => {
    expect(expected.length).toBe(11);
    expect(expected[0]).toMatchObject({ id: 1, error: null, result: { name: 'Open_vSwitch' } });
    expect(expected.filter((m) => (m as { method?: string }).method === 'update2')).toHaveLength(2);
  });

  it('decodes the stream pushed at once', () => {
    const decoder = new JsonStreamDecoder();
    expect(decoder.push(capture.raw)).toEqual(expected);
    expect(decoder.pendingBytes).toBe(0);
  });

  it('decodes the stream pushed one byte at a time', () => {
    const decoder = new JsonStreamDecoder();
    const out: unknown[] = [];
    for (let i = 0; i < capture.raw.length; i++) out.push(...decoder.push(capture.raw.subarray(i, i + 1)));
    expect(out).toEqual(expected);
  });

  it.each([1, 2, 3, 42, 1000, 65536])('decodes the stream in random chunkings (seed %i)', (seed) => {
    const random = prng(seed);
    for (const maxChunk of [7, 300, 4096, 70000]) {
      const cuts = randomCuts(capture.raw.length, random, maxChunk);
      expect(feed(new JsonStreamDecoder(), capture.raw, cuts)).toEqual(expected);
    }
  });

  it('decodes the small messages split in two at every position', () => {
    const small = Buffer.concat(capture.messages.slice(1));
    const smallExpected = expected.slice(1);
    // Compared as text for speed; a mismatch is then reported in full by toEqual.
    const expectedText = JSON.stringify(smallExpected);
    for (let cut = 0; cut <= small.length; cut++) {
      const decoder = new JsonStreamDecoder();
      const out = [...decoder.push(small.subarray(0, cut)), ...decoder.push(small.subarray(cut))];
      if (JSON.stringify(out) !== expectedText) expect({ cut, out }).toEqual({ cut, out: smallExpected });
    }
  });
});

describe('JsonStreamDecoder on crafted input', () => {
  const text = (s: string) => Buffer.from(s, 'utf8');

  it('reassembles multi-byte UTF-8 characters split across chunks', () => {
    const message = text('{"ssid":"Café ☕ 日本 🚀"}');
    for (let cut = 1; cut < message.length; cut++) {
      const decoder = new JsonStreamDecoder();
      expect([...decoder.push(message.subarray(0, cut)), ...decoder.push(message.subarray(cut))]).toEqual([
        { ssid: 'Café ☕ 日本 🚀' },
      ]);
    }
  });

  it('ignores braces, brackets and quotes inside strings, including escapes', () => {
    const messages = ['{"a":"}{][","b":"\\"}"}', '["\\\\", "\\\\\\"]", {"c":"\\u007b"}]', '{"d":"x\\\\"}'];
    const stream = text(messages.join(''));
    for (let cut = 0; cut <= stream.length; cut++) {
      const decoder = new JsonStreamDecoder();
      const out = [...decoder.push(stream.subarray(0, cut)), ...decoder.push(stream.subarray(cut))];
      expect(out).toEqual(messages.map((m) => JSON.parse(m) as unknown));
    }
  });

  it('frames strings dense in backslashes and quotes in any chunking (seeded)', () => {
    const random = prng(7047);
    const alphabet = ['\\', '"', '\\\\', '\\"', 'a', '{', ']', '\n', 'é'];
    const messages = Array.from({ length: 40 }, () => {
      const s = Array.from({ length: Math.floor(random() * 30) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      return { s, t: [s, s.length] };
    });
    const stream = text(messages.map((m) => JSON.stringify(m)).join(''));
    for (let round = 0; round < 50; round++) {
      const maxChunk = 1 + Math.floor(random() * 12);
      expect(feed(new JsonStreamDecoder(), stream, randomCuts(stream.length, random, maxChunk))).toEqual(messages);
    }
  });

  it('skips whitespace between and around messages', () => {
    const decoder = new JsonStreamDecoder();
    expect(decoder.push(text(' \n\t{"a":1}\r\n  [2] \n'))).toEqual([{ a: 1 }, [2]]);
    expect(decoder.pendingBytes).toBe(0);
    expect(decoder.push(text('\n{"b" :\n 3 }'))).toEqual([{ b: 3 }]);
  });

  it('reports bytes of an incomplete message as pending', () => {
    const decoder = new JsonStreamDecoder();
    expect(decoder.push(text('{"a":1}{"b":'))).toEqual([{ a: 1 }]);
    expect(decoder.pendingBytes).toBe(5);
    expect(decoder.push(text('2}'))).toEqual([{ b: 2 }]);
    expect(decoder.pendingBytes).toBe(0);
  });

  it('accepts a message of exactly the size limit and refuses one byte more', () => {
    const fits = text('{"a":"xxxx"}'); // 12 bytes
    expect(new JsonStreamDecoder({ maxMessageBytes: 12 }).push(fits)).toEqual([{ a: 'xxxx' }]);
    const tooBig = text('{"a":"xxxxx"}');
    expect(decodeError(() => new JsonStreamDecoder({ maxMessageBytes: 12 }).push(tooBig)).code).toBe('CODEC_MESSAGE_TOO_LARGE');
  });

  it('refuses an oversized message while it is still incomplete', () => {
    const decoder = new JsonStreamDecoder({ maxMessageBytes: 16 });
    expect(decoder.push(text('{"a":"0123'))).toEqual([]);
    expect(decodeError(() => decoder.push(text('4567890'))).code).toBe('CODEC_MESSAGE_TOO_LARGE');
  });

  it('counts the size limit per message, not per stream', () => {
    const decoder = new JsonStreamDecoder({ maxMessageBytes: 8 });
    expect(decoder.push(text('{"a":1}{"b":2}{"c":3}'))).toEqual([{ a: 1 }, { b: 2 }, { c: 3 }]);
  });

  it('enforces the depth limit, not counting brackets inside strings', () => {
    expect(new JsonStreamDecoder({ maxDepth: 3 }).push(text('[[["[[[[{{{"]]]'))).toEqual([[[['[[[[{{{']]]]);
    const err = decodeError(() => new JsonStreamDecoder({ maxDepth: 3 }).push(text('[[[{}]]]')));
    expect(err.code).toBe('CODEC_NESTING_TOO_DEEP');
  });

  it.each([
    ['a bare word', '{"a":1} nope'],
    ['a number', '{"a":1} 42'],
    ['a top-level string', '"str"'],
    ['a stray closing bracket', '{"a":1}]'],
    ['a stray closing brace', '}{"a":1}'],
  ])('refuses garbage between messages: %s', (_label, input) => {
    expect(decodeError(() => new JsonStreamDecoder().push(text(input))).code).toBe('CODEC_INVALID_JSON');
  });

  it('refuses balanced but invalid JSON', () => {
    expect(decodeError(() => new JsonStreamDecoder().push(text('{"a":}'))).code).toBe('CODEC_INVALID_JSON');
    expect(decodeError(() => new JsonStreamDecoder().push(text('[1,,2]'))).code).toBe('CODEC_INVALID_JSON');
  });

  it('keeps failing with the same error after one', () => {
    const decoder = new JsonStreamDecoder();
    expect(decoder.push(text('{"a":1}'))).toEqual([{ a: 1 }]);
    const first = decodeError(() => decoder.push(text('x')));
    expect(decodeError(() => decoder.push(text('{"b":2}')))).toBe(first);
    expect(decoder.pendingBytes).toBe(0);
  });
});

describe('JsonStreamDecoder message limit changes', () => {
  it('applies a raised or lowered limit to the messages that follow', () => {
    const decoder = new JsonStreamDecoder({ maxMessageBytes: 16 }, null);
    expect(decoder.push(Buffer.from('[1,2,3]'))).toEqual([[1, 2, 3]]);
    decoder.setMaxMessageBytes(64);
    expect(decoder.maxMessageBytes).toBe(64);
    expect(decoder.push(Buffer.from(JSON.stringify(['x'.repeat(40)])))).toEqual([['x'.repeat(40)]]);
    decoder.setMaxMessageBytes(16);
    expect(() => decoder.push(Buffer.from(JSON.stringify(['x'.repeat(40)])))).toThrow(/exceeds 16/);
    expect(() => decoder.setMaxMessageBytes(0)).toThrow(RangeError);
  });
});
