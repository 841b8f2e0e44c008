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
});
