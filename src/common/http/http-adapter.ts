// The HTTP server under Nest is Fastify (docs/decisions/graphql-server.md). Built here so
// the process and the test harness run the same server.

import { FastifyAdapter } from '@nestjs/platform-fastify';

export function createHttpAdapter(): FastifyAdapter {
  return new FastifyAdapter({
    // Node's own defaults, which the API had under express; Fastify's would keep idle
    // connections 72 s and let a request trickle in forever.
    keepAliveTimeout: 5_000,
    requestTimeout: 300_000,
  });
}
