// GraphQL settings, all in one place: schema built in memory from the code-first
// decorators, Mercurius serving POST and GET /graphql on Fastify, errors through the one
// formatter, a depth limit, and graphql-ws for subscriptions on the same path (the bearer
// token travels in connectionParams.authorization). What clients saw under Apollo Server
// is kept: the CSRF rule and its header names, the 100 KiB body limit, no caching, and no
// introspection when NODE_ENV=production.

import { MercuriusDriverConfig } from '@nestjs/mercurius';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DocumentNode, GraphQLSchema, Kind, NoSchemaIntrospectionCustomRule, ValidationRule } from 'graphql';
import type { Context, ServerOptions } from 'graphql-ws';
import { depthLimitRule } from './depth-limit.rule';
import { formatHttpErrors } from './http-error-formatter';
import { formatErrors, formatSubscriptionResult } from './subscription-errors';

export const MAX_QUERY_DEPTH = 10;

/** express's default JSON limit, which the API had: any real query is far smaller. */
export const MAX_BODY_BYTES = 100 * 1024;

/**
 * Parsed and validated documents kept by Mercurius (least recently used dropped first). A
 * client using variables sends a handful of distinct documents; one that inlines values
 * sends a new document each time, and Mercurius bounds its cache by count, not bytes, so
 * the default of 1,024 large documents held tens of MB of syntax trees in the scale
 * benchmark (docs/benchmarks.md).
 */
export const DOCUMENT_CACHE_ENTRIES = 128;

export interface GraphqlConfig extends MercuriusDriverConfig {
  /** graphql-ws server options; graphql.driver.ts attaches that server. */
  graphqlWs: Partial<ServerOptions>;
}

const graphqlWs: Partial<ServerOptions> = {
  context: (ctx: Context) => ({ connectionParams: ctx.connectionParams }),
  onNext: (_ctx, _id, _payload, _args, result) => formatSubscriptionResult(result),
  onError: (_ctx, _id, _payload, errors) => formatErrors(errors),
};

function validationRules(): ValidationRule[] {
  const rules = [depthLimitRule(MAX_QUERY_DEPTH)];
  // Apollo Server's default, kept: production does not describe its schema to strangers.
  if (process.env.NODE_ENV === 'production') rules.push(NoSchemaIntrospectionCustomRule);
  return rules;
}

/**
 * Mercurius takes a query that is not GraphQL but is valid JSON for an already parsed
 * document, which validation then trips over (a 500). Refuse it as the syntax error it is.
 * Runs only for a query not yet in Mercurius's cache of validated documents.
 */
function documentsOnly(_schema: GraphQLSchema, document: DocumentNode): void {
  if ((document as Partial<DocumentNode> | null)?.kind !== Kind.DOCUMENT) {
    throw Object.assign(new Error('Syntax Error: the query is not a GraphQL document.'), { statusCode: 400 });
  }
}

/** A GraphQL answer depends on who asks: no cache may keep it (Apollo said the same). */
function noStore(_request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (err: null, payload: unknown) => void): void {
  void reply.header('cache-control', 'no-store');
  done(null, payload);
}

/** Mercurius's response schema would turn list indexes in error paths into strings. */
function plainJson(): (data: unknown) => string {
  return (data) => JSON.stringify(data);
}

export function graphqlOptions(): Omit<GraphqlConfig, 'driver'> {
  return {
    autoSchemaFile: true,
    sortSchema: true,
    path: '/graphql',
    graphiql: false,
    // No context option: Mercurius puts the Fastify reply (and so the request and its
    // headers) in every context; see common/auth/request-context.ts.
    errorFormatter: formatHttpErrors,
    validationRules: validationRules(),
    cache: DOCUMENT_CACHE_ENTRIES,
    hooks: { preValidation: documentsOnly },
    // Simple requests (an HTML form, a cross-site GET) are refused unless they carry a
    // header only script can set; the header names are Apollo's, which clients already send.
    csrfPrevention: { allowedContentTypes: ['application/json'], requiredHeaders: ['x-apollo-operation-name', 'apollo-require-preflight'] },
    additionalRouteOptions: { bodyLimit: MAX_BODY_BYTES, onSend: noStore, serializerCompiler: plainJson },
    subscription: false,
    graphqlWs,
  };
}
