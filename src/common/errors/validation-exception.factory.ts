// class-validator failures become AppError.validation with one entry per offending field,
// nested inputs named by dotted path (input.address.city), so clients can point at them.

import { ValidationError } from 'class-validator';
import { AppError, FieldError } from './app-error';

export function validationFieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...validationFieldErrors(error.children ?? [], field)];
  });
}

export function validationExceptionFactory(errors: ValidationError[]): AppError {
  return AppError.validation(validationFieldErrors(errors));
}
