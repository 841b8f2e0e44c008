// The HTTP server under Nest is Fastify (docs/decisions/graphql-server.md). Built here so
// the process and the test harness run the same server, with the same security headers
// (helmet's, computed once: security-headers.ts; docs/security.md).

import { FastifyAdapter } from '@nestjs/platform-fastify';
import { securityHeaders, securityHeadersHook } from './security-headers';

// nosniff, HSTS (honoured by browsers over HTTPS only), frame and referrer policies, no
// X-Powered-By. No Content-Security-Policy: the API answers JSON only, and a CSP would
// have to be relaxed for any GraphiQL page served next to it (scripts from a CDN).
const HEADERS = securityHeaders({ contentSecurityPolicy: false, crossOriginEmbedderPolicy: false });

export function createHttpAdapter(): FastifyAdapter {
  const adapter = new FastifyAdapter({
    // Node's own defaults, which the API had under express; Fastify's would keep idle
    // connections 72 s and let a request trickle in forever.
    keepAliveTimeout: 5_000,
    requestTimeout: 300_000,
  });
  adapter.getInstance().addHook('onRequest', securityHeadersHook(HEADERS));
  return adapter;
}
