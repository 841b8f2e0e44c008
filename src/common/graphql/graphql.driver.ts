// Mercurius serves GraphQL over HTTP; subscriptions (and queries and mutations sent over
// the socket) run on graphql-ws, the server library the API used before, speaking the
// graphql-transport-ws protocol, attached to the same HTTP server and path
// (graphql-ws-server.ts, with the same limits as HTTP). Mercurius's own WebSocket
// transport was not used: it sends an error raised as a subscription starts (a missing
// token) as a protocol `error` message that bypasses the error formatter, does not validate
// subscription documents, and does not run queries over the socket, all of which clients
// of graphql-ws rely on.

import { Inject, Injectable } from '@nestjs/common';
import { MercuriusDriver } from '@nestjs/mercurius';
import { GraphQLSchema } from 'graphql';
import { bearerTokenOf } from '../auth/request-context';
import { TokenService } from '../auth/token.service';
import { GraphqlConfig } from './graphql-options';
import { GraphqlWsServer, startGraphqlWsServer } from './graphql-ws-server';

@Injectable()
export class GraphqlDriver extends MercuriusDriver {
  @Inject(TokenService) private readonly tokens!: TokenService;
  private subscriptions?: GraphqlWsServer;

  override async start(options: GraphqlConfig & { schema?: GraphQLSchema }): Promise<void> {
    const { graphqlWs, ...mercurius } = options;
    if (options.schema === undefined) throw new Error('GraphQL schema not built');
    await super.start(mercurius);
    this.subscriptions = startGraphqlWsServer(this.httpAdapterHost.httpAdapter.getHttpServer(), {
      ...graphqlWs,
      schema: options.schema,
      path: options.path ?? '/graphql',
      authenticate: (connectionParams) => this.validToken(connectionParams),
    });
  }

  override async stop(): Promise<void> {
    await this.subscriptions?.stop();
    await super.stop();
  }

  /** The socket is kept only with a valid, unexpired token; each operation still loads its user afresh. */
  private validToken(connectionParams: Readonly<Record<string, unknown>> | undefined): boolean {
    const token = bearerTokenOf({ connectionParams: connectionParams as Record<string, unknown> | undefined });
    if (token === undefined || token === '') return false;
    try {
      this.tokens.verify(token);
      return true;
    } catch {
      return false;
    }
  }
}
