// Login names as Attachment A reads them: A-Za-z0-9 only, kept in lower case (5.6.7: @Home
// supports lowercase logins only), at most 32 characters. A trailing "?" asks the server to
// take the next free name (Table H.1's action for -20015): the name itself when free, else the
// name followed by the lowest number that is free.

import { HomeApiError, HomeErrorCode } from '../wire/error-catalogue';

export const LOGIN_MAX = 32;
/** 4.3.3: a deleted login is forwarded 30 days unless the MSO says otherwise, then held 30 more. */
export const FORWARD_DAYS = 30;
export const RESERVE_DAYS = 30;
const DAY_MS = 86_400_000;

export interface RequestedLogin {
  name: string;
  /** Sent with a trailing "?": a number is appended when the name is taken. */
  numbered: boolean;
}

/** -20011 for anything but A-Za-z0-9 (with one trailing "?"). */
export function requestedLogin(value: string): RequestedLogin {
  const numbered = value.endsWith('?');
  const name = (numbered ? value.slice(0, -1) : value).toLowerCase();
  if (!/^[a-z0-9]+$/.test(name)) throw new HomeApiError(HomeErrorCode.BAD_LOGIN_CHARACTERS);
  return { name, numbered };
}

/** How many numbers a "?" tries before answering that the name is taken. */
export const NUMBERED_TRIES = 999;

/** The names to try for a request, in order: the name, then name1, name2... within 32 characters. */
export function* candidateNames(requested: RequestedLogin): Generator<string> {
  yield requested.name;
  if (!requested.numbered) return;
  for (let n = 1; n <= NUMBERED_TRIES && `${requested.name}${n}`.length <= LOGIN_MAX; n++) yield `${requested.name}${n}`;
}

/** When a deleted login's name may be given to anyone again: its forwarding, then the reserve. */
export function reservedUntil(forwardUntil: Date): Date {
  return new Date(forwardUntil.getTime() + RESERVE_DAYS * DAY_MS);
}

export function defaultForwardUntil(deletedAt: Date): Date {
  return new Date(deletedAt.getTime() + FORWARD_DAYS * DAY_MS);
}
