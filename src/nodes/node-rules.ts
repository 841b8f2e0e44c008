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
