import { DelayScheduler } from './delay-scheduler';

describe('DelayScheduler', () => {
  it('runs tasks in deadline order and skips cancelled ones', async () => {
    const s = new DelayScheduler();
    const ran: string[] = [];
    const done = new Promise<void>((resolve) => {
      s.schedule(30, () => {
        ran.push('late');
        resolve();
      });
    });
    s.schedule(0, () => ran.push('first'));
    const cancel = s.schedule(10, () => ran.push('cancelled'));
    s.schedule(20, () => ran.push('middle'));
    cancel();
    await done;
    expect(ran).toEqual(['first', 'middle', 'late']);
    expect(s.pending).toBe(0);
    s.close();
  });

  it('ignores work scheduled after close', () => {
    const s = new DelayScheduler();
    s.close();
    s.schedule(0, () => {
      throw new Error('must not run');
    });
    expect(s.pending).toBe(0);
  });
});
