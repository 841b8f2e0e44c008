// Serves the support console (docs/console.md) at `/`: index.html and its hashed assets
// from the built bundle, with the console's own Content-Security-Policy. Plain Fastify
// routes, as for GraphiQL: the files are static and every request the page makes is
// authorised by the API like any other. One route per file of the bundle (no wildcard), so
// unknown paths keep the API's 404. The console routes by the URL fragment (#/...), so the
// server needs no list of its pages.

import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { CONSOLE_CSP, consoleBundleDir } from './console-bundle';

const NOT_BUILT =
  '<!doctype html><meta charset="utf-8"><title>Console not built</title>' +
  '<p>The support console has not been built. Run <code>npm run build</code> and restart the controller. ' +
  'The GraphQL API is at <a href="/graphql">/graphql</a>.</p>';

@Injectable()
export class ConsoleRoutes implements OnModuleInit {
  private readonly logger = new Logger('Console');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const root = consoleBundleDir();
    if (root === undefined) {
      this.logger.warn('the console bundle is not built (npm run build); / answers with how to build it');
      fastify.get('/', (_request, reply) => secured(reply).code(503).type('text/html; charset=utf-8').send(NOT_BUILT));
      return;
    }
    void fastify.register(fastifyStatic, {
      root,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      // The app's own not-found answer stays the API's for unknown paths.
      decorateReply: false,
      setHeaders: (reply, path) => {
        // Assets carry a content hash in their name; index.html must be fetched anew.
        secured(reply).header('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
}

function secured(reply: FastifyReply): FastifyReply {
  return reply.header('content-security-policy', CONSOLE_CSP);
}
