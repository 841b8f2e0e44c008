// A graphql-ws client for the security specs: one operation's outcome as a short string
// (`data`, `CODE: message`, or `closed <code>` when the server closed the socket).

import { createClient, Client } from 'graphql-ws';
import WebSocket from 'ws';

export function wsClient(httpUrl: string, connectionParams: Record<string, string>): Client {
  return createClient({ url: httpUrl.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
}

export function outcomeOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'number') return `closed ${code}`;
  if (Array.isArray(error)) return error.map((e: { message: string; extensions?: { code?: unknown } }) => `${String(e.extensions?.code)}: ${e.message}`).join('; ');
  return `error ${String(error)}`;
}

/** The first result of one operation, then the operation is ended (unless `keepOpen`). */
export function firstOutcome(client: Client, query: string, variables?: Record<string, unknown>, keepOpen = false): Promise<string> {
  return new Promise<string>((resolve) => {
    const stop = client.subscribe(
      { query, variables },
      {
        next: (msg) => {
          resolve(msg.errors ? msg.errors.map((e) => `${String(e.extensions?.code)}: ${e.message}`).join('; ') : 'data');
          if (!keepOpen) stop();
        },
        error: (e) => resolve(outcomeOf(e)),
        complete: () => resolve('complete'),
      },
    );
  });
}

/** Resolves with the close code once the server ends a raw socket. */
export function closeCodeOf(socket: WebSocket): Promise<number> {
  return new Promise((resolve) => socket.on('close', (code) => resolve(code)));
}
