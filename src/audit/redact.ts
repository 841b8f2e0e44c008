// Audit summaries are stored for a long time and shown to many people: any key that looks
// like a secret is replaced, however deeply nested, before the summary is written.

const SECRET_KEY = /pass(word|phrase)|secret|token|hash|private.?key/i;
export const REDACTED = '[redacted]';

export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, SECRET_KEY.test(key) ? REDACTED : redact(inner)]),
    );
  }
  return value;
}
