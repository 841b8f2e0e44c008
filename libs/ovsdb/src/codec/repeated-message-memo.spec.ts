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

  it('still rejects invalid JSON of memo size', () => {
    const memo = new RepeatedMessageMemo({ minBytes: 1024 });
    const bad = Buffer.from(`{"a":${'1'.repeat(2000)}x}`);
    for (let i = 0; i < 3; i++) {
      expect(() => new JsonStreamDecoder({}, memo).push(bad)).toThrow(/invalid JSON/);
    }
  });
});
