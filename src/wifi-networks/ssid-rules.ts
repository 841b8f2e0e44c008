// IEEE 802.11 limits the SSID element to 32 octets, so the limit is in UTF-8 bytes, not
// characters: 11 three-byte characters (33 bytes) do not fit although they look short.

import { FieldError } from '../common/errors/app-error';

export const SSID_MAX_BYTES = 32;

export function ssidByteLength(ssid: string): number {
  return Buffer.byteLength(ssid, 'utf8');
}

export function checkSsid(field: string, ssid: string): FieldError[] {
  const bytes = ssidByteLength(ssid);
  if (bytes === 0) return [{ field, message: 'must not be empty' }];
  if (bytes > SSID_MAX_BYTES) return [{ field, message: `must be at most ${SSID_MAX_BYTES} bytes in UTF-8, got ${bytes}` }];
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(ssid)) return [{ field, message: 'must not contain control characters' }];
  return [];
}
