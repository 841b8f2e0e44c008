// Serves the GraphiQL explorer at /graphiql when GRAPHIQL is on (the default outside
// production). Plain Fastify routes rather than a Nest controller: they carry no API
// permission (the page is static; every query it sends is authorised like any other) and
// exist only when enabled. Assets stream from disk, so nothing is held in memory.

import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createReadStream } from 'node:fs';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { GRAPHIQL_PAGE, GRAPHIQL_START_SCRIPT, graphiqlAssets } from './graphiql-assets';

export const GRAPHIQL_PATH = '/graphiql';

@Injectable()
export class GraphiqlRoutes implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    if (!this.config.graphiql) return;
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const assets = graphiqlAssets();
    fastify.get(GRAPHIQL_PATH, (_request, reply) => reply.type('text/html; charset=utf-8').send(GRAPHIQL_PAGE));
    fastify.get(`${GRAPHIQL_PATH}/assets/start.js`, (_request, reply) =>
      reply.type('text/javascript; charset=utf-8').send(GRAPHIQL_START_SCRIPT),
    );
    fastify.get(`${GRAPHIQL_PATH}/assets/:name`, (request: FastifyRequest<{ Params: { name: string } }>, reply: FastifyReply) => {
      const asset = assets.get(request.params.name);
      if (asset === undefined) return reply.code(404).type('text/plain').send('not found');
      return reply.type(asset.contentType).header('cache-control', 'public, max-age=86400').send(createReadStream(asset.file));
    });
  }
}
