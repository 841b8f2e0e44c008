// graphql-ws delivers subscription results outside Apollo's request pipeline, so its errors
// would skip the one error formatter. These hooks route them through it, so a subscriber
// sees the same `extensions.code` (and no internals) as an HTTP client.

import { ExecutionResult, FormattedExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql';
import { formatGraphqlError } from '../errors/graphql-error-formatter';

export function formatErrors(errors: readonly GraphQLError[]): GraphQLFormattedError[] {
  return errors.map((error) => formatGraphqlError(error.toJSON(), error));
}

/** graphql-ws `onNext`: format the errors of a streamed result, leave data untouched. */
export function formatSubscriptionResult(result: ExecutionResult): FormattedExecutionResult | undefined {
  if (!result.errors || result.errors.length === 0) return undefined;
  return { ...result, errors: formatErrors(result.errors) };
}
