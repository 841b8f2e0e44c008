// Pure rules of node input. Serial numbers are matched exactly as the device reports them
// (AWLAN_Node id / certificate CN), so they are not case-folded.

import { FieldError } from '../common/errors/app-error';
import { checkOptionalText, checkText } from '../validation/field-checks';

const SERIAL = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

export function checkSerial(field: string, serial: string): FieldError[] {
  return SERIAL.test(serial) ? [] : [{ field, message: 'must be 1 to 64 letters, digits, "_", ".", ":" or "-", starting with a letter or digit' }];
}

export function checkNodeDescription(field: string, description: string | null | undefined): FieldError[] {
  return checkOptionalText(field, description, 200);
}

export function checkUnclaimReason(field: string, reason: string): FieldError[] {
  return checkText(field, reason, 1, 500);
}
