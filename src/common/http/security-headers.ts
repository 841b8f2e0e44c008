// The hardening headers of every answer (docs/security.md), computed once at start-up by
// helmet itself and set on each reply by one synchronous onRequest hook. @fastify/helmet
// built helmet's middleware again for every request (its options parsed anew, two async
// hooks, each header set through Node's validating setHeader): about 3 % of the read path's
// CPU (docs/benchmarks.md, round nine). Without a Content-Security-Policy nothing in these
// headers depends on the request, so one computation serves every answer.

import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { HelmetOptions } from 'helmet';

export interface SecurityHeaders {
  /** Header name (lower case) -> value, as helmet sets them. */
  readonly set: Readonly<Record<string, string>>;
  /** Headers helmet removes (X-Powered-By). */
  readonly removed: readonly string[];
}

/** What helmet does to a response with these options, recorded on a stand-in response. */
export function securityHeaders(options: Readonly<HelmetOptions>): SecurityHeaders {
  const set: Record<string, string> = {};
  const removed: string[] = [];
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]): void {
      set[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string): void {
      removed.push(name.toLowerCase());
    },
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error instanceof Error ? error : new Error(String(error));
  });
  return { set: Object.freeze(set), removed: Object.freeze(removed) };
}

interface HeaderReply {
  headers(values: Readonly<Record<string, string>>): unknown;
  removeHeader(name: string): unknown;
}

/** A Fastify onRequest hook that puts the headers on every reply. */
export function securityHeadersHook(headers: SecurityHeaders): (request: unknown, reply: HeaderReply, done: () => void) => void {
  return (_request, reply, done) => {
    reply.headers(headers.set);
    for (const name of headers.removed) reply.removeHeader(name);
    done();
  };
}
