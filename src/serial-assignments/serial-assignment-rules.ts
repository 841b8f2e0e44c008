// Pure rules of serial assignments: what a valid serial or prefix is, and the SQL
// condition that picks the unclaimed serials a set of assignments lets a group see.

import { FieldError } from '../common/errors/app-error';
import { checkSerial } from '../nodes/node-rules';

/** Shorter prefixes would hand a group most of the world's serials by mistake. */
export const MIN_PREFIX_LENGTH = 4;

export function checkAssignedValues(serials: readonly string[], prefixes: readonly string[]): FieldError[] {
  const errors = serials.flatMap((serial, i) => checkSerial(`serials[${i}]`, serial));
  prefixes.forEach((prefix, i) => {
    errors.push(...checkSerial(`prefixes[${i}]`, prefix));
    if (prefix.length < MIN_PREFIX_LENGTH) errors.push({ field: `prefixes[${i}]`, message: `must be at least ${MIN_PREFIX_LENGTH} characters long` });
  });
  if (serials.length + prefixes.length === 0) errors.push({ field: 'serials', message: 'give at least one serial or prefix' });
  return errors;
}

/** A LIKE pattern matching the prefix literally (serials may hold `_`, a LIKE wildcard). */
export function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
