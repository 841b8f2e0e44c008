import { JsonStreamDecoder } from './json-stream-decoder';
import { RepeatedMessageMemo } from './repeated-message-memo';

/** A JSON message of exactly `size` bytes whose string payload is `fill` repeated. */
function message(size: number, fill = 'a', id = 1): Buffer {
  const head = `{"id":${id},"result":"`;
  const tail = '","error":null}';
  return Buffer.from(head + fill.repeat(size - head.length - tail.length) + tail);
}

function counting(): { parse: (b: Buffer) => unknown; calls: () => number } {
  let calls = 0;
  return {
    parse: (b) => {
      calls++;
      return JSON.parse(b.toString('utf8'));
    },
    calls: () => calls,
  };
}

describe('RepeatedMessageMemo', () => {
  it('parses a repeated large message twice, then answers from memory with one frozen value', () => {
    const memo = new RepeatedMessageMemo({ minBytes: 1024 });
    const p = counting();
    const bytes = message(64 * 1024);
    const first = memo.decode(Buffer.from(bytes), p.parse);
    const second = memo.decode(Buffer.from(bytes), p.parse);
    const third = memo.decode(Buffer.from(bytes), p.parse);
    const fourth = memo.decode(Buffer.from(bytes), p.parse);
    expect(p.calls()).toBe(2);
    expect(memo.hits).toBe(2);
    expect(first).toEqual(second);
    expect(third).toBe(second);
    expect(fourth).toBe(second);
    expect(Object.isFrozen(third)).toBe(true);
    expect(() => {
      (third as { id: number }).id = 2;
    }).toThrow(TypeError);
  });

  it('never confuses two messages that differ only in a byte the fingerprint does not sample', () => {
    const memo = new RepeatedMessageMemo({ minBytes: 1024 });
    const a = message(64 * 1024);
    const b = Buffer.from(a);
    // Offset 20 is inside the payload and between two sampled offsets (the step is 256).
    b[20] = 'b'.charCodeAt(0);
    const p = counting();
    for (let i = 0; i < 3; i++) memo.decode(a, p.parse);
    const valueOfB = memo.decode(b, p.parse) as { result: string };
    expect(valueOfB.result[20 - '{"id":1,"result":"'.length]).toBe('b');
    const valueOfA = memo.decode(a, p.parse) as { result: string };
    expect(valueOfA.result).not.toContain('b');
  });

  it('parses small messages and messages above the size bound every time', () => {
    const memo = new RepeatedMessageMemo({ minBytes: 1024, maxBytes: 8192 });
    expect(memo.covers(512)).toBe(false);
    expect(memo.covers(4096)).toBe(true);
    expect(memo.covers(16384)).toBe(false);
  });

  it('keeps at most `capacity` fingerprints and `maxRetainedBytes` of remembered messages', () => {
    const memo = new RepeatedMessageMemo({ minBytes: 1024, capacity: 4, maxRetainedBytes: 3 * 4096 });
    const p = counting();
    for (let i = 0; i < 10; i++) {
      const bytes = message(4096, String.fromCharCode(97 + i));
      memo.decode(bytes, p.parse);
      memo.decode(bytes, p.parse);
      expect(memo.size).toBeLessThanOrEqual(4);
    }
    // Only the three most recent fit in the byte budget; the oldest were dropped.
    const calls = p.calls();
    memo.decode(message(4096, 'j'), p.parse);
    expect(p.calls()).toBe(calls);
    memo.decode(message(4096, 'a'), p.parse);
    expect(p.calls()).toBe(calls + 1);
  });
});

describe('JsonStreamDecoder with a memo', () => {
  it('gives sessions that receive the same large message, in any chunking, the same frozen value', () => {
    const memo = new RepeatedMessageMemo({ minBytes: 1024 });
    const bytes = message(100 * 1024);
    const values: unknown[] = [];
    for (const chunkSize of [100 * 1024, 1000, 4096, 65536]) {
      const decoder = new JsonStreamDecoder({}, memo);
      for (let at = 0; at < bytes.length; at += chunkSize) values.push(...decoder.push(bytes.subarray(at, at + chunkSize)));
    }
    expect(values).toHaveLength(4);
    expect(values[2]).toBe(values[1]);
    expect(values[3]).toBe(values[1]);
    expect(values[0]).toEqual(values[1]);
  });

  it('matches a remembered message as its bytes arrive instead of framing it, once it is remembered', () => {
    const memo = new RepeatedMessageMemo({ minBytes: 1024 });
    const bytes = message(100 * 1024);
    const receive = (chunkSize: number): unknown[] => {
      const decoder = new JsonStreamDecoder({}, memo);
      const out: unknown[] = [];
      for (let at = 0; at < bytes.length; at += chunkSize) {
        out.push(...decoder.push(bytes.subarray(at, at + chunkSize)));
        if (at + chunkSize < bytes.length) expect(decoder.pendingBytes).toBe(at + chunkSize);
      }
      return out;
    };
    const [first] = receive(4096);
    const [second] = receive(4096);
    const framed = jest.spyOn(memo, 'decode');
    for (const size of [64, 65, 4096, 100 * 1024]) expect(receive(size)).toEqual([second]);
    expect(receive(65536)[0]).toBe(second);
    expect(framed).not.toHaveBeenCalled();
    // A first chunk shorter than the prefix is framed, and the fingerprint finds it.
    for (const size of [1, 63]) expect(receive(size)[0]).toBe(second);
    expect(framed).toHaveBeenCalledTimes(2);
    expect(first).toEqual(second);
    expect(memo.hits).toBe(7);
  });

  it('gives what framing alone gives for near misses of a remembered message, in any chunking (seeded)', () => {
    const memo = new RepeatedMessageMemo({ minBytes: 1024 });
    const known = message(8 * 1024, 'b');
    for (let i = 0; i < 2; i++) new JsonStreamDecoder({}, memo).push(known);
    const text = known.toString();
    const variants = [
      known,
      Buffer.from(text.slice(0, 5000) + 'c' + text.slice(5001)), // differs late
      Buffer.from(text.slice(0, 40) + 'c' + text.slice(41)), // differs inside the prefix
      Buffer.from(text.slice(0, -1) + ',"more":[1,{"x":"}"}]}'), // longer: the same bytes up to the last
      Buffer.from(text.slice(0, 3000) + '\\"}' + text.slice(3004)), // an escape where the original has text
      Buffer.from('{"id":2}'),
    ];
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 40; round++) {
      const picks = Array.from({ length: 6 }, () => variants[random(variants.length)]);
      const stream = Buffer.concat(picks.flatMap((p) => [p, Buffer.from(random(2) === 0 ? '' : ' \n')]));
      const expected = new JsonStreamDecoder({}, null).push(stream);
      const decoder = new JsonStreamDecoder({}, memo);
      const got: unknown[] = [];
      for (let at = 0; at < stream.length; ) {
        const size = 1 + random(random(2) === 0 ? 100 : 9000);
        got.push(...decoder.push(stream.subarray(at, at + size)));
        at += size;
      }
      expect(got).toEqual(expected);
      expect(decoder.pendingBytes).toBe(0);
    }
  });

  it('keeps each decoder\'s own limits for a remembered message', () => {
    const memo = new RepeatedMessageMemo({ minBytes: 1024 });
    const deep = Buffer.from(`{"a":[[{"b":"${'x'.repeat(2000)}"}]]}`);
    for (let i = 0; i < 2; i++) new JsonStreamDecoder({}, memo).push(deep);
    expect(() => new JsonStreamDecoder({ maxDepth: 3 }, memo).push(deep)).toThrow(expect.objectContaining({ code: 'CODEC_NESTING_TOO_DEEP' }));
    expect(() => new JsonStreamDecoder({ maxMessageBytes: 1500 }, memo).push(deep)).toThrow(
      expect.objectContaining({ code: 'CODEC_MESSAGE_TOO_LARGE' }),
    );
    expect(new JsonStreamDecoder({ maxDepth: 4 }, memo).push(deep)).toHaveLength(1);
  });

  it('still rejects invalid JSON of memo size', () => {
    const memo = new RepeatedMessageMemo({ minBytes: 1024 });
    const bad = Buffer.from(`{"a":${'1'.repeat(2000)}x}`);
    for (let i = 0; i < 3; i++) {
      expect(() => new JsonStreamDecoder({}, memo).push(bad)).toThrow(/invalid JSON/);
    }
  });
});
