// The ONE place errors become what a GraphQL client sees: AppError keeps its code (and
// fields for VALIDATION_FAILED); a request GraphQL itself refuses (parse error, unknown
// field or enum value, wrong type, missing argument) is VALIDATION_FAILED; anything else
// is INTERNAL with a generic message, the real error logged here and never sent.
// Whether GraphQL refused the request is the transport's knowledge: it says so (`refused`).

import { Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { AppError, ErrorCode, FieldError } from './app-error';

export const INTERNAL_MESSAGE = 'internal error';

const logger = new Logger('GraphQLErrors');

export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown, refused = false): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const where = { locations: formatted.locations, path: formatted.path };
  if (original instanceof AppError) {
    if (original.code === ErrorCode.INTERNAL) logger.error(`${pathOf(formatted)}: ${original.message}`);
    const extensions: Record<string, unknown> = original.fields ? { code: original.code, fields: original.fields } : { code: original.code };
    if (original.retryAfterSeconds !== undefined) extensions.retryAfterSeconds = original.retryAfterSeconds;
    return { message: original.message, ...where, extensions };
  }
  if (refused) {
    return {
      message: formatted.message,
      ...where,
      extensions: { code: ErrorCode.VALIDATION_FAILED, fields: [fieldOfRequestError(formatted.message)] },
    };
  }
  logger.error(`${pathOf(formatted)}: ${describe(original)}`);
  return { message: INTERNAL_MESSAGE, ...where, extensions: { code: ErrorCode.INTERNAL } };
}

/** Best effort: graphql-js names the variable, argument or field in quotes. */
export function fieldOfRequestError(message: string): FieldError {
  const match = /(?:Variable|Argument|Field|field) "\$?([^"]+)"/.exec(message);
  return { field: match?.[1] ?? 'request', message };
}

/** graphql-js wraps what a resolver threw; the wrapped error is the one that decides. */
function unwrapResolverError(error: unknown): unknown {
  return error instanceof GraphQLError && error.path !== undefined && error.originalError !== undefined ? error.originalError : error;
}

function pathOf(formatted: GraphQLFormattedError): string {
  return formatted.path?.join('.') ?? '(request)';
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}
