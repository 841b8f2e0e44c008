// Mercurius serves GraphQL over HTTP; subscriptions stay on graphql-ws (the server library
// the API used before, speaking the graphql-transport-ws protocol), attached to the same
// HTTP server and path. Mercurius's own WebSocket transport was not used: it sends an
// error raised as a subscription starts (a missing token) as a protocol `error` message
// that bypasses the error formatter, does not validate subscription documents, and does
// not run queries over the socket, all of which clients of graphql-ws rely on.

import { Injectable } from '@nestjs/common';
import { GqlSubscriptionService } from '@nestjs/graphql';
import { MercuriusDriver } from '@nestjs/mercurius';
import { GraphQLSchema } from 'graphql';
import { GraphqlConfig } from './graphql-options';

@Injectable()
export class GraphqlDriver extends MercuriusDriver {
  private subscriptions?: GqlSubscriptionService;

  override async start(options: GraphqlConfig & { schema?: GraphQLSchema }): Promise<void> {
    const { graphqlWs, ...mercurius } = options;
    if (options.schema === undefined) throw new Error('GraphQL schema not built');
    await super.start(mercurius);
    this.subscriptions = new GqlSubscriptionService(
      // Nest types only some graphql-ws hooks; it hands the whole object to graphql-ws.
      { schema: options.schema, path: options.path, 'graphql-ws': graphqlWs as object },
      this.httpAdapterHost.httpAdapter.getHttpServer(),
    );
  }

  override async stop(): Promise<void> {
    await this.subscriptions?.stop();
    await super.stop();
  }
}
