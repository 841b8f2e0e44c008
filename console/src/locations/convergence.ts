// Convergence in words: why a network is not APPLIED on a node, from the API's mismatches.
// Values of columns that can carry a key (security, wpa_psks, ...) are never shown, only
// that they differ.

export type Convergence = 'APPLIED' | 'PENDING' | 'FAILED' | 'OFFLINE';

export interface Mismatch {
  reason: string;
  ifName: string;
  column?: string | null;
  desired?: unknown;
  config?: unknown;
  state?: unknown;
}

const SECRET_COLUMN = /psk|key|pass|secret|security|radius|credential/i;

const REASONS: Record<string, string> = {
  CONFIG_DIFFERS: 'the configuration on the device is not what the controller wants yet',
  CONFIG_MISSING: 'the device has no configuration row for this network yet',
  DUPLICATE_RADIO_BAND: 'the device has two radios on one band, so the network cannot be placed',
  NOT_REMOVED: 'a VIF that must be removed is still configured or running',
  OPEN_NOT_ALLOWED_ON_6G: 'an open network cannot run on a 6 GHz radio',
  PASSPHRASE_MISSING: 'the security mode needs a passphrase and the network has none',
  SECURITY_UNSUPPORTED: "the device's firmware cannot express this security mode",
  SLOT_CONFLICT: 'no free VIF slot on the radio for this network',
  STATE_DIFFERS: 'the device has not applied the configuration yet',
};

export function describeValue(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** One sentence for a mismatch. */
export function describeMismatch(m: Mismatch): string {
  const why = REASONS[m.reason] ?? m.reason.toLowerCase().replace(/_/g, ' ');
  const where = m.ifName !== '' ? `${m.ifName}: ` : '';
  if (m.column === undefined || m.column === null || m.column === '') return `${where}${why}.`;
  if (SECRET_COLUMN.test(m.column)) return `${where}${why} (column ${m.column} differs; its value is not shown).`;
  const seen = m.reason === 'STATE_DIFFERS' ? m.state : m.config;
  return `${where}${why}: ${m.column} is ${describeValue(seen)}, wanted ${describeValue(m.desired)}.`;
}

export function convergenceTone(status: Convergence): 'ok' | 'warn' | 'bad' | 'muted' {
  return status === 'APPLIED' ? 'ok' : status === 'PENDING' ? 'warn' : status === 'FAILED' ? 'bad' : 'muted';
}

export const CONVERGENCE_WORDS: Record<Convergence, string> = {
  APPLIED: 'applied',
  PENDING: 'pending',
  FAILED: 'failed',
  OFFLINE: 'node offline',
};
