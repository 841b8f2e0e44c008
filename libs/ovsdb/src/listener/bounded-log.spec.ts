import { BoundedLog } from './bounded-log';

describe('BoundedLog', () => {
  it('writes at most perSecond lines a second and summarises the rest', () => {
    let t = 0;
    const lines: string[] = [];
    const log = new BoundedLog(3, (l) => lines.push(l), () => t);
    for (let i = 0; i < 100; i++) log.line(`refused ${i}`);
    expect(lines).toEqual(['refused 0', 'refused 1', 'refused 2']);
    t += 1000;
    log.line('refused 100');
    expect(lines.slice(3)).toEqual(['97 more such line(s) not written in the previous second', 'refused 100']);
    t += 5000;
    log.line('refused 101');
    expect(lines).toHaveLength(6);
  });
});
