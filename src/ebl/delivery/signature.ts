// Notifications are signed so the provider can tell them from forgeries: HMAC-SHA256 over
// the exact body bytes with the provider's secret, hex, in X-EBL-Signature as
// `sha256=<hex>` (the GitHub webhook convention).

import { createHmac, timingSafeEqual } from 'node:crypto';

export const DELIVERY_ID_HEADER = 'x-ebl-delivery-id';
export const SIGNATURE_HEADER = 'x-ebl-signature';

export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** What a provider runs on receipt (documented in docs/ebl.md; used by the tests). */
export function verifySignature(secret: string, body: string, header: string | undefined): boolean {
  if (header === undefined) return false;
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
