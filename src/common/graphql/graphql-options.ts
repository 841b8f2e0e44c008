// Apollo driver settings: schema built in memory from the code-first decorators, errors
// through the one formatter, a depth limit, and graphql-ws ready for subscriptions (the
// bearer token travels in connectionParams.authorization).

import { ApolloDriverConfig } from '@nestjs/apollo';
import { formatGraphqlError } from '../errors/graphql-error-formatter';
import { depthLimitRule } from './depth-limit.rule';

export const MAX_QUERY_DEPTH = 10;

interface WsContext {
  connectionParams?: Record<string, unknown>;
}

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
    subscriptions: { 'graphql-ws': true },
    context: (ctx: { req?: unknown; extra?: WsContext; connectionParams?: Record<string, unknown> }) =>
      ctx.req !== undefined ? { req: ctx.req } : { connectionParams: ctx.connectionParams ?? ctx.extra?.connectionParams },
  };
}
