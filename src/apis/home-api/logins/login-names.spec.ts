import { HomeApiError } from '../wire/error-catalogue';
import { candidateNames, NUMBERED_TRIES, defaultForwardUntil, requestedLogin, reservedUntil } from './login-names';

describe('@Home API login names', () => {
  it('keeps A-Za-z0-9 in lower case and refuses anything else with -20011', () => {
    expect(requestedLogin('Zeo')).toEqual({ name: 'zeo', numbered: false });
    expect(requestedLogin('me2?')).toEqual({ name: 'me2', numbered: true });
    for (const bad of ['me_1', 'a.b', 'x$', '?', 'a??', 'a?b']) {
      expect(() => requestedLogin(bad)).toThrow(HomeApiError);
      try {
        requestedLogin(bad);
      } catch (error) {
        expect((error as HomeApiError).code).toBe(-20011);
      }
    }
  });

  it('tries the name, then numbers after it within 32 characters, only when asked', () => {
    expect([...candidateNames({ name: 'me', numbered: false })]).toEqual(['me']);
    const numbered = [...candidateNames({ name: 'me', numbered: true })];
    expect(numbered.slice(0, 4)).toEqual(['me', 'me1', 'me2', 'me3']);
    expect(numbered).toHaveLength(1 + NUMBERED_TRIES);
    const long = 'a'.repeat(31);
    expect([...candidateNames({ name: long, numbered: true })]).toEqual([long, ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `${long}${n}`)]);
  });

  it('forwards 30 days by default and holds the name 30 more', () => {
    const deleted = new Date('1998-05-01T00:00:00Z');
    expect(defaultForwardUntil(deleted).toISOString()).toBe('1998-05-31T00:00:00.000Z');
    expect(reservedUntil(defaultForwardUntil(deleted)).toISOString()).toBe('1998-06-30T00:00:00.000Z');
  });
});
