// Pure rules of the customer lifecycle and of customer input. A terminated customer is
// final: nothing about it changes any more (the row stays for the audit trail).

import { FieldError } from '../common/errors/app-error';
import { checkEmail, checkOptionalText, checkText } from '../validation/field-checks';
import { CustomerStatus } from './customer-status';

export type CustomerTransition = 'suspend' | 'resume' | 'terminate';

const FROM: Record<CustomerTransition, CustomerStatus[]> = {
  suspend: [CustomerStatus.ACTIVE],
  resume: [CustomerStatus.SUSPENDED],
  terminate: [CustomerStatus.ACTIVE, CustomerStatus.SUSPENDED],
};
const TO: Record<CustomerTransition, CustomerStatus> = {
  suspend: CustomerStatus.SUSPENDED,
  resume: CustomerStatus.ACTIVE,
  terminate: CustomerStatus.TERMINATED,
};

/** The status after `transition`, or a reason it is refused (reported as PRECONDITION_FAILED). */
export function transitionCustomer(current: CustomerStatus, transition: CustomerTransition): { status: CustomerStatus } | { refused: string } {
  if (FROM[transition].includes(current)) return { status: TO[transition] };
  return { refused: `cannot ${transition} a customer that is ${current}` };
}

/** Why a customer may not be changed in any other way, or undefined when it may. */
export function refuseChangeOf(status: CustomerStatus): string | undefined {
  return status === CustomerStatus.TERMINATED ? 'the customer is TERMINATED and can no longer be changed' : undefined;
}

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export interface CustomerFields {
  name?: string;
  email?: string;
  accountId?: string | null;
  partnerId?: string | null;
  password?: string | null;
}

/** Problems of the fields that were sent; `required` lists fields a create must carry. */
export function validateCustomerFields(input: CustomerFields, required: (keyof CustomerFields)[] = []): FieldError[] {
  const missing = required.filter((k) => input[k] === undefined || input[k] === null).map((field) => ({ field, message: 'is required' }));
  const password = input.password;
  return [
    ...missing,
    ...(input.name !== undefined ? checkText('name', input.name, 1, 200) : []),
    ...(input.email !== undefined ? checkEmail('email', input.email) : []),
    ...(input.accountId !== undefined && input.accountId !== null ? checkText('accountId', input.accountId, 1, 100) : []),
    ...checkOptionalText('partnerId', input.partnerId, 100),
    ...(typeof password === 'string' && (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX)
      ? [{ field: 'password', message: `must have ${PASSWORD_MIN} to ${PASSWORD_MAX} characters` }]
      : []),
  ];
}

/** The key that makes email uniqueness case-insensitive. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}
