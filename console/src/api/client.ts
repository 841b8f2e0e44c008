// One urql client per signed-in token: queries and mutations over HTTP POST /graphql,
// subscriptions over graphql-ws on the same path (the token in connectionParams, as the
// API expects). A new token (login, re-login after expiry) builds a new client; the pages'
// own state (what an agent typed) is React state and survives it.

import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { cacheExchange, Client, fetchExchange, mapExchange, subscriptionExchange, type CombinedError } from 'urql';

export const GRAPHQL_PATH = '/graphql';

export interface ConsoleClient {
  client: Client;
  dispose(): void;
}

export function createConsoleClient(token: string | undefined, onUnauthenticated: (error: CombinedError) => void): ConsoleClient {
  const authorization = token !== undefined ? `Bearer ${token}` : undefined;
  let ws: WsClient | undefined;
  const wsClient = (): WsClient => {
    ws ??= createWsClient({
      url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${GRAPHQL_PATH}`,
      connectionParams: authorization !== undefined ? { authorization } : {},
      lazy: true,
      retryAttempts: 5,
    });
    return ws;
  };
  const client = new Client({
    url: GRAPHQL_PATH,
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: () => (authorization !== undefined ? { headers: { authorization } } : {}),
    exchanges: [
      mapExchange({
        onError(error) {
          if (error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) onUnauthenticated(error);
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = wsClient().subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
  return { client, dispose: () => void ws?.dispose() };
}
