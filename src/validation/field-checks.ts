// Small pure checks shared by every provisioning input. Each returns a FieldError list so a
// caller can report every offending field of one input at once (VALIDATION_FAILED with
// fields) before anything touches the database.

import { FieldError } from '../common/errors/app-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Deliberately loose: one @, no spaces, a dot in the domain. Deliverability is proven by
// verifyCustomerEmail, not by a regex.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function checkUuid(field: string, value: string): FieldError[] {
  return isUuid(value) ? [] : [{ field, message: 'must be a UUID' }];
}

/** Trimmed length between min and max characters; control characters refused. */
export function checkText(field: string, value: string | null | undefined, min: number, max: number): FieldError[] {
  if (value === undefined || value === null) return min > 0 ? [{ field, message: 'is required' }] : [];
  const length = value.trim().length;
  if (length < min) return [{ field, message: min === 1 ? 'must not be empty' : `must have at least ${min} characters` }];
  if (value.length > max) return [{ field, message: `must have at most ${max} characters` }];
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return [{ field, message: 'must not contain control characters' }];
  return [];
}

export function checkOptionalText(field: string, value: string | null | undefined, max: number): FieldError[] {
  return value === undefined || value === null ? [] : checkText(field, value, 0, max);
}

export function checkEmail(field: string, value: string): FieldError[] {
  if (value.length > 254) return [{ field, message: 'must have at most 254 characters' }];
  return EMAIL.test(value) ? [] : [{ field, message: 'must be an email address' }];
}

/** Enum membership, for values that did not come through a GraphQL enum (defence in depth). */
export function checkEnum<T extends string>(field: string, value: string, allowed: Record<string, T>): FieldError[] {
  return (Object.values(allowed) as string[]).includes(value) ? [] : [{ field, message: `must be one of ${Object.values(allowed).join(', ')}` }];
}

/** Prefixes nested field names, e.g. `address.city` or `primaryNetwork.ssid`. */
export function nested(prefix: string, errors: FieldError[]): FieldError[] {
  return errors.map((e) => ({ field: `${prefix}.${e.field}`, message: e.message }));
}
