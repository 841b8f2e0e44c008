// The shape in which convergence reports a difference, and the masking of secrets in it:
// mismatches travel to GraphQL and logs, passphrases must not.

import { Value } from '@lib/ovsdb';

export interface VifMismatch {
  column: string;
  config: Value;
  state: Value;
}

export interface VifComparison {
  inSync: boolean;
  mismatches: VifMismatch[];
}

export const REDACTED = '<redacted>';
const SECRET_MAP_COLUMNS = new Set(['wpa_psks']);
// Legacy security map entries that carry a passphrase or shared secret ("key", "key-2", ...).
const SECRET_SECURITY_KEY = /^(key(-.*)?|radius_server_secret)$/;
const SECRET_SCALAR_COLUMNS = new Set(['radius_srv_secret', 'ft_encr_key']);

/** The value with passphrases and secrets replaced, keys kept so a mismatch stays readable. */
export function redactSecrets(column: string, value: Value): Value {
  if (SECRET_SCALAR_COLUMNS.has(column) && value !== undefined) return REDACTED;
  if (!(value instanceof Map)) return value;
  if (SECRET_MAP_COLUMNS.has(column)) return new Map([...value.keys()].map((k) => [k, REDACTED]));
  if (column === 'security') {
    return new Map([...value.entries()].map(([k, v]) => [k, typeof k === 'string' && SECRET_SECURITY_KEY.test(k) ? REDACTED : v]));
  }
  return value;
}

export function mismatch(column: string, config: Value, state: Value): VifMismatch {
  return { column, config: redactSecrets(column, config), state: redactSecrets(column, state) };
}

