// Input checks for clients: a MAC in the usual form, a nickname the device can carry
// (Client_Nickname_Config.nickname, at most 255 characters; we keep to 64 printable ones).

import { FieldError } from '../../common/errors/app-error';

const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;
export const MAX_NICKNAME_LENGTH = 64;

export function normalizeClientMac(mac: string): string {
  return mac.trim().toLowerCase().replace(/-/g, ':');
}

export function checkClientMac(field: string, mac: string): FieldError[] {
  return MAC.test(normalizeClientMac(mac)) ? [] : [{ field, message: 'must be a MAC address like aa:bb:cc:dd:ee:ff' }];
}

/** null or blank clears the nickname. */
export function checkNickname(field: string, nickname: string | null): FieldError[] {
  if (nickname === null || nickname.trim() === '') return [];
  if (nickname.trim().length > MAX_NICKNAME_LENGTH) return [{ field, message: `must be at most ${MAX_NICKNAME_LENGTH} characters` }];
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(nickname)) return [{ field, message: 'must not contain control characters' }];
  return [];
}
