// A retry must carry the same input as the first call. Inputs are hashed in a canonical
// form (keys sorted, undefined dropped) so field order in the request does not matter.

import { createHash } from 'node:crypto';
import { FieldError } from '../common/errors/app-error';

function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

export function requestHash(input: unknown): string {
  return createHash('sha256').update(JSON.stringify(canonical(input) ?? null)).digest('hex');
}

export function checkIdempotencyKey(field: string, key: string | null | undefined): FieldError[] {
  if (key === undefined || key === null) return [];
  return /^[\x21-\x7e]{1,128}$/.test(key) ? [] : [{ field, message: 'must be 1 to 128 printable ASCII characters without spaces' }];
}
