// graphql-ws delivers subscription results outside the HTTP server's error handling, so
// its errors would skip the one error formatter. These hooks route them through it, so a
// subscriber sees the same `extensions.code` (and no internals) as an HTTP client.
// An error without a path comes from GraphQL itself, before any resolver ran (validation,
// a missing variable): the request was refused. Resolver errors always carry a path.

import { ExecutionResult, FormattedExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql';
import { AppError } from '../errors/app-error';
import { formatGraphqlError } from '../errors/graphql-error-formatter';

export function formatErrors(errors: readonly GraphQLError[]): GraphQLFormattedError[] {
  return errors.map((error) => {
    // A subscription whose event stream fails (access lost meanwhile) arrives wrapped by
    // graphql-ws without a path: the AppError inside decides, as for a resolver's.
    if (error.path === undefined && error.originalError instanceof AppError) return formatGraphqlError(error.toJSON(), error.originalError);
    return formatGraphqlError(error.toJSON(), error, error.path === undefined);
  });
}

/** graphql-ws `onNext`: format the errors of a streamed result, leave data untouched. */
export function formatSubscriptionResult(result: ExecutionResult): FormattedExecutionResult | undefined {
  if (!result.errors || result.errors.length === 0) return undefined;
  return { ...result, errors: formatErrors(result.errors) };
}
