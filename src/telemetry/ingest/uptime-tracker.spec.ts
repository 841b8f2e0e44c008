import { UptimeTracker } from './uptime-tracker';

describe('UptimeTracker', () => {
  it('sees a reboot when uptime goes down in arrival order', () => {
    const t = new UptimeTracker();
    expect(t.observe('n1', 7200, 1000).rebooted).toBe(false);
    expect(t.observe('n1', 7260, 2000).rebooted).toBe(false);
    expect(t.observe('n1', 30, 3000)).toEqual({ rebooted: true, before: 7260 });
    expect(t.observe('n1', 90, 4000).rebooted).toBe(false);
  });

  it('takes a report that finished decoding after a newer one for the past, not a reboot', () => {
    const t = new UptimeTracker();
    expect(t.observe('n1', 7260, 2000).rebooted).toBe(false);
    expect(t.observe('n1', 7200, 1000).rebooted).toBe(false);
    // The newer report still sets the baseline.
    expect(t.observe('n1', 30, 3000)).toEqual({ rebooted: true, before: 7260 });
  });

  it('keeps nodes apart and ignores reports without uptime', () => {
    const t = new UptimeTracker();
    expect(t.observe('n1', 100, 1).rebooted).toBe(false);
    expect(t.observe('n2', 5, 2).rebooted).toBe(false);
    expect(t.observe('n1', null, 3).rebooted).toBe(false);
    expect(t.observe('n1', 50, 4).rebooted).toBe(true);
  });
});
