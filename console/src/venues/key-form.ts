// The issue-key and rotate forms' rules, as the API checks them (src/venues/key-rules.ts), so
// that a mistake is named before anything is sent; the API stays the judge. Times typed in
// the venue's time zone are turned into instants here.

export const PASSPHRASE_MIN = 8;
export const PASSPHRASE_MAX = 63;
/** The API's limit (VAULT's UserPartForNewKey); it appends 10 random characters. */
export const USER_PART_MAX = 40;
const PRINTABLE = /^[\x20-\x7e]+$/;

export type PassphraseSource = 'generated' | 'imported';

export interface KeyFormValues {
  /** '' : every location of the pool. */
  unitId: string;
  customerId: string;
  source: PassphraseSource;
  userPart: string;
  passphrase: string;
  /** datetime-local values ("2026-12-06T14:30") in the venue's time zone; '' : none. */
  validFrom: string;
  validUntil: string;
}

export interface FieldProblem {
  field: string;
  message: string;
}

export interface IssueKeyInput {
  poolId: string;
  customerId: string;
  unitId?: string;
  userPart?: string;
  passphrase?: string;
  validFrom?: string;
  validUntil?: string;
}

export function passphraseProblems(field: string, source: PassphraseSource, userPart: string, passphrase: string): FieldProblem[] {
  if (source === 'imported') {
    if (passphrase.length < PASSPHRASE_MIN || passphrase.length > PASSPHRASE_MAX) return [{ field, message: `must have ${PASSPHRASE_MIN} to ${PASSPHRASE_MAX} characters` }];
    return PRINTABLE.test(passphrase) ? [] : [{ field, message: 'must be printable ASCII (no accents, no emoji)' }];
  }
  if (userPart.length > USER_PART_MAX) return [{ field, message: `must have at most ${USER_PART_MAX} characters` }];
  return userPart === '' || PRINTABLE.test(userPart) ? [] : [{ field, message: 'must be printable ASCII (no accents, no emoji)' }];
}

/**
 * The instant of a wall-clock time in an IANA time zone ("2026-12-06T14:30" in Europe/Paris ->
 * 2026-12-06T13:30:00.000Z), or undefined when the text is not a time. A time skipped by a
 * daylight-saving change moves forward with it, as clocks do.
 */
export function zonedTimeToIso(local: string, timeZone: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (m === null) return undefined;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (Number.isNaN(wall)) return undefined;
  // Two rounds of "what does the zone show at this instant" settle the offset around a change.
  let instant = wall - offsetMs(wall, timeZone);
  instant = wall - offsetMs(instant, timeZone);
  return new Date(instant).toISOString();
}

/** The zone's offset from UTC at an instant, in ms (Europe/Paris in winter: 3,600,000). */
export function offsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(
    new Date(instant),
  );
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const shown = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return shown - Math.floor(instant / 1000) * 1000;
}

/** An instant as the venue's clock shows it ("6 Dec 2026, 14:30"). */
export function formatInZone(iso: string | null | undefined, timeZone: string): string {
  if (iso == null) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  try {
    return date.toLocaleString(undefined, { timeZone, dateStyle: 'medium', timeStyle: 'short' });
  } catch {
    return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  }
}

/** The input of issuePersonalKey from the form, or the fields to fix. */
export function issueKeyInput(poolId: string, values: KeyFormValues, timeZone: string): { input: IssueKeyInput } | { problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (values.customerId === '') problems.push({ field: 'customerId', message: 'choose the subscriber' });
  problems.push(...passphraseProblems(values.source === 'imported' ? 'passphrase' : 'userPart', values.source, values.userPart, values.passphrase));
  const from = values.validFrom === '' ? undefined : zonedTimeToIso(values.validFrom, timeZone);
  const until = values.validUntil === '' ? undefined : zonedTimeToIso(values.validUntil, timeZone);
  if (values.validFrom !== '' && from === undefined) problems.push({ field: 'validFrom', message: 'is not a date and time' });
  if (values.validUntil !== '' && until === undefined) problems.push({ field: 'validUntil', message: 'is not a date and time' });
  if (from !== undefined && until !== undefined && Date.parse(until) <= Date.parse(from)) problems.push({ field: 'validUntil', message: 'must be after the start' });
  if (problems.length > 0) return { problems };
  const input: IssueKeyInput = { poolId, customerId: values.customerId };
  if (values.unitId !== '') input.unitId = values.unitId;
  if (values.source === 'imported') input.passphrase = values.passphrase;
  else if (values.userPart !== '') input.userPart = values.userPart;
  if (from !== undefined) input.validFrom = from;
  if (until !== undefined) input.validUntil = until;
  return { input };
}

/** The input of rotatePersonalKey: random only (undefined), a user part, or an imported passphrase. */
export function rotateKeyInput(source: PassphraseSource, userPart: string, passphrase: string): { input: { userPart?: string; passphrase?: string } | undefined } | { problems: FieldProblem[] } {
  const problems = passphraseProblems(source === 'imported' ? 'passphrase' : 'userPart', source, userPart, passphrase);
  if (problems.length > 0) return { problems };
  if (source === 'imported') return { input: { passphrase } };
  return { input: userPart === '' ? undefined : { userPart } };
}
