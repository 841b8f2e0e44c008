// The graphql-ws side of the API, with the same limits as HTTP: a message (query and
// variables together) no larger than the HTTP body limit, the same parse options and
// validation rules, connection_init required within a few seconds and carrying a valid
// token (an anonymous socket is closed), and a cap on operations per socket. Built here
// instead of through Nest's GqlSubscriptionService, which gives `ws` no maxPayload (100 MiB)
// and lets graphql-ws validate with graphql-js's rules only.

import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { execute, ExecutionArgs, GraphQLError, GraphQLSchema, parse, specifiedRules, validate, ValidationRule } from 'graphql';
import { ServerOptions, SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { Logger } from '@nestjs/common';
import { WebSocket, WebSocketServer } from 'ws';
import { AppError } from '../errors/app-error';
import { QUERY_PARSE_OPTIONS } from './query-limits';
import { onlyQueries, withinDeadline } from './request-deadline';

const logger = new Logger('GraphqlWs');

export interface GraphqlWsLimits {
  maxPayloadBytes: number;
  /** How long a socket may stay open without an accepted connection_init. */
  connectionInitTimeoutMs: number;
  /** Operations (subscriptions, and queries while they run) open at once on one socket. */
  maxOperationsPerSocket: number;
}

export interface GraphqlWsServerOptions {
  schema: GraphQLSchema;
  path: string;
  rules: ValidationRule[];
  limits: GraphqlWsLimits;
  /** Whether connectionParams carry a valid token; false closes the socket (4403). */
  authenticate: (connectionParams: Readonly<Record<string, unknown>> | undefined) => boolean;
  hooks: Partial<ServerOptions>;
}

export interface GraphqlWsServer {
  stop(): Promise<void>;
}

export function startGraphqlWsServer(httpServer: Server, options: GraphqlWsServerOptions): GraphqlWsServer {
  const wss = new WebSocketServer({ noServer: true, path: options.path, maxPayload: options.limits.maxPayloadBytes });
  const rules = [...specifiedRules, ...options.rules];
  const disposable = useServer(
    {
      ...options.hooks,
      schema: options.schema,
      connectionInitWaitTimeout: options.limits.connectionInitTimeoutMs,
      onConnect: (ctx) => options.authenticate(ctx.connectionParams),
      // The per-request time limit, as over HTTP: a query's answer waits no longer than it.
      execute: (args: ExecutionArgs) =>
        onlyQueries(args.document) && typeof args.contextValue === 'object' && args.contextValue !== null
          ? withinDeadline(args.contextValue, async () => execute(args)).catch((error: unknown) =>
              error instanceof AppError ? { errors: [new GraphQLError(error.message, { originalError: error })] } : Promise.reject(error),
            )
          : execute(args),
      onSubscribe: (ctx, id, payload) => {
        if (Object.keys(ctx.subscriptions).length > options.limits.maxOperationsPerSocket) {
          const refusal = AppError.tooManyRequests(`at most ${options.limits.maxOperationsPerSocket} operations may run at once on one connection`);
          return [new GraphQLError(refusal.message, { originalError: refusal })];
        }
        return prepare(options.schema, rules, payload);
      },
    },
    wss,
  );
  // graphql-ws prints a socket's error (a message over maxPayload, say) with console.error,
  // outside the application's logger and once per socket an attacker opens: replaced by one
  // warning line through the logger, naming the error code only.
  wss.on('connection', (socket: WebSocket) => {
    socket.removeAllListeners('error');
    socket.once('error', (error: Error & { code?: string }) => {
      logger.warn(`graphql-ws socket closed on error ${error.code ?? error.name}`);
      if (socket.readyState === WebSocket.OPEN) socket.close(1011, 'Internal server error');
    });
  });
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // graphql-ws itself closes a socket that does not speak its subprotocol (4406).
    if (wss.shouldHandle(request) !== true) return;
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };
  httpServer.on('upgrade', onUpgrade);
  return {
    async stop() {
      httpServer.off('upgrade', onUpgrade);
      await disposable.dispose();
    },
  };
}

/** Parse and validate as Mercurius does over HTTP; a refusal goes back as the operation's errors. */
function prepare(schema: GraphQLSchema, rules: readonly ValidationRule[], payload: SubscribePayload) {
  let document;
  try {
    document = parse(payload.query, QUERY_PARSE_OPTIONS);
  } catch (error) {
    return [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
  }
  const errors = validate(schema, document, rules);
  if (errors.length > 0) return errors;
  return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
}
