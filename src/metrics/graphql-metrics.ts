// GraphQL requests over HTTP by operation name and outcome code, counted as each answer
// leaves the GraphQL route (common/graphql/graphql-answers.ts), not from Mercurius's
// execution hooks, which cost every request (docs/benchmarks.md, round nine). The name
// comes from the document: noted by a preValidation hook when Mercurius parses it, which
// is once per distinct query text (Mercurius caches validated documents), and kept for as
// many texts as Mercurius keeps. Operation names come from clients, so they are bounded: the
// first MAX_OPERATION_NAMES distinct names keep their label, later ones and anonymous
// operations count as "other"/"anonymous". Codes are the API's error codes (a closed
// catalogue), "OK" without errors.

import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { DocumentNode, Kind, parse } from 'graphql';
import { Counter } from 'prom-client';
import { GraphqlAnswer, listenToGraphqlAnswers } from '../common/graphql/graphql-answers';
import { DOCUMENT_CACHE_ENTRIES } from '../common/graphql/graphql-options';
import { QUERY_PARSE_OPTIONS } from '../common/graphql/query-limits';
import { METRIC_PREFIX, MetricsRegistry } from './metrics-registry';

export const MAX_OPERATION_NAMES = 200;
const MAX_CODES = 50;

interface ValidationContext {
  reply?: { request?: { body?: unknown; query?: unknown } };
}

interface MercuriusHooks {
  addHook(name: 'preValidation', hook: (schema: unknown, document: DocumentNode, context: ValidationContext) => Promise<void>): void;
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

/** Operation names by query text, the most recently used kept (a Map iterates oldest first). */
export class OperationNames {
  private readonly bySource = new Map<string, string | undefined>();

  constructor(private readonly max: number) {}

  note(source: string, name: string | undefined): void {
    this.bySource.delete(source);
    this.bySource.set(source, name);
    if (this.bySource.size > this.max) this.bySource.delete(this.bySource.keys().next().value ?? '');
  }

  /**
   * The name of the text's single operation. A text not noted (or no longer) is parsed here
   * when `parseUnknown` (an answer that ran: rare, Mercurius parsed it once); a refused one
   * is not parsed again for a label.
   */
  of(source: string, parseUnknown: boolean): string | undefined {
    if (this.bySource.has(source)) {
      const name = this.bySource.get(source);
      this.note(source, name);
      return name;
    }
    if (!parseUnknown) return undefined;
    let name: string | undefined;
    try {
      name = operationNameOf(parse(source, QUERY_PARSE_OPTIONS));
    } catch {
      name = undefined;
    }
    this.note(source, name);
    return name;
  }
}

@Injectable()
export class GraphqlMetrics implements OnApplicationBootstrap {
  private readonly names = new BoundedLabels(MAX_OPERATION_NAMES, 'other');
  private readonly codes = new BoundedLabels(MAX_CODES, 'other');
  /** Mercurius's LRU keeps up to twice its size (two generations): as many texts here. */
  private readonly operations = new OperationNames(2 * DOCUMENT_CACHE_ENTRIES);
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
    if (fastify === undefined) return;
    listenToGraphqlAnswers(fastify, (answer) => this.count(answer));
    // Mercurius decorates the instance when its plugin loads, which is at ready().
    fastify.addHook('onReady', async () => {
      const graphql = (fastify as unknown as { graphql?: MercuriusHooks }).graphql;
      graphql?.addHook('preValidation', async (_schema, document, context) => {
        const source = sourceOf(context.reply?.request);
        // A non-document was refused by the preValidation hook registered before this one.
        if (source !== undefined && Array.isArray(document.definitions)) this.operations.note(source, operationNameOf(document));
      });
    });
  }

  private count(answer: GraphqlAnswer): void {
    const name = answer.source === undefined ? undefined : this.operations.of(answer.source, answer.errorCode === undefined);
    const operation = name === undefined ? 'anonymous' : this.names.label(name);
    const code = answer.errorCode === undefined ? 'OK' : this.codes.label(answer.errorCode);
    this.requests.inc({ operation, code });
  }
}

function sourceOf(request: { body?: unknown; query?: unknown } | undefined): string | undefined {
  const source = (request?.body as { query?: unknown } | null | undefined)?.query ?? (request?.query as { query?: unknown } | undefined)?.query;
  return typeof source === 'string' ? source : undefined;
}
