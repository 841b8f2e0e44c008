import { redact, REDACTED } from './redact';

describe('redact', () => {
  it('replaces secrets at any depth and keeps the rest', () => {
    const at = new Date('2026-01-02T03:04:05.000Z');
    expect(
      redact({ ssid: 'home', passphrase: 'hunter22', nested: [{ password: 'x', passwordHash: 'y', name: 'n' }], at }),
    ).toEqual({ ssid: 'home', passphrase: REDACTED, nested: [{ password: REDACTED, passwordHash: REDACTED, name: 'n' }], at: at.toISOString() });
  });

  it('leaves scalars and null alone', () => {
    expect(redact(null)).toBeNull();
    expect(redact(3)).toBe(3);
  });
});
