// GraphQL requests over HTTP by operation name and outcome code, counted by Mercurius hooks
// (preExecution names the operation, onResolution reads the errors). Operation names come
// from clients, so they are bounded: the first MAX_OPERATION_NAMES distinct names keep
// their label, later ones and anonymous operations count as "other"/"anonymous". Codes are
// the API's error codes (a closed catalogue), "OK" without errors.

import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { DocumentNode, GraphQLError, Kind } from 'graphql';
import { Counter } from 'prom-client';
import { METRIC_PREFIX, MetricsRegistry } from './metrics-registry';

export const MAX_OPERATION_NAMES = 200;
const MAX_CODES = 50;
const OPERATION = Symbol('metrics.operation');

interface MercuriusHooks {
  addHook(name: 'preExecution', hook: (schema: unknown, document: DocumentNode, context: Record<symbol, string>) => Promise<void>): void;
  addHook(name: 'onResolution', hook: (execution: { errors?: readonly GraphQLError[] }, context: Record<symbol, string>) => Promise<void>): void;
}

/** Keeps at most `max` distinct values; the rest map to `fallback`. */
export class BoundedLabels {
  private readonly seen = new Set<string>();

  constructor(
    private readonly max: number,
    private readonly fallback: string,
  ) {}

  label(value: string): string {
    if (this.seen.has(value)) return value;
    if (this.seen.size >= this.max) return this.fallback;
    this.seen.add(value);
    return value;
  }
}

export function operationNameOf(document: DocumentNode): string | undefined {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  return operations.length === 1 ? operations[0].name?.value : undefined;
}

export function errorCodeOf(error: GraphQLError): string {
  const fromExtensions = error.extensions?.code;
  if (typeof fromExtensions === 'string') return fromExtensions;
  const original = (error.originalError as { code?: unknown } | undefined)?.code;
  return typeof original === 'string' ? original : 'INTERNAL';
}

@Injectable()
export class GraphqlMetrics implements OnApplicationBootstrap {
  private readonly names = new BoundedLabels(MAX_OPERATION_NAMES, 'other');
  private readonly codes = new BoundedLabels(MAX_CODES, 'other');
  private readonly requests: Counter<'operation' | 'code'>;

  constructor(
    metrics: MetricsRegistry,
    private readonly adapterHost: HttpAdapterHost,
  ) {
    this.requests = new Counter({
      name: `${METRIC_PREFIX}graphql_requests_total`,
      help: 'GraphQL requests over HTTP by operation name (bounded) and outcome code (OK or the first error code)',
      labelNames: ['operation', 'code'],
      registers: [metrics.registry],
    });
  }

  onApplicationBootstrap(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    // Mercurius decorates the instance when its plugin loads, which is at ready().
    fastify?.addHook('onReady', async () => {
      const graphql = (fastify as unknown as { graphql?: MercuriusHooks }).graphql;
      if (graphql === undefined) return;
      graphql.addHook('preExecution', async (_schema, document, context) => {
        const name = operationNameOf(document);
        context[OPERATION] = name === undefined ? 'anonymous' : this.names.label(name);
      });
      graphql.addHook('onResolution', async (execution, context) => {
        const first = execution.errors?.[0];
        const code = first === undefined ? 'OK' : this.codes.label(errorCodeOf(first));
        this.requests.inc({ operation: context[OPERATION] ?? 'anonymous', code });
      });
    });
  }
}
