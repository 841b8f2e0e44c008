import { backoffDelay, NodeWorker } from './node-worker';

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void } {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; !condition(); i++) {
    if (i > 2000) throw new Error('condition never held');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('NodeWorker', () => {
  it('runs one pass at a time and folds triggers that arrive meanwhile into one more pass', async () => {
    const gates = [deferred(), deferred()];
    let started = 0;
    let concurrent = 0;
    let maxConcurrent = 0;
    const worker = new NodeWorker(
      async () => {
        const gate = gates[started++];
        concurrent++;
        maxConcurrent = Math.max(maxConcurrent, concurrent);
        await gate.promise;
        concurrent--;
      },
      { baseMs: 10, maxMs: 100 },
      () => undefined,
    );
    worker.kick();
    await until(() => started === 1);
    worker.kick();
    worker.kick();
    worker.kick();
    gates[0].resolve();
    await until(() => started === 2);
    gates[1].resolve();
    await worker.whenIdle();
    expect(started).toBe(2);
    expect(maxConcurrent).toBe(1);
  });

  it('retries a failing pass with growing delays and resets after a success', async () => {
    let calls = 0;
    const failures: number[] = [];
    const worker = new NodeWorker(
      async () => {
        calls++;
        if (calls <= 3) throw new Error(`fail ${calls}`);
      },
      { baseMs: 1, maxMs: 4 },
      (_e, n, delay) => failures.push(n * 100 + delay),
    );
    worker.kick();
    await until(() => calls === 4);
    await worker.whenIdle();
    expect(failures).toEqual([101, 202, 304]);
    expect(worker.consecutiveFailures).toBe(0);
    worker.stop();
  });

  it('does nothing after stop', async () => {
    let calls = 0;
    const worker = new NodeWorker(async () => void calls++, { baseMs: 1, maxMs: 1 }, () => undefined);
    worker.stop();
    worker.kick();
    await worker.whenIdle();
    expect(calls).toBe(0);
  });
});

describe('backoffDelay', () => {
  it('doubles from the base and stops at the cap', () => {
    const policy = { baseMs: 500, maxMs: 30_000 };
    expect([1, 2, 3, 4, 7, 20].map((n) => backoffDelay(policy, n))).toEqual([500, 1000, 2000, 4000, 30_000, 30_000]);
  });
});
