// Errors raised before a route's handler runs (a body that is no JSON, too large, of an
// unsupported media type) are answered by the HTTP server's error handler: Nest's filters,
// the route's own @UseFilters and the global ones alike, never see them. A family of routes
// with its own error shape (the REST APIs) registers its filter here by path prefix when
// its module is loaded; the server's error handler (http/http-adapter.ts) hands such errors
// to it, and every other route keeps the server's default answer.

import { ArgumentsHost, ExceptionFilter, HttpException } from '@nestjs/common';
import type { HttpArgumentsHost } from '@nestjs/common/interfaces';

const byPrefix = new Map<string, ExceptionFilter>();

/** `prefix` is a path such as `/ebl`: it covers `/ebl` and `/ebl/…`, not `/eblx`. */
export function registerRouteErrorFilter(prefix: string, filter: ExceptionFilter): void {
  byPrefix.set(prefix.replace(/\/+$/, ''), filter);
}

/** The filter registered for the request's path (`url` may carry a query), if any. */
export function routeErrorFilterFor(url: string): ExceptionFilter | undefined {
  const path = url.split('?', 1)[0];
  for (const [prefix, filter] of byPrefix) {
    if (path === prefix || path.startsWith(`${prefix}/`)) return filter;
  }
  return undefined;
}

/**
 * Answers a server-level error through the filter registered for the request's path; false
 * when none is (the caller leaves the error to the server's default handler). A client
 * error of the server (status < 500) reaches the filter as an HttpException, as Nest maps it.
 */
export function answerWithRouteFilter(error: unknown, request: { url: string }, reply: unknown): boolean {
  const filter = routeErrorFilterFor(request.url);
  if (filter === undefined) return false;
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  const clientError = error instanceof Error && typeof status === 'number' && status >= 400 && status < 500;
  const exception = clientError ? new HttpException(error.message, status, { cause: error }) : error;
  void filter.catch(exception, httpHost(request, reply));
  return true;
}

function httpHost(request: unknown, reply: unknown): ArgumentsHost {
  const http: HttpArgumentsHost = {
    getRequest: <T>() => request as T,
    getResponse: <T>() => reply as T,
    getNext: <T>() => undefined as T,
  };
  const unsupported = (): never => {
    throw new Error('not an RPC or WebSocket context');
  };
  return {
    getArgs: <T extends unknown[]>() => [request, reply] as T,
    getArgByIndex: <T>(index: number) => [request, reply][index] as T,
    switchToHttp: () => http,
    switchToRpc: unsupported,
    switchToWs: unsupported,
    getType: <T extends string>() => 'http' as T,
  };
}
