// The HTTP server under Nest is Fastify (docs/decisions/graphql-server.md). Built here so
// the process and the test harness run the same server, with the same security headers
// (helmet's, computed once: security-headers.ts; docs/security.md).

import { FastifyAdapter } from '@nestjs/platform-fastify';
import { answerWithRouteFilter, routeErrorFilterFor } from '../errors/route-error-filters';
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
  // A request refused before its handler ran (a body that is no JSON) is answered by the
  // route's Fastify error handler, which Nest's filters never see: a route of a family that
  // registered its error shape (errors/route-error-filters.ts) gets one answering in it;
  // what it throws on goes to the default handler. Other routes keep the default.
  adapter.getInstance().addHook('onRoute', (route) => {
    if (route.errorHandler !== undefined || routeErrorFilterFor(route.url) === undefined) return;
    route.errorHandler = (error, request, reply) => {
      if (!answerWithRouteFilter(error, request, reply)) throw error;
    };
  });
  return adapter;
}
