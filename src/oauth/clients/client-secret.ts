// Client secrets: 256 random bits, shown once at registration, stored as SHA-256. A secret
// of that entropy cannot be guessed, so a slow password hash would add cost without
// adding safety (docs/decisions/oauth.md); the comparison is constant-time.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newClientSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function newClientId(): string {
  return `cl_${randomBytes(12).toString('hex')}`;
}

export function hashClientSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function clientSecretMatches(storedHash: string | null | undefined, presented: unknown): boolean {
  if (typeof storedHash !== 'string' || typeof presented !== 'string' || presented.length === 0 || presented.length > 512) return false;
  const expected = Buffer.from(storedHash, 'hex');
  const actual = Buffer.from(hashClientSecret(presented), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
