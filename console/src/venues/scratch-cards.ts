// Scratch-card batches in words: how many cards are unused, in use, ended; a validity period
// in minutes as people say it; the CSV's file name.

export interface CardLike {
  state: string;
  firstUsedAt?: string | null;
}

export function batchCounts(cards: readonly CardLike[]): { total: number; unused: number; inUse: number; ended: number } {
  let unused = 0;
  let inUse = 0;
  let ended = 0;
  for (const c of cards) {
    if (c.state === 'REVOKED' || c.state === 'EXPIRED') ended++;
    else if (c.firstUsedAt != null) inUse++;
    else unused++;
  }
  return { total: cards.length, unused, inUse, ended };
}

/** 90 -> "1 h 30 min", 1440 -> "1 day", 2880 -> "2 days", 45 -> "45 min". */
export function minutesWords(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440} day${minutes === 1440 ? '' : 's'}`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

export const MAX_CARDS = 64;
export const MAX_MINUTES = 527040;

export const PERIOD_UNITS = ['minutes', 'hours', 'days'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

/** A period typed as a number and a unit, in minutes, or why it cannot be. */
export function periodMinutes(amount: string, unit: PeriodUnit): { minutes: number } | { problem: string } {
  const n = Number(amount);
  if (amount.trim() === '' || !Number.isInteger(n) || n < 1) return { problem: 'a whole number of at least 1' };
  const minutes = n * (unit === 'days' ? 1440 : unit === 'hours' ? 60 : 1);
  return minutes > MAX_MINUTES ? { problem: 'at most 366 days' } : { minutes };
}

export function cardCountProblem(count: string): string | undefined {
  const n = Number(count);
  return count.trim() !== '' && Number.isInteger(n) && n >= 1 && n <= MAX_CARDS ? undefined : `a whole number from 1 to ${MAX_CARDS}`;
}

/** "Lobby guests, 6 Dec" -> "scratch-cards-lobby-guests-6-dec.csv". */
export function csvFileName(batchName: string): string {
  const slug = batchName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `scratch-cards${slug === '' ? '' : `-${slug}`}.csv`;
}
