import { checkSerial, normaliseSerial, printable } from './serial';

describe('serial rule', () => {
  it('normalises case and surrounding whitespace', () => {
    expect(normaliseSerial(' sn-1a2b \t')).toBe('SN-1A2B');
    expect(normaliseSerial('A1:B2.c_3')).toBe('A1:B2.C_3');
  });

  it('refuses what is not a serial', () => {
    for (const bad of ['', '   ', '-SN', 'SN 1', 'SN\n1', 'SN\u00001', 'é1', 'x'.repeat(65), 'x'.repeat(100_000), 42, undefined]) {
      expect(normaliseSerial(bad)).toBeUndefined();
    }
    expect(normaliseSerial('x'.repeat(64))).toBe('X'.repeat(64));
  });

  it('reports a refusal as a field error', () => {
    expect(checkSerial('serial', 'sn-1')).toEqual([]);
    expect(checkSerial('serial', 'has space')).toEqual([{ field: 'serial', message: expect.stringContaining('1 to 64') }]);
  });

  it('renders untrusted text bounded and on one line', () => {
    expect(printable('SN1\nforged line')).toBe('SN1\\nforged line');
    expect(printable('a\u0007b\u2028')).toBe('a\\u0007b\\u2028');
    const long = printable('y'.repeat(100_000));
    expect(long.length).toBeLessThan(100);
    expect(long).toContain('(100000 chars)');
  });
});
