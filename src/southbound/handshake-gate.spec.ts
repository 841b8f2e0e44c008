import { HandshakeGate } from './handshake-gate';

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void } {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('HandshakeGate', () => {
  it('runs at most `limit` at once and starts the waiters in arrival order', async () => {
    const gate = new HandshakeGate(2);
    const works = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = works.map((w, i) => gate.run(async () => {
      started.push(i);
      await w.promise;
      return i;
    }));
    const settled = Promise.allSettled(runs);
    await tick();
    expect(started).toEqual([0, 1]);
    expect(gate.inFlight).toBe(2);
    expect(gate.queued).toBe(2);
    works[1].resolve();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    expect(gate.inFlight).toBe(2);
    works[0].reject(new Error('handshake failed'));
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    works[2].resolve();
    works[3].resolve();
    const results = await settled;
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(gate.inFlight).toBe(0);
    expect(gate.queued).toBe(0);
  });

  it('refuses a limit below one', () => {
    expect(() => new HandshakeGate(0)).toThrow(RangeError);
  });
});
