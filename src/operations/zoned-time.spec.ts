import { zonedLocalTime } from './zoned-time';

describe('zonedLocalTime', () => {
  it('converts a local time to the instant, winter and summer', () => {
    expect(zonedLocalTime('2026-12-06T03:00', 'Europe/Berlin')?.toISOString()).toBe('2026-12-06T02:00:00.000Z');
    expect(zonedLocalTime('2026-07-01T03:00:30', 'Europe/Berlin')?.toISOString()).toBe('2026-07-01T01:00:30.000Z');
    expect(zonedLocalTime('2026-12-06T03:00', 'America/New_York')?.toISOString()).toBe('2026-12-06T08:00:00.000Z');
    expect(zonedLocalTime('2026-12-06T03:00', 'UTC')?.toISOString()).toBe('2026-12-06T03:00:00.000Z');
    expect(zonedLocalTime('2026-12-06T03:00', 'Asia/Kolkata')?.toISOString()).toBe('2026-12-05T21:30:00.000Z');
  });

  it('refuses what is not a local date-time', () => {
    for (const bad of ['2026-02-30T01:00', '2026-12-06 03:00', '2026-12-06T24:00', '2026-12-06T03:00Z', '']) expect(zonedLocalTime(bad, 'UTC')).toBeUndefined();
  });
});
