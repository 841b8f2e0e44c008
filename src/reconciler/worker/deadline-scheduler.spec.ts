import { DeadlineScheduler } from './deadline-scheduler';

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; !condition(); i++) {
    if (i > 2000) throw new Error('condition never held');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('DeadlineScheduler', () => {
  it('hands over due keys together and keeps later ones', async () => {
    const fired: string[][] = [];
    const scheduler = new DeadlineScheduler((keys) => fired.push(keys.sort()));
    const now = Date.now();
    scheduler.schedule('a', now - 1);
    scheduler.schedule('b', now - 2);
    scheduler.schedule('later', now + 3_600_000);
    await until(() => fired.length === 1);
    expect(fired[0]).toEqual(['a', 'b']);
    expect(scheduler.size).toBe(1);
    scheduler.stop();
  });

  it('keeps the earlier of two deadlines for one key, and forgets cancelled keys', async () => {
    const fired: string[] = [];
    const scheduler = new DeadlineScheduler((keys) => fired.push(...keys));
    const now = Date.now();
    scheduler.schedule('k', now + 3_600_000);
    scheduler.schedule('k', now - 1);
    scheduler.schedule('gone', now - 1);
    scheduler.cancel('gone');
    await until(() => fired.length > 0);
    expect(fired).toEqual(['k']);
    scheduler.stop();
  });

  it('fires every key at its own deadline, whatever the order of scheduling and cancelling', () => {
    jest.useFakeTimers({ now: 0 });
    try {
      const fired: Array<[number, string]> = [];
      const scheduler = new DeadlineScheduler((keys) => fired.push(...keys.map((k): [number, string] => [Date.now(), k])));
      let seed = 11;
      const next = (n: number): number => {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        return seed % n;
      };
      const expected = new Map<string, number>();
      for (let i = 0; i < 300; i++) {
        const key = `k${next(60)}`;
        if (next(5) === 0) {
          scheduler.cancel(key);
          expected.delete(key);
        } else {
          const at = 100 + next(5000);
          scheduler.schedule(key, at);
          expected.set(key, Math.min(at, expected.get(key) ?? Infinity));
        }
      }
      jest.advanceTimersByTime(6000);
      expect(fired.map(([, k]) => k).sort()).toEqual([...expected.keys()].sort());
      for (const [time, key] of fired) expect(time).toBe(expected.get(key));
      expect(scheduler.size).toBe(0);
      scheduler.stop();
    } finally {
      jest.useRealTimers();
    }
  });
});
