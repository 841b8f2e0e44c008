// Request bodies checked against their JSON schemas with ajv before anything is read or
// written: unknown fields refused, every problem named, 400 INVALID_ARGUMENT.

import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { ApiError } from '../../oauth/bearer/api-error';

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);

export function bodyValidator<T>(schema: object): (body: unknown) => T {
  const validate: ValidateFunction = ajv.compile(schema);
  return (body: unknown): T => {
    if (!validate(body)) {
      const problems = (validate.errors ?? []).map((e) => `${e.instancePath || 'body'} ${e.message ?? 'is invalid'}${e.keyword === 'additionalProperties' ? `: ${String((e.params as { additionalProperty?: string }).additionalProperty)}` : ''}`);
      throw ApiError.invalidArgument(problems.join('; '));
    }
    return body as T;
  };
}
