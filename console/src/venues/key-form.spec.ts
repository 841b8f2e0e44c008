import { formatInZone, issueKeyInput, offsetMs, passphraseProblems, rotateKeyInput, zonedTimeToIso, type KeyFormValues } from './key-form';

const base: KeyFormValues = { unitId: 'u1', customerId: 'c1', source: 'generated', userPart: '', passphrase: '', validFrom: '', validUntil: '' };

describe('the issue-key form', () => {
  it('sends only what was chosen: a unit key with a generated passphrase and no window', () => {
    expect(issueKeyInput('p1', base, 'Europe/Paris')).toEqual({ input: { poolId: 'p1', customerId: 'c1', unitId: 'u1' } });
    expect(issueKeyInput('p1', { ...base, unitId: '', userPart: 'harbour-' }, 'UTC')).toEqual({ input: { poolId: 'p1', customerId: 'c1', userPart: 'harbour-' } });
  });

  it('sends an imported passphrase as typed (spaces are part of it), never a user part with it', () => {
    const built = issueKeyInput('p1', { ...base, source: 'imported', userPart: 'ignored', passphrase: ' correct horse ' }, 'UTC');
    expect(built).toEqual({ input: { poolId: 'p1', customerId: 'c1', unitId: 'u1', passphrase: ' correct horse ' } });
  });

  it('turns the window typed in the venue time zone into instants', () => {
    const built = issueKeyInput('p1', { ...base, validFrom: '2026-07-01T12:00', validUntil: '2026-12-01T12:00' }, 'Europe/Paris');
    expect(built).toEqual({ input: { poolId: 'p1', customerId: 'c1', unitId: 'u1', validFrom: '2026-07-01T10:00:00.000Z', validUntil: '2026-12-01T11:00:00.000Z' } });
  });

  it('names every field to fix and sends nothing', () => {
    const built = issueKeyInput('p1', { ...base, customerId: '', source: 'imported', passphrase: 'short', validFrom: '2026-12-02T10:00', validUntil: '2026-12-02T09:00' }, 'UTC');
    expect(built).toEqual({
      problems: [
        { field: 'customerId', message: 'choose the subscriber' },
        { field: 'passphrase', message: 'must have 8 to 63 characters' },
        { field: 'validUntil', message: 'must be after the start' },
      ],
    });
    expect(issueKeyInput('p1', { ...base, validFrom: '2026-12-02T10:00', validUntil: '2026-12-02T10:00' }, 'UTC')).toHaveProperty('problems');
    expect(issueKeyInput('p1', { ...base, validFrom: 'tomorrow' }, 'UTC')).toEqual({ problems: [{ field: 'validFrom', message: 'is not a date and time' }] });
  });

  it('checks passphrases and user parts as the API does', () => {
    expect(passphraseProblems('passphrase', 'imported', '', 'x'.repeat(8))).toEqual([]);
    expect(passphraseProblems('passphrase', 'imported', '', 'x'.repeat(63))).toEqual([]);
    expect(passphraseProblems('passphrase', 'imported', '', 'x'.repeat(64))).toHaveLength(1);
    expect(passphraseProblems('passphrase', 'imported', '', 'caf\u00e9 au lait')[0].message).toContain('printable ASCII');
    expect(passphraseProblems('userPart', 'generated', 'x'.repeat(40), '')).toEqual([]);
    expect(passphraseProblems('userPart', 'generated', 'x'.repeat(41), '')).toEqual([{ field: 'userPart', message: 'must have at most 40 characters' }]);
    expect(passphraseProblems('userPart', 'generated', 'flat\u00b74', '')).toHaveLength(1);
  });
});

describe('the rotate form', () => {
  it('random only, from a start, or imported', () => {
    expect(rotateKeyInput('generated', '', '')).toEqual({ input: undefined });
    expect(rotateKeyInput('generated', 'apt4b-', '')).toEqual({ input: { userPart: 'apt4b-' } });
    expect(rotateKeyInput('imported', 'ignored', 'a new passphrase')).toEqual({ input: { passphrase: 'a new passphrase' } });
    expect(rotateKeyInput('imported', '', '1234567')).toEqual({ problems: [{ field: 'passphrase', message: 'must have 8 to 63 characters' }] });
  });
});

describe('venue time', () => {
  it('knows the offset of a zone at an instant, summer and winter', () => {
    expect(offsetMs(Date.parse('2026-01-15T12:00:00Z'), 'Europe/Paris')).toBe(3_600_000);
    expect(offsetMs(Date.parse('2026-07-15T12:00:00Z'), 'Europe/Paris')).toBe(7_200_000);
    expect(offsetMs(Date.parse('2026-07-15T12:00:00Z'), 'America/New_York')).toBe(-4 * 3_600_000);
    expect(offsetMs(Date.parse('2026-07-15T12:00:00Z'), 'UTC')).toBe(0);
  });

  it('reads wall-clock times across daylight-saving changes', () => {
    expect(zonedTimeToIso('2026-03-29T01:30', 'Europe/Paris')).toBe('2026-03-29T00:30:00.000Z');
    expect(zonedTimeToIso('2026-03-29T03:30', 'Europe/Paris')).toBe('2026-03-29T01:30:00.000Z');
    // 02:30 does not exist that night in Paris: clocks jump from 02:00 to 03:00.
    expect(zonedTimeToIso('2026-03-29T02:30', 'Europe/Paris')).toBe('2026-03-29T01:30:00.000Z');
    expect(zonedTimeToIso('2026-11-01T00:00', 'Asia/Kolkata')).toBe('2026-10-31T18:30:00.000Z');
    expect(zonedTimeToIso('2026-11-01', 'UTC')).toBeUndefined();
  });

  it('shows an instant on the venue clock', () => {
    expect(formatInZone('2026-07-01T10:00:00.000Z', 'Europe/Paris')).toContain('12:00');
    expect(formatInZone(null, 'Europe/Paris')).toBe('—');
    expect(formatInZone('not a time', 'Europe/Paris')).toBe('—');
  });
});
