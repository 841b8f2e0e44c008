// The one serial-number rule, for every entry: the API (claim, lookups) and the device port
// (AWLAN_Node serial_number/id, certificate CN). Canonical form: surrounding whitespace
// removed, letters in upper case, so "sn-1 " typed by a support agent and "SN-1" reported
// by the device are the same node (docs/decisions/device-port-security.md). What is left
// must be 1 to 64 letters, digits, "_", ".", ":" or "-", starting with a letter or digit:
// no control characters, so a serial can go into a log line as it is.

import { FieldError } from '../common/errors/app-error';

export const SERIAL_MAX_LENGTH = 64;
const SERIAL = /^[A-Z0-9][A-Z0-9_.:-]{0,63}$/;
/** Longer input is refused before it is trimmed or case-folded (no work on huge strings). */
const RAW_MAX_LENGTH = 256;

export const SERIAL_RULE = 'must be 1 to 64 letters, digits, "_", ".", ":" or "-", starting with a letter or digit';

/** The canonical serial, or undefined when the input is not a valid serial. */
export function normaliseSerial(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw.length > RAW_MAX_LENGTH) return undefined;
  const serial = raw.trim().toUpperCase();
  return SERIAL.test(serial) ? serial : undefined;
}

export function checkSerial(field: string, raw: string): FieldError[] {
  return normaliseSerial(raw) === undefined ? [{ field, message: SERIAL_RULE }] : [];
}

/**
 * A bounded, printable rendering of an untrusted string for a log line (a refused serial):
 * at most 64 characters, control and non-ASCII characters as \uXXXX escapes.
 */
export function printable(raw: unknown, max = 64): string {
  const text = typeof raw === 'string' ? raw : String(raw);
  const cut = text.length > max ? `${text.slice(0, max)}...(${text.length} chars)` : text;
  return JSON.stringify(cut).slice(1, -1).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
