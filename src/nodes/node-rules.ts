// Pure rules of node input. The serial rule and its canonical form (trimmed, upper case) are
// shared with the device port: src/validation/serial.ts.

import { FieldError } from '../common/errors/app-error';
import { checkOptionalText, checkText } from '../validation/field-checks';

export { checkSerial, normaliseSerial } from '../validation/serial';

export function checkNodeDescription(field: string, description: string | null | undefined): FieldError[] {
  return checkOptionalText(field, description, 200);
}

export function checkUnclaimReason(field: string, reason: string): FieldError[] {
  return checkText(field, reason, 1, 500);
}

const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;

/** Hardware facts a provisioning system sends with a claim: bounded text, lower-case colon MAC. */
export function checkNodeDetails(details: { model?: string; macAddress?: string; externalKey?: string }): FieldError[] {
  return [
    ...(details.model !== undefined ? checkText('model', details.model, 1, 64) : []),
    ...(details.macAddress !== undefined && !MAC.test(details.macAddress) ? [{ field: 'macAddress', message: 'must be six lower-case hex octets separated by colons' }] : []),
    ...(details.externalKey !== undefined ? checkText('externalKey', details.externalKey, 1, 32) : []),
  ];
}
