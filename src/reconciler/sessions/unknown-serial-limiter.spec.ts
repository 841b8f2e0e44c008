import { UnknownSerialLimiter } from './unknown-serial-limiter';

describe('UnknownSerialLimiter', () => {
  let t = 0;
  let lines: string[];
  let dropped: number;
  const limiter = (perMinute: number, cap: number) =>
    new UnknownSerialLimiter(perMinute, cap, (l) => lines.push(l), () => dropped++, () => t);

  beforeEach(() => {
    t = 0;
    lines = [];
    dropped = 0;
  });

  it('records a minute worth at once, then the rate, and counts every drop', () => {
    const l = limiter(60, 1000);
    expect([1, 2, 3].map(() => l.admit(0, 'SN'))).toEqual(new Array(3).fill('record'));
    const burst = Array.from({ length: 60 }, () => l.admit(0, 'SN'));
    expect(burst.filter((v) => v === 'record')).toHaveLength(57);
    expect(burst.filter((v) => v === 'rate')).toHaveLength(3);
    t += 1000;
    expect(l.admit(0, 'SN')).toBe('record');
    expect(dropped).toBe(3);
  });

  it('drops every unknown serial once the cap of unclaimed nodes is reached', () => {
    const l = limiter(600, 10);
    expect(l.admit(9, 'SN')).toBe('record');
    expect(l.admit(10, 'SN')).toBe('cap');
    expect(dropped).toBe(1);
  });

  it('logs one summary line per interval', () => {
    const l = limiter(1, 0);
    for (let i = 0; i < 100; i++) l.admit(0, `SN${i}`);
    expect(lines).toEqual([expect.stringContaining('1 unknown serial(s)')]);
    t += 60_000;
    l.admit(0, 'SNX');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^100 unknown serial\(s\) not recorded .* latest SNX/);
    expect(dropped).toBe(101);
  });
});
