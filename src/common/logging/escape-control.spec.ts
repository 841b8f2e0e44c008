import { escapeControl } from './escape-control';

describe('escapeControl', () => {
  it('leaves ordinary text alone', () => {
    expect(escapeControl('[serial=S1 tcp:10.0.0.1:4242] connected (node 7)')).toBe('[serial=S1 tcp:10.0.0.1:4242] connected (node 7)');
    expect(escapeControl('café ✓')).toBe('café ✓');
  });

  it('writes out line breaks, tabs, ESC, DEL, C1 and line separators', () => {
    expect(escapeControl('a\nb\r\tc')).toBe('a\\nb\\r\\tc');
    expect(escapeControl('\u001b[31mred\u0000')).toBe('\\x1b[31mred\\x00');
    expect(escapeControl('x\u007f\u009by\u2028z')).toBe('x\\x7f\\x9by\\u2028z');
  });
});
