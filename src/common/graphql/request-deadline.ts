// A per-request time limit (security review, finding 3): the first resolver of a request
// starts its clock; every root query field, and every device read (node.vifs), gives up
// with REQUEST_TIMEOUT once the request has run for REQUEST_TIME_LIMIT_MS. graphql-js
// cannot cancel work already started, so what is refused is waiting: the answer goes back
// in time and no new device read starts. A mutation's own resolver runs to its end:
// answering "timed out" while its transaction then commits would mislead the client.
// Subscriptions are long-lived by design. Keyed by the request's context object (one per
// HTTP request, one per graphql-ws operation), so nothing outlives the request.

import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { from, lastValueFrom, Observable } from 'rxjs';
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

/** Applies the deadline to every root query field (Nest runs interceptors on root fields only). */
@Injectable()
export class RequestDeadlineInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    const ctx = gql.getContext<object | undefined>();
    if (info.operation.operation !== 'query' || ctx === undefined) return next.handle();
    return from(withinDeadline(ctx, () => lastValueFrom(next.handle())));
  }
}
