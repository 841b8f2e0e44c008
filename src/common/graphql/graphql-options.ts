// Apollo driver settings: schema built in memory from the code-first decorators, errors
// through the one formatter, a depth limit, and graphql-ws ready for subscriptions (the
// bearer token travels in connectionParams.authorization).

import { ApolloDriverConfig } from '@nestjs/apollo';
import type { ServerOptions } from 'graphql-ws';
import { formatGraphqlError } from '../errors/graphql-error-formatter';
import { depthLimitRule } from './depth-limit.rule';
import { formatErrors, formatSubscriptionResult } from './subscription-errors';

export const MAX_QUERY_DEPTH = 10;

interface WsContext {
  connectionParams?: Record<string, unknown>;
}

// Nest's type lists only some graphql-ws hooks; it hands the whole object to graphql-ws.
const graphqlWsOptions: Pick<ServerOptions, 'onNext' | 'onError'> = {
  onNext: (_ctx, _id, _payload, _args, result) => formatSubscriptionResult(result),
  onError: (_ctx, _id, _payload, errors) => formatErrors(errors),
};

export function graphqlOptions(): Omit<ApolloDriverConfig, 'driver'> {
  return {
    autoSchemaFile: true,
    sortSchema: true,
    path: '/graphql',
    graphiql: false,
    includeStacktraceInErrorResponses: false,
    autoTransformHttpErrors: false,
    formatError: formatGraphqlError,
    validationRules: [depthLimitRule(MAX_QUERY_DEPTH)],
    subscriptions: { 'graphql-ws': graphqlWsOptions },
    context: (ctx: { req?: unknown; extra?: WsContext; connectionParams?: Record<string, unknown> }) =>
      ctx.req !== undefined ? { req: ctx.req } : { connectionParams: ctx.connectionParams ?? ctx.extra?.connectionParams },
  };
}
