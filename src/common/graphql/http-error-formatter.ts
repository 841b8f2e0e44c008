// Mercurius hands every error of an HTTP request to one errorFormatter, whether GraphQL
// refused the document, Fastify or Mercurius refused the request (CSRF, body too large,
// malformed JSON, a mutation over GET) or a resolver failed. This tells the one error
// formatter which is which and answers with the status clients had before: 200 once
// execution started (data null if nothing resolved), the refusal's 4xx without data, and
// 500 for a failure outside execution.

import { ExecutionResult, FormattedExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql';
import { formatGraphqlError } from '../errors/graphql-error-formatter';
import { noteAnswerErrorCode } from './graphql-answers';

/** What Fastify and Mercurius throw: an HTTP status and, for a refused document, GraphQL's errors. */
interface TransportError extends Error {
  statusCode?: unknown;
  errors?: unknown;
}

export interface HttpErrorResponse {
  statusCode: number;
  response: FormattedExecutionResult;
}

/** The formatted answer; its first error code is noted for the request's answer (metrics). */
export function formatHttpErrors(execution: ExecutionResult & { errors: readonly GraphQLError[] }, context?: { reply?: object }): HttpErrorResponse {
  const answer = formatAnswer(execution);
  const first = answer.response.errors?.[0];
  if (first !== undefined && context?.reply !== undefined) {
    const code = first.extensions?.code;
    noteAnswerErrorCode(context.reply, typeof code === 'string' ? code : 'INTERNAL');
  }
  return answer;
}

function formatAnswer(execution: ExecutionResult & { errors: readonly GraphQLError[] }): HttpErrorResponse {
  const errors: GraphQLFormattedError[] = [];
  let refusedWith: number | undefined;
  let failedOutside = false;
  const refuse = (error: GraphQLError, status: number): void => {
    errors.push(formatGraphqlError(error.toJSON(), error, true));
    refusedWith ??= status;
  };
  for (const error of execution.errors) {
    if (error.path !== undefined) {
      errors.push(formatGraphqlError(error.toJSON(), error));
      continue;
    }
    const original = error.originalError as TransportError | undefined;
    const status = typeof original?.statusCode === 'number' ? original.statusCode : undefined;
    if (Array.isArray(original?.errors)) {
      for (const inner of original.errors as unknown[]) refuse(asGraphqlError(inner), status ?? 400);
    } else if (status !== undefined && status >= 400 && status < 500) {
      refuse(error, status);
    } else if (original === undefined || original instanceof GraphQLError) {
      // graphql-js itself, before the first resolver: an unknown operation, a missing variable.
      refuse(error, 400);
    } else {
      errors.push(formatGraphqlError(error.toJSON(), error));
      failedOutside = true;
    }
  }
  if (refusedWith !== undefined) return { statusCode: refusedWith, response: { errors } };
  if (failedOutside) return { statusCode: 500, response: { errors } };
  return { statusCode: 200, response: { data: execution.data ?? null, errors } };
}

function asGraphqlError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  return new GraphQLError(error instanceof Error ? error.message : String(error));
}
