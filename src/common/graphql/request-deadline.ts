// A per-request time limit (security review, finding 3): a query request answers
// REQUEST_TIMEOUT once it has run for REQUEST_TIME_LIMIT_MS (over HTTP one timer per
// request, armed by the route; over graphql-ws the query's execution is raced), and
// every device read (node.vifs) gives up at the same deadline. graphql-js cannot cancel
// work already started, so what is refused is waiting: the answer goes back in time and no
// new device read starts. A mutation runs to its end: answering "timed out" while its
// transaction then commits would mislead the client. Subscriptions are long-lived by
// design. Keyed by the request's context object (one per HTTP request, one per graphql-ws
// operation), so nothing outlives the request.

import { DocumentNode, Kind, parse } from 'graphql';
import { AppError, ErrorCode } from '../errors/app-error';

export const REQUEST_TIME_LIMIT_MS = 30_000;

const deadlines = new WeakMap<object, number>();

export function deadlineOf(ctx: object, now = Date.now()): number {
  let deadline = deadlines.get(ctx);
  if (deadline === undefined) {
    deadline = now + REQUEST_TIME_LIMIT_MS;
    deadlines.set(ctx, deadline);
  }
  return deadline;
}

export function requestTimeout(): AppError {
  return new AppError(ErrorCode.REQUEST_TIMEOUT, `the request ran longer than ${REQUEST_TIME_LIMIT_MS / 1000} s and was abandoned`);
}

/** `work` unless the request's deadline passes first (REQUEST_TIMEOUT). */
export function withinDeadline<T>(ctx: object, work: () => Promise<T>): Promise<T> {
  const remaining = deadlineOf(ctx) - Date.now();
  if (remaining <= 0) return Promise.reject(requestTimeout());
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(requestTimeout()), remaining);
    timer.unref();
  });
  return Promise.race([work(), expired]).finally(() => clearTimeout(timer));
}

/** Whether a document's operations are all queries (a mutation runs to its end; a subscription lives on). */
export function onlyQueries(document: DocumentNode): boolean {
  return document.definitions.every((d) => d.kind !== Kind.OPERATION_DEFINITION || d.operation === 'query');
}

interface DeadlineRequest {
  body?: unknown;
  query?: unknown;
}

interface DeadlineReply {
  sent?: boolean;
  code(status: number): { send(body: unknown): unknown };
}

const timers = new WeakMap<object, NodeJS.Timeout>();

/** The GraphQL document of an HTTP request (POST body or GET query string), if it parses. */
function documentOf(request: DeadlineRequest): DocumentNode | undefined {
  const source = (request.body as { query?: unknown } | undefined)?.query ?? (request.query as { query?: unknown } | undefined)?.query;
  if (typeof source !== 'string') return undefined;
  try {
    return parse(source);
  } catch {
    return undefined;
  }
}

/**
 * Fastify preHandler of the GraphQL route: one timer per request (a Nest interceptor on
 * every root field, and Mercurius's execution hooks, each cost the read path a fifth or
 * more of its throughput: docs/benchmarks.md). When the request has run for the limit and
 * its document holds only queries (parsed then, on that rare path), it answers
 * REQUEST_TIMEOUT; the execution still running is abandoned, its late answer dropped.
 */
export function armRequestDeadline(request: DeadlineRequest, reply: DeadlineReply, done: () => void): void {
  const timer = setTimeout(() => {
    timers.delete(reply);
    const document = documentOf(request);
    if (reply.sent === true || document === undefined || !onlyQueries(document)) return;
    void reply.code(200).send({ data: null, errors: [{ message: requestTimeout().message, extensions: { code: ErrorCode.REQUEST_TIMEOUT } }] });
  }, REQUEST_TIME_LIMIT_MS);
  timer.unref();
  timers.set(reply, timer);
  done();
}

/** Called as the answer leaves (the route's onSend): it came in time. */
export function disarmRequestDeadline(reply: object): void {
  const timer = timers.get(reply);
  if (timer === undefined) return;
  clearTimeout(timer);
  timers.delete(reply);
}
