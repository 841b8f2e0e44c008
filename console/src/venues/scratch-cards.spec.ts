import { batchCounts, cardCountProblem, csvFileName, minutesWords, periodMinutes } from './scratch-cards';

describe('scratch cards in words', () => {
  it('counts unused, in-use and ended cards', () => {
    expect(
      batchCounts([
        { state: 'ACTIVE', firstUsedAt: null },
        { state: 'ACTIVE', firstUsedAt: '2026-12-06T10:00:00Z' },
        { state: 'EXPIRED', firstUsedAt: '2026-12-05T10:00:00Z' },
        { state: 'REVOKED', firstUsedAt: null },
      ]),
    ).toEqual({ total: 4, unused: 1, inUse: 1, ended: 2 });
  });

  it('says a period as people do', () => {
    expect(minutesWords(45)).toBe('45 min');
    expect(minutesWords(60)).toBe('1 h');
    expect(minutesWords(90)).toBe('1 h 30 min');
    expect(minutesWords(1440)).toBe('1 day');
    expect(minutesWords(2880)).toBe('2 days');
  });

  it('reads a period and a count within the API limits', () => {
    expect(periodMinutes('24', 'hours')).toEqual({ minutes: 1440 });
    expect(periodMinutes('366', 'days')).toEqual({ minutes: 527040 });
    expect(periodMinutes('367', 'days')).toEqual({ problem: 'at most 366 days' });
    expect(periodMinutes('1.5', 'hours')).toHaveProperty('problem');
    expect(periodMinutes('0', 'minutes')).toHaveProperty('problem');
    expect(periodMinutes('', 'minutes')).toHaveProperty('problem');
    expect(cardCountProblem('64')).toBeUndefined();
    expect(cardCountProblem('65')).toBeDefined();
    expect(cardCountProblem('0')).toBeDefined();
    expect(cardCountProblem('')).toBeDefined();
  });

  it('names the CSV after the batch', () => {
    expect(csvFileName('Lobby guests, 6 Dec')).toBe('scratch-cards-lobby-guests-6-dec.csv');
    expect(csvFileName('***')).toBe('scratch-cards.csv');
  });
});
