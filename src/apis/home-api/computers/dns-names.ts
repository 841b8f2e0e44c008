// A computer's DNS name, the "client id" of 6.4.12: Attachment A's format C<x><random
// number>-<a>, <x> the MSO's identifier, <a> a letter per computer (e.g. CT123-B). The
// identifier here is the first letter of the mso_name; a site's computers share one number
// and take the letters in turn. A name sent on a create (6.4.13, restoring a computer after
// a move) is kept as sent, in upper case.

import { randomInt } from 'node:crypto';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Six digits: the name stays within Attachment A's VARCHAR2(15) with room to spare. */
const MAX_NUMBER = 999_999;
/** A DNS label of at most 15 characters (the column): letters, digits, inner hyphens. */
const LABEL = /^[A-Z0-9](?:[A-Z0-9-]{0,13}[A-Z0-9])?$/;

/** C and the MSO's letter: the start of every name the gateway gives that MSO's computers. */
export function dnsPrefix(msoName: string): string {
  const letter = /[A-Z]/.exec(msoName.toUpperCase())?.[0] ?? 'X';
  return `C${letter}`;
}

/** A name sent to restore a computer, upper case; undefined when it is no DNS label. */
export function restoredDnsName(sent: string): string | undefined {
  const name = sent.toUpperCase();
  return LABEL.test(name) ? name : undefined;
}

/**
 * The next name for a computer of a site whose computers have `siteNames`: the site's number
 * with its first free letter, or (no number yet, or all 26 letters used) a new number.
 */
export function nextDnsName(prefix: string, siteNames: readonly string[], newNumber: () => number = randomNumber): string {
  const pattern = new RegExp(`^${prefix}(\\d+)-([A-Z])$`);
  const byNumber = new Map<string, Set<string>>();
  for (const name of siteNames) {
    const match = pattern.exec(name);
    if (match === null) continue;
    const [, number, letter] = match as unknown as [string, string, string];
    byNumber.set(number, (byNumber.get(number) ?? new Set()).add(letter));
  }
  for (const [number, used] of byNumber) {
    const free = [...LETTERS].find((l) => !used.has(l));
    if (free !== undefined) return `${prefix}${number}-${free}`;
  }
  return `${prefix}${newNumber()}-A`;
}

function randomNumber(): number {
  return randomInt(1, MAX_NUMBER + 1);
}
