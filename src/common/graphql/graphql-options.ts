// GraphQL settings, all in one place: schema built in memory from the code-first
// decorators, Mercurius serving POST and GET /graphql on Fastify, errors through the one
// formatter, the query limits of query-limits.ts, and graphql-ws on the same path with the
// same limits (the bearer token travels in connectionParams.authorization). What clients
// saw under Apollo Server is kept: the CSRF rule and its header names, the 100 KiB body
// limit, no caching, and no introspection when NODE_ENV=production (unless
// GRAPHQL_INTROSPECTION=true), the same policy on both transports.

import { MercuriusDriverConfig } from '@nestjs/mercurius';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DocumentNode, GraphQLSchema, Kind } from 'graphql';
import type { Context } from 'graphql-ws';
import type { GraphqlWsServerOptions } from './graphql-ws-server';
import { graphqlAnswered } from './graphql-answers';
import { formatHttpErrors } from './http-error-formatter';
import { armRequestDeadline, disarmRequestDeadline } from './request-deadline';
import { introspectionEnabled, QUERY_PARSE_OPTIONS, queryLimitRules } from './query-limits';
import { formatErrors, formatSubscriptionResult } from './subscription-errors';

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

/** A socket must send an authenticated connection_init within this time, or it is closed (4408). */
export const WS_CONNECTION_INIT_TIMEOUT_MS = 5_000;

/** Operations open at once on one graphql-ws socket; a client needs a handful. */
export const WS_MAX_OPERATIONS_PER_SOCKET = 25;

export interface GraphqlConfig extends MercuriusDriverConfig {
  /** graphql-ws server settings; graphql.driver.ts attaches that server. */
  graphqlWs: Pick<GraphqlWsServerOptions, 'rules' | 'limits' | 'hooks'>;
}

function graphqlWs(rules: GraphqlWsServerOptions['rules']): GraphqlConfig['graphqlWs'] {
  return {
    rules,
    limits: { maxPayloadBytes: MAX_BODY_BYTES, connectionInitTimeoutMs: WS_CONNECTION_INIT_TIMEOUT_MS, maxOperationsPerSocket: WS_MAX_OPERATIONS_PER_SOCKET },
    hooks: {
      context: (ctx: Context) => ({ connectionParams: ctx.connectionParams, sourceAddress: socketAddressOf(ctx) }),
      onNext: (_ctx, _id, _payload, _args, result) => formatSubscriptionResult(result),
      onError: (_ctx, _id, _payload, errors) => formatErrors(errors),
    },
  };
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

/**
 * As the answer leaves: the time limit is disarmed, the answer is told to its listener
 * (metrics), and no cache may keep it, since it depends on who asks (Apollo said the same).
 */
function answered(request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (err: null, payload: unknown) => void): void {
  disarmRequestDeadline(reply);
  graphqlAnswered(request, reply);
  void reply.header('cache-control', 'no-store');
  done(null, payload);
}

/** graphql-ws's `extra` for the ws adapter holds the upgrade request. */
function socketAddressOf(ctx: Context): string | undefined {
  return (ctx.extra as { request?: { socket?: { remoteAddress?: string } } } | undefined)?.request?.socket?.remoteAddress;
}

/** Mercurius's response schema would turn list indexes in error paths into strings. */
function plainJson(): (data: unknown) => string {
  return (data) => JSON.stringify(data);
}

export function graphqlOptions(): Omit<GraphqlConfig, 'driver'> {
  // Apollo Server's default, kept: production does not describe its schema to strangers.
  const rules = queryLimitRules(introspectionEnabled(process.env));
  return {
    autoSchemaFile: true,
    sortSchema: true,
    path: '/graphql',
    graphiql: false,
    // No context option: Mercurius puts the Fastify reply (and so the request and its
    // headers) in every context; see common/auth/request-context.ts.
    errorFormatter: formatHttpErrors,
    validationRules: rules,
    graphql: { parseOptions: QUERY_PARSE_OPTIONS },
    cache: DOCUMENT_CACHE_ENTRIES,
    hooks: { preValidation: documentsOnly },
    // Simple requests (an HTML form, a cross-site GET) are refused unless they carry a
    // header only script can set; the header names are Apollo's, which clients already send.
    csrfPrevention: { allowedContentTypes: ['application/json'], requiredHeaders: ['x-apollo-operation-name', 'apollo-require-preflight'] },
    additionalRouteOptions: { bodyLimit: MAX_BODY_BYTES, preHandler: armRequestDeadline, onSend: answered, serializerCompiler: plainJson },
    subscription: false,
    graphqlWs: graphqlWs(rules),
  };
}
